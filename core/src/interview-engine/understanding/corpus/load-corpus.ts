import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS_JOBS, type CorpusJobName } from './corpus-jobs.js';

/** Which part of the corpus a line is in: tuned against, or held out and only measured. */
export type CorpusSlice = 'tuning' | 'held-out' | 'fresh' | 'fresh-2' | 'fresh-3' | 'fresh-4';

/** One labelled candidate utterance. */
export interface CorpusItem {
  id: string;
  slice: CorpusSlice;
  job: CorpusJobName;
  /** The plan step it answers: identity, opening, knockout:ID, tailored, candidate-questions. */
  step: string;
  text: string;
  /** The label as written: yes, no, unclear, n=150000, d=14, text, callback=..., wrong_person... */
  expect: string;
}

const FILES: Record<CorpusSlice, string> = {
  tuning: 'tuning.txt',
  'held-out': 'held-out.txt',
  fresh: 'fresh.txt',
  'fresh-2': 'fresh-2.txt',
  'fresh-3': 'fresh-3.txt',
  'fresh-4': 'fresh-4.txt',
};

/** One "LABEL | text" line of a labelled file, under the words of its "@ ..." header. */
export interface LabelledLine {
  /** file:line, for messages and ids. */
  where: string;
  /** The words after the "@" of the block the line is in. */
  header: string[];
  label: string;
  text: string;
}

/**
 * Reads a labelled file: "@ WORDS" blocks of "LABEL | text" lines, "#" comments and blank lines
 * skipped. The corpus, the scoring corpus and the turn readers' file share this format; each
 * checks its own headers and labels.
 */
export function readLabelledLines(source: string, name: string): LabelledLine[] {
  const lines: LabelledLine[] = [];
  let header: string[] | null = null;
  for (const [index, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    const where = `${name}:${String(index + 1)}`;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      header = line.slice(1).trim().split(/\s+/);
      continue;
    }
    const bar = line.indexOf(' | ');
    if (bar < 0 || header === null) {
      throw new Error(`${where}: expected "LABEL | text" after an "@ ..." line`);
    }
    lines.push({
      where,
      header,
      label: line.slice(0, bar).trim(),
      text: line.slice(bar + 3).trim(),
    });
  }
  return lines;
}

/** Reads a corpus file: "@ JOB STEP" blocks of "EXPECT | utterance" lines. */
export function parseCorpus(source: string, slice: CorpusSlice): CorpusItem[] {
  return readLabelledLines(source, slice).map(({ where, header, label, text }) => {
    const [jobName = '', step = ''] = header;
    if (!(jobName in CORPUS_JOBS)) throw new Error(`${where}: unknown job ${jobName}`);
    return { id: where, slice, job: jobName as CorpusJobName, step, expect: label, text };
  });
}

/** Both slices of the corpus kept in the repository. */
export function loadCorpus(): CorpusItem[] {
  return (Object.keys(FILES) as CorpusSlice[]).flatMap((slice) =>
    parseCorpus(readFileSync(fileURLToPath(new URL(FILES[slice], import.meta.url)), 'utf8'), slice),
  );
}
