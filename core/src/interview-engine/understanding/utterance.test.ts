import { describe, expect, it } from 'vitest';
import { isQuestionLike } from './utterance.js';

describe('isQuestionLike', () => {
  it.each([
    'wait who is this again',
    'so how much does it pay',
    'sorry, what company is this',
    'quick question is it remote',
    'Is it remote?',
  ])('"%s" asks something, with or without a question mark', (text) => {
    expect(isQuestionLike(text)).toBe(true);
  });

  it.each(['so I would need about three weeks', 'and I can do evenings', 'wait, yes, that works'])(
    '"%s" is a statement',
    (text) => {
      expect(isQuestionLike(text)).toBe(false);
    },
  );
});
