import { describe, expect, it } from 'vitest';
import { makeLine } from './layout.js';
import { classifyHeading } from './section-headings.js';

describe('classifyHeading', () => {
  it.each([
    ['Experience', 'experience'],
    ['WORK HISTORY', 'experience'],
    ['Employment History:', 'experience'],
    ['EXPERIENCE', 'experience'],
    ['Education & Training', 'education'],
    ['Technical Skills', 'skills'],
    ['Technologies', 'skills'],
    ['Profile', 'summary'],
    ['Objective', 'summary'],
    ['Licenses & Certifications', 'certifications'],
    ['Languages', 'languages'],
    ['Projects', 'projects'],
    ['Awards', 'other'],
    ['WORKEXPERIENCE', 'experience'],
    ['1. Education', 'education'],
    ['Profil', 'summary'],
    ['Persönliche Daten', 'contact'],
    ['Zertifikate', 'certifications'],
  ])('%s → %s', (text, kind) => {
    expect(classifyHeading(makeLine(text))).toBe(kind);
  });

  it('ignores values and sentences', () => {
    expect(classifyHeading(makeLine('Skills: Python, Go'))).toBeNull();
    expect(
      classifyHeading(makeLine('I have experience in many areas of engineering work')),
    ).toBeNull();
    expect(classifyHeading(makeLine('Cyberdyne Technologies'))).toBeNull();
  });

  it('accepts a combined heading when it is marked as one', () => {
    expect(classifyHeading(makeLine('TECHNICAL SKILLS & TOOLS'))).toBe('skills');
    expect(classifyHeading(makeLine('Relevant Work Experience', { bold: true }))).toBe(
      'experience',
    );
    expect(classifyHeading(makeLine('Relevant Work Experience'))).toBeNull();
  });
});
