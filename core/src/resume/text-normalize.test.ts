import { describe, expect, it } from 'vitest';
import {
  cleanLine,
  collapseLetterSpacing,
  startsWithBullet,
  stripBullet,
  titleCaseIfShouting,
} from './text-normalize.js';

describe('line cleaning', () => {
  it('removes icon glyphs but keeps a leading bullet', () => {
    expect(cleanLine('\uF0E0 jane@doe.dev  📞 555')).toBe('jane@doe.dev 555');
    expect(cleanLine('➤ Built the thing')).toBe('➤ Built the thing');
    expect(cleanLine('\uF0B7 Built the thing')).toBe('• Built the thing');
  });

  it('collapses letter spacing only when nearly every token is one letter', () => {
    expect(collapseLetterSpacing('E X P E R I E N C E')).toBe('EXPERIENCE');
    expect(collapseLetterSpacing('W O R K  H I S T O R Y')).toBe('WORK HISTORY');
    expect(collapseLetterSpacing('C and C++ at a B2B firm')).toBe('C and C++ at a B2B firm');
  });

  it('knows bullets', () => {
    expect(startsWithBullet('- item')).toBe(true);
    expect(startsWithBullet('•item')).toBe(true);
    expect(startsWithBullet('-5% churn')).toBe(false);
    expect(stripBullet('• item')).toBe('item');
  });

  it('title-cases shouting names only', () => {
    expect(titleCaseIfShouting("MARY O'NEIL-SMITH")).toBe("Mary O'Neil-Smith");
    expect(titleCaseIfShouting('Mary McDonald')).toBe('Mary McDonald');
  });
});
