import { describe, expect, it } from 'vitest';
import { buildArpaModel, buildJsgfGrammar, vocabularyOf } from './language-model.js';

/** The ARPA file's n-grams as a map from words to log10 probability. */
function ngrams(arpa: string): Map<string, number> {
  const entries = new Map<string, number>();
  for (const line of arpa.split('\n')) {
    const fields = line.split('\t');
    if (fields.length >= 2 && fields[0] !== undefined && /^-?\d/.test(fields[0])) {
      entries.set(fields[1]!, Number(fields[0]));
    }
  }
  return entries;
}

describe('buildArpaModel', () => {
  const lines = ['Yes, I am.', 'No, I am afraid not.', 'Two weeks.'];
  const arpa = buildArpaModel(lines);

  it('writes a well-formed trigram model whose header counts match its sections', () => {
    expect(arpa.startsWith('\\data\\\n')).toBe(true);
    expect(arpa.trimEnd().endsWith('\\end\\')).toBe(true);
    for (const order of [1, 2, 3]) {
      const declared = Number(new RegExp(`ngram ${order}=(\\d+)`).exec(arpa)?.[1]);
      const section = arpa.split(`\\${order}-grams:\n`)[1]?.split('\n\n')[0]?.split('\n') ?? [];
      expect(section).toHaveLength(declared);
    }
  });

  it('gives every word a unigram that sums to one, and prefers the lines it was built from', () => {
    const grams = ngrams(arpa);
    const unigrams = [...grams].filter(([key]) => !key.includes(' ') && key !== '<s>');
    expect(unigrams.reduce((sum, [, log]) => sum + 10 ** log, 0)).toBeCloseTo(1, 3);
    expect(grams.get('<s> yes i')).toBeDefined();
    // Seen continuations share what the discount leaves: yes→i is certain minus the discount.
    expect(10 ** grams.get('<s> yes')!).toBeCloseTo((1 - 0.5) / 3, 3);
  });
});

describe('vocabularyOf and buildJsgfGrammar', () => {
  it('keeps the written form of each word for its pronunciation', () => {
    expect([...vocabularyOf(['About 155000 USD.', 'Node.js and usd'])]).toEqual([
      ['about', 'About'],
      ['and', 'and'],
      ['fifty', 'fifty'],
      ['five', 'five'],
      ['hundred', 'hundred'],
      ['node.js', 'Node.js'],
      ['one', 'one'],
      ['thousand', 'thousand'],
      ['usd', 'USD'],
    ]);
  });

  it('accepts exactly the lines, once each', () => {
    expect(buildJsgfGrammar(['Yes, I am.', 'yes i am', 'Two weeks.'])).toBe(
      '#JSGF V1.0;\ngrammar lines;\npublic <line> = yes i am\n  | two weeks;\n',
    );
  });
});
