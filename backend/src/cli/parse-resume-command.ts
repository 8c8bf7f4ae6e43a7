import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isAppError, type ParsedResume } from '@screenline/core';
import { createPdfWorkerPool } from '../resume-intake/default-pdf-pool.js';
import { parseResumeFile } from '../resume-intake/parse-resume-file.js';
import { resumeFileErrors } from '../resume-intake/resume-file-errors.js';
import { DEFAULT_RESUME_MAX_BYTES } from '../resume-intake/upload-limits.js';
import type { CliCommand } from './commands.js';

type ParseResult =
  ({ file: string } & ParsedResume) | { file: string; error: { code: string; message: string } };

/**
 * `screenline parse-resume FILE...`: the API's parsing path on local files. Prints only the JSON
 * array on stdout; a file that cannot be parsed gets `{ file, error }` in its place.
 */
export const parseResumeCommand: CliCommand = {
  name: 'parse-resume',
  usage: 'parse-resume FILE...',
  summary: 'Parse resumes (PDF, DOCX, text) and print their fields as JSON',
  async run(args) {
    const files = args.filter((arg) => arg !== '--json');
    if (files.length === 0) {
      process.stderr.write('Usage: screenline parse-resume FILE...\n');
      return 2;
    }
    const pool = createPdfWorkerPool();
    try {
      const results: ParseResult[] = [];
      for (const file of files) results.push(await parseOne(file, pool));
      process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
      // A refused file is an answer in the array, not a failure of the command.
      return 0;
    } finally {
      await pool.close();
    }
  },
};

async function parseOne(
  file: string,
  pool: ReturnType<typeof createPdfWorkerPool>,
): Promise<ParseResult> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (info.size > DEFAULT_RESUME_MAX_BYTES)
      throw resumeFileErrors.tooLarge(DEFAULT_RESUME_MAX_BYTES);
    const data = new Uint8Array(await readFile(file));
    const { parsed } = await parseResumeFile(data, pool);
    return { file: name, ...parsed };
  } catch (error) {
    if (isAppError(error))
      return { file: name, error: { code: error.code, message: error.message } };
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      return {
        file: name,
        error: { code: 'NOT_FOUND', message: `Cannot read ${name}: check the path.` },
      };
    }
    return { file: name, error: { code: 'INTERNAL', message: 'The file could not be parsed.' } };
  }
}
