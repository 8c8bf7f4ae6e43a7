import { readFile } from 'node:fs/promises';
import { allPersonaLines } from './persona-lines.js';
import { PocketsphinxRecogniser, type PocketsphinxMode } from './pocketsphinx-recogniser.js';

/** The recognisers the server can run, by their `--recogniser` name. */
export const RECOGNISER_NAMES = [
  'domain-lm',
  'grammar',
  'general',
] as const satisfies readonly PocketsphinxMode[];
export type RecogniserName = (typeof RECOGNISER_NAMES)[number];

/** True for a known recogniser name. */
export function isRecogniserName(value: string): value is RecogniserName {
  return (RECOGNISER_NAMES as readonly string[]).includes(value);
}

/**
 * A pocketsphinx recogniser whose expected speech is the given corpus files (one line each;
 * `#` starts a comment) or, without files, every persona's lines for the demo job and sample resume.
 */
export async function createRecogniser(
  name: RecogniserName,
  corpusFiles: readonly string[] = [],
): Promise<PocketsphinxRecogniser> {
  const lines =
    corpusFiles.length === 0
      ? await allPersonaLines()
      : (await Promise.all(corpusFiles.map(readCorpus))).flat();
  return new PocketsphinxRecogniser({ mode: name, lines });
}

async function readCorpus(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
