import { numberToWords } from '@screenline/core';

/**
 * The words of a line, for scoring and for the language model: lower case, no punctuation, hyphens
 * as word breaks, a number in digits said as words ("155000" → "one hundred fifty five thousand").
 * Tokens that mix letters with digits or dots stay whole ("p95", "node.js"), as a voice says them
 * as one unit.
 */
export function spokenWords(text: string): string[] {
  return spokenTokens(text).map((token) => token.word);
}

/** Each word of `spokenWords` with the text it came from ("USD" for "usd"), for pronunciations. */
export function spokenTokens(text: string): { word: string; surface: string }[] {
  const tokens: { word: string; surface: string }[] = [];
  for (const raw of text.split(/[\s\-–—/]+/)) {
    // Edge punctuation goes; inner dots and apostrophes stay ("node.js", "I'm").
    const surface = raw
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
      .replace(/[^A-Za-z0-9.']/g, '');
    if (surface === '') continue;
    if (/^\d+$/.test(surface)) {
      for (const word of numberToWords(Number(surface)).split(/[\s-]+/))
        tokens.push({ word, surface: word });
      continue;
    }
    tokens.push({ word: surface.toLowerCase(), surface });
  }
  return tokens;
}

/** Edits that turn a reference into a hypothesis, counted over words. */
export interface WordErrors {
  substitutions: number;
  deletions: number;
  insertions: number;
  /** Words in the reference: the denominator of the rate. */
  referenceWords: number;
}

interface Alignment {
  cost: number;
  sub: number;
  del: number;
  ins: number;
}

const NEVER: Alignment = { cost: Infinity, sub: 0, del: 0, ins: 0 };

/** Levenshtein distance over words, split into substitutions, deletions and insertions. */
export function countWordErrors(reference: string, hypothesis: string): WordErrors {
  const ref = spokenWords(reference);
  const hyp = spokenWords(hypothesis);
  // previous[j]: the best alignment of the reference words so far with the first j hypothesis words.
  let previous: Alignment[] = [{ cost: 0, sub: 0, del: 0, ins: 0 }];
  for (let j = 1; j <= hyp.length; j += 1) previous.push({ cost: j, sub: 0, del: 0, ins: j });
  ref.forEach((refWord, i) => {
    const current: Alignment[] = [{ cost: i + 1, sub: 0, del: i + 1, ins: 0 }];
    hyp.forEach((hypWord, j) => {
      const diagonal = previous[j] ?? NEVER;
      const up = previous[j + 1] ?? NEVER;
      const left = current[j] ?? NEVER;
      const miss = refWord === hypWord ? 0 : 1;
      const options: Alignment[] = [
        { ...diagonal, cost: diagonal.cost + miss, sub: diagonal.sub + miss },
        { ...up, cost: up.cost + 1, del: up.del + 1 },
        { ...left, cost: left.cost + 1, ins: left.ins + 1 },
      ];
      current.push(options.reduce((best, option) => (option.cost < best.cost ? option : best)));
    });
    previous = current;
  });
  const last = previous[hyp.length] ?? NEVER;
  return {
    substitutions: last.sub,
    deletions: last.del,
    insertions: last.ins,
    referenceWords: ref.length,
  };
}

/** Word error rate: (S + D + I) / N over the reference's words; 0 for two empty texts. */
export function wordErrorRate(reference: string, hypothesis: string): number {
  return rateOf([countWordErrors(reference, hypothesis)]);
}

/** The pooled rate of many lines: all their edits over all their reference words. */
export function rateOf(errors: readonly WordErrors[]): number {
  const edits = errors.reduce((sum, e) => sum + e.substitutions + e.deletions + e.insertions, 0);
  const words = errors.reduce((sum, e) => sum + e.referenceWords, 0);
  if (words === 0) return edits === 0 ? 0 : 1;
  return edits / words;
}
