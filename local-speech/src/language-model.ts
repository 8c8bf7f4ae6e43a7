import { spokenTokens, spokenWords } from './word-error-rate.js';

const DISCOUNT = 0.5;
const START = '<s>';
const END = '</s>';
const ORDER = 3;

/**
 * A trigram language model in ARPA text form (pocketsphinx `-lm`), built from the lines a screen
 * expects to hear: absolute discounting with back-off, so the recogniser prefers the domain's word
 * sequences but still decodes any order of its vocabulary from the audio.
 */
export function buildArpaModel(lines: readonly string[]): string {
  // counts[n - 1]: each n-gram (words joined by spaces) and how often it occurs.
  const counts = Array.from({ length: ORDER }, () => new Map<string, number>());
  for (const words of lines.map(spokenWords)) {
    if (words.length === 0) continue;
    const padded = [START, ...words, END];
    counts.forEach((grams, index) => {
      const order = index + 1;
      for (let i = 0; i + order <= padded.length; i += 1) {
        const gram = padded.slice(i, i + order);
        // Nothing predicts <s>; it only counts as a context.
        if (order === 1 && gram[0] === START) continue;
        const key = gram.join(' ');
        grams.set(key, (grams.get(key) ?? 0) + 1);
      }
    });
  }
  const [unigrams = new Map<string, number>(), ...higher] = counts;
  const vocabulary = [...unigrams.keys()].sort();
  const total = [...unigrams.values()].reduce((a, b) => a + b, 0);
  // Add-one unigrams: every word of the vocabulary stays reachable from any context.
  const probability = new Map<string, number>(
    vocabulary.map((word) => [word, ((unigrams.get(word) ?? 0) + 1) / (total + vocabulary.length)]),
  );
  const backoff = new Map<string, number>();
  const lookup = (history: string[], word: string): number => {
    const direct = probability.get([...history, word].join(' '));
    if (direct !== undefined) return direct;
    if (history.length === 0) return 0;
    return (backoff.get(history.join(' ')) ?? 1) * lookup(history.slice(1), word);
  };

  for (const grams of higher) {
    const byHistory = new Map<string, [string, number][]>();
    for (const [key, count] of grams) {
      const words = key.split(' ');
      const word = words.pop() ?? '';
      const history = words.join(' ');
      byHistory.set(history, [...(byHistory.get(history) ?? []), [word, count]]);
    }
    for (const [history, followers] of byHistory) {
      const historyCount = followers.reduce((sum, [, count]) => sum + count, 0);
      const shorter = history.split(' ').slice(1);
      let seenMass = 0;
      let lowerMass = 0;
      for (const [word, count] of followers) {
        const p = (count - DISCOUNT) / historyCount;
        seenMass += p;
        lowerMass += lookup(shorter, word);
        probability.set(`${history} ${word}`, p);
      }
      backoff.set(history, lowerMass >= 1 ? 0 : (1 - seenMass) / (1 - lowerMass));
    }
  }

  const log10 = (value: number | undefined): string =>
    value !== undefined && value > 0 ? Math.log10(value).toFixed(4) : '-99';
  const entry = (key: string, withBackoff: boolean): string => {
    const weight = withBackoff ? backoff.get(key) : undefined;
    const p = key === START ? undefined : probability.get(key);
    return `${log10(p)}\t${key}${weight === undefined ? '' : `\t${log10(weight)}`}`;
  };
  const sections = [
    [START, ...vocabulary].map((word) => entry(word, true)),
    ...higher.map((grams, index) =>
      [...grams.keys()].sort().map((key) => entry(key, index + 2 < ORDER)),
    ),
  ];
  return [
    '\\data\\',
    ...sections.map((section, index) => `ngram ${index + 1}=${section.length}`),
    '',
    ...sections.flatMap((section, index) => [`\\${index + 1}-grams:`, ...section, '']),
    '\\end\\',
    '',
  ].join('\n');
}

/** The words of a model's lines, each with the text it was written as: the dictionary's input. */
export function vocabularyOf(lines: readonly string[]): Map<string, string> {
  const vocabulary = new Map<string, string>();
  for (const { word, surface } of lines.flatMap(spokenTokens)) {
    if (!vocabulary.has(word)) vocabulary.set(word, surface);
  }
  return new Map([...vocabulary].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A JSGF grammar that accepts exactly the given lines (one alternative each), for pocketsphinx
 * `-jsgf`: the strictest real recogniser, which can only answer one of the lines or nothing.
 */
export function buildJsgfGrammar(lines: readonly string[]): string {
  const alternatives = [...new Set(lines.map((line) => spokenWords(line).join(' ')))].filter(
    (line) => line !== '',
  );
  return `#JSGF V1.0;\ngrammar lines;\npublic <line> = ${alternatives.join('\n  | ')};\n`;
}
