import { describe, expect, it } from 'vitest';
import { countWordErrors, rateOf, spokenWords, wordErrorRate } from './word-error-rate.js';

describe('spokenWords', () => {
  it('lower-cases, drops punctuation, says numbers as words and keeps mixed tokens whole', () => {
    expect(spokenWords('About one hundred fifty-five thousand USD per year.')).toEqual([
      'about',
      'one',
      'hundred',
      'fifty',
      'five',
      'thousand',
      'usd',
      'per',
      'year',
    ]);
    expect(spokenWords('I cut our p95 latency; Node.js, on-call.')).toEqual([
      'i',
      'cut',
      'our',
      'p95',
      'latency',
      'node.js',
      'on',
      'call',
    ]);
    expect(spokenWords("I'm here, 'quoted' 155000")).toEqual([
      "i'm",
      'here',
      'quoted',
      'one',
      'hundred',
      'fifty',
      'five',
      'thousand',
    ]);
  });
});

describe('wordErrorRate', () => {
  it('is zero for the same words whatever the punctuation', () => {
    expect(wordErrorRate('Yes, I am.', 'yes i am')).toBe(0);
  });

  it('counts substitutions, deletions and insertions', () => {
    expect(countWordErrors('yes now is a good time', 'yes now is a tough time')).toEqual({
      substitutions: 1,
      deletions: 0,
      insertions: 0,
      referenceWords: 6,
    });
    expect(countWordErrors('two weeks', 'weeks')).toMatchObject({ deletions: 1 });
    expect(countWordErrors('two weeks', 'two two weeks')).toMatchObject({ insertions: 1 });
    expect(wordErrorRate('yes i am', '')).toBe(1);
    expect(wordErrorRate('yes', 'no no no')).toBe(3);
  });

  it('pools lines by their words, not by their count', () => {
    const lines = [countWordErrors('a b c d', 'a b c d'), countWordErrors('yes', 'no')];
    expect(rateOf(lines)).toBeCloseTo(1 / 5);
    expect(rateOf([])).toBe(0);
  });
});
