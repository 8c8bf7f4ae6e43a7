import { readFile } from 'node:fs/promises';
import { EMPTY_PARSED_RESUME, isAppError, type ParsedResume } from '@screenline/core';
import { parseResumeFile } from '../parse-resume-file.js';
import type { PdfWorkerPool } from '../pdf-worker-pool.js';
import { FIXTURES_DIR, loadLabelledResumes } from './fixture-files.js';
import { scoreResume, summarizeScores, type FieldScores } from './score-resumes.js';

/** One resume's result: its scores, and the parse time in milliseconds. */
export interface LabelledResult {
  file: string;
  family: string;
  scores: FieldScores;
  parsed: ParsedResume;
  elapsedMs: number;
}

/**
 * Parses every labelled resume of a set through the API's path and scores it. A refused file scores
 * as empty.
 */
export async function scoreLabelledSet(
  pool: PdfWorkerPool,
  parse: (data: Uint8Array, pool: PdfWorkerPool) => Promise<ParsedResume> = async (data, p) =>
    (await parseResumeFile(data, p)).parsed,
  directory: string = FIXTURES_DIR,
): Promise<{ results: LabelledResult[]; summary: ReturnType<typeof summarizeScores> }> {
  const results: LabelledResult[] = [];
  for (const labelled of loadLabelledResumes(directory)) {
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
      family: labelled.family,
      parsed,
      scores: scoreResume(labelled.expected, parsed),
      elapsedMs: performance.now() - started,
    });
  }
  return { results, summary: summarizeScores(results.map((result) => result.scores)) };
}

/** Mean score per layout family, with the family's size. */
export function familyMeans(
  results: LabelledResult[],
): { family: string; count: number; mean: number }[] {
  const families = [...new Set(results.map((result) => result.family))].sort();
  return families.map((family) => {
    const members = results.filter((result) => result.family === family);
    return {
      family,
      count: members.length,
      mean: summarizeScores(members.map((member) => member.scores)).mean,
    };
  });
}
