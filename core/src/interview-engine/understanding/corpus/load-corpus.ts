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

/** Reads a corpus file: "@ JOB STEP" blocks of "EXPECT | utterance" lines. */
export function parseCorpus(source: string, slice: CorpusSlice): CorpusItem[] {
  const items: CorpusItem[] = [];
  let job: CorpusJobName | null = null;
  let step = '';
  for (const [index, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const [, jobName = '', stepName = ''] = line.split(/\s+/);
      if (!(jobName in CORPUS_JOBS))
        throw new Error(`${slice}:${index + 1}: unknown job ${jobName}`);
      job = jobName as CorpusJobName;
      step = stepName;
      continue;
    }
    const bar = line.indexOf(' | ');
    if (bar < 0 || job === null) throw new Error(`${slice}:${index + 1}: expected "EXPECT | text"`);
    items.push({
      id: `${slice}:${index + 1}`,
      slice,
      job,
      step,
      expect: line.slice(0, bar).trim(),
      text: line.slice(bar + 3).trim(),
    });
  }
  return items;
}

/** Both slices of the corpus kept in the repository. */
export function loadCorpus(): CorpusItem[] {
  return (Object.keys(FILES) as CorpusSlice[]).flatMap((slice) =>
    parseCorpus(readFileSync(fileURLToPath(new URL(FILES[slice], import.meta.url)), 'utf8'), slice),
  );
}
