import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Debian's pocketsphinx model: the acoustic model and the CMU dictionary beside it. */
export const POCKETSPHINX_MODEL_DIR = '/usr/share/pocketsphinx/model/en-us';

/**
 * eSpeak NG's English phoneme mnemonics (`espeak-ng -x`) in CMU ARPAbet, the phone set of the
 * pocketsphinx en-us model. Used only for words the CMU dictionary lacks (names such as Parcelly).
 */
const ESPEAK_TO_ARPABET: Record<string, string[]> = {
  a: ['AE'],
  'a#': ['AH'],
  aa: ['AE'],
  a2: ['AH'],
  'A:': ['AA'],
  A: ['AA'],
  'A@': ['AA', 'R'],
  '@': ['AH'],
  '@2': ['AH'],
  '@5': ['AH'],
  '@L': ['AH', 'L'],
  '@r': ['ER'],
  '3': ['ER'],
  '3:': ['ER'],
  '0': ['AA'],
  'O:': ['AO'],
  O: ['AO'],
  O2: ['AO'],
  'O@': ['AO', 'R'],
  'o@': ['AO', 'R'],
  E: ['EH'],
  E2: ['EH'],
  E3: ['EH'],
  'E@': ['EH', 'R'],
  'e@': ['EH', 'R'],
  eI: ['EY'],
  i: ['IY'],
  'i:': ['IY'],
  I: ['IH'],
  I2: ['IH'],
  'I#': ['IH'],
  'i@': ['IY', 'R'],
  'i@3': ['IY', 'R'],
  aI: ['AY'],
  aI3: ['AY', 'ER'],
  'aI@': ['AY', 'ER'],
  aU: ['AW'],
  'aU@': ['AW', 'ER'],
  oU: ['OW'],
  OI: ['OY'],
  U: ['UH'],
  'u:': ['UW'],
  'U@': ['UH', 'R'],
  V: ['AH'],
  p: ['P'],
  b: ['B'],
  t: ['T'],
  't#': ['T'],
  t2: ['T'],
  d: ['D'],
  'd#': ['D'],
  k: ['K'],
  g: ['G'],
  f: ['F'],
  v: ['V'],
  T: ['TH'],
  D: ['DH'],
  s: ['S'],
  z: ['Z'],
  S: ['SH'],
  Z: ['ZH'],
  tS: ['CH'],
  dZ: ['JH'],
  h: ['HH'],
  m: ['M'],
  'm-': ['M'],
  n: ['N'],
  'n-': ['N'],
  N: ['NG'],
  l: ['L'],
  'l-': ['L'],
  r: ['R'],
  'r-': ['R'],
  w: ['W'],
  j: ['Y'],
  x: ['K'],
  '?': [],
};

/** Words to their pronunciations: `word ARPABET...` lines, alternates as `word(2)`. */
export type Dictionary = Map<string, string[]>;

let cmu: Promise<Dictionary> | undefined;

/** The CMU dictionary shipped with pocketsphinx, loaded once. */
export function loadCmuDictionary(
  path = `${POCKETSPHINX_MODEL_DIR}/cmudict-en-us.dict`,
): Promise<Dictionary> {
  cmu ??= readFile(path, 'utf8').then((text) => {
    const dictionary: Dictionary = new Map();
    for (const line of text.split('\n')) {
      const space = line.indexOf(' ');
      if (space <= 0) continue;
      const word = line.slice(0, space).replace(/\(\d+\)$/, '');
      const phones = line.slice(space + 1).trim();
      const known = dictionary.get(word);
      if (known === undefined) dictionary.set(word, [phones]);
      else known.push(phones);
    }
    return dictionary;
  });
  return cmu;
}

/** eSpeak NG's pronunciation of a written word in ARPAbet, e.g. "Parcelly" → "P AA R S AH L IY". */
export async function espeakPronunciation(word: string): Promise<string> {
  const [phones] = await espeakPronunciations([word]);
  return phones ?? '';
}

/**
 * eSpeak NG's pronunciations of many words in one process (one word a line in, one line out),
 * since each start of espeak-ng costs more than the words themselves.
 */
export async function espeakPronunciations(words: readonly string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const child = execFile('espeak-ng', ['-q', '-v', 'en-us', '-x', '--sep=_'], {
    maxBuffer: 16 << 20,
  });
  const output = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (data: Buffer) => (stdout += data.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`espeak-ng exited with ${code}`)),
    );
  });
  child.stdin?.end(`${words.map((word) => word.replace(/\s+/g, ' ')).join('\n')}\n`);
  const lines = (await output).split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== words.length) {
    throw new Error(`espeak-ng gave ${lines.length} pronunciations for ${words.length} words`);
  }
  return lines.map((line, index) => toArpabet(line, words[index] ?? ''));
}

function toArpabet(espeak: string, word: string): string {
  const phones: string[] = [];
  for (const token of espeak.replace(/[',=;]/g, '').split(/[_\s]+/)) {
    if (token === '') continue;
    const mapped = ESPEAK_TO_ARPABET[token] ?? ESPEAK_TO_ARPABET[token.replace(/[#0-9]+$/, '')];
    if (mapped === undefined) throw new Error(`no ARPAbet for eSpeak phoneme ${token} in ${word}`);
    phones.push(...mapped);
  }
  if (phones.length === 0) throw new Error(`eSpeak gave no phonemes for ${word}`);
  return phones.join(' ');
}

/**
 * The dictionary lines for these words (word → the text it was written as). The first
 * pronunciation is eSpeak NG's for the written form, because the candidate's voice is eSpeak NG
 * and says "USD" as letters and "Node.js" as "node dot J S"; the CMU ones follow as alternates.
 */
export async function buildDictionary(words: ReadonlyMap<string, string>): Promise<string> {
  const dictionary = await loadCmuDictionary();
  const entries = [...words];
  const espeak = await espeakPronunciations(entries.map(([, surface]) => surface));
  const lines: string[] = [];
  for (const [index, [word]] of entries.entries()) {
    const variants = [...new Set([espeak[index] ?? '', ...(dictionary.get(word) ?? [])])].filter(
      Boolean,
    );
    variants.forEach((phones, index) => {
      lines.push(`${index === 0 ? word : `${word}(${index + 1})`} ${phones}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
