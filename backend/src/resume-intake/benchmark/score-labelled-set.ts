import { readFile } from 'node:fs/promises';
import { EMPTY_PARSED_RESUME, isAppError, type ParsedResume } from '@screenline/core';
import { parseResumeFile } from '../parse-resume-file.js';
import type { PdfWorkerPool } from '../pdf-worker-pool.js';
import { loadLabelledResumes } from './fixture-files.js';
import { scoreResume, summarizeScores, type FieldScores } from './score-resumes.js';

/** One resume's result: its scores, and the parse time in milliseconds. */
export interface LabelledResult {
  file: string;
  scores: FieldScores;
  parsed: ParsedResume;
  elapsedMs: number;
}

/** Parses every labelled resume through the API's path and scores it. A refused file scores as empty. */
export async function scoreLabelledSet(
  pool: PdfWorkerPool,
  parse: (data: Uint8Array, pool: PdfWorkerPool) => Promise<ParsedResume> = async (data, p) =>
    (await parseResumeFile(data, p)).parsed,
): Promise<{ results: LabelledResult[]; summary: ReturnType<typeof summarizeScores> }> {
  const results: LabelledResult[] = [];
  for (const labelled of loadLabelledResumes()) {
    const data = new Uint8Array(await readFile(labelled.filePath));
    const started = performance.now();
    let parsed = EMPTY_PARSED_RESUME;
    try {
      parsed = await parse(data, pool);
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
    results.push({
      file: labelled.file,
      parsed,
      scores: scoreResume(labelled.expected, parsed),
      elapsedMs: performance.now() - started,
    });
  }
  return { results, summary: summarizeScores(results.map((result) => result.scores)) };
}
