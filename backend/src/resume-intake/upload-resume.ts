import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Resume } from '@screenline/core';
import type { ResumesRepository } from '../db/repositories/resumes-repository.js';
import { createToken, hashToken } from '../lib/tokens.js';
import { assertNameMatchesType, detectFileType } from './detect-file-type.js';
import { parseResumeFile } from './parse-resume-file.js';
import type { PdfWorkerPool } from './pdf-worker-pool.js';

export interface UploadResumeDeps {
  resumes: ResumesRepository;
  pdfPool: PdfWorkerPool;
  /** Files go under `<dataDir>/resumes/`, named by a generated id, never by the uploaded name. */
  dataDir: string;
}

export interface UploadResumeResult {
  resume: Resume;
  candidateToken: string;
  /** False when the same file was uploaded before: the same resume comes back with a new token. */
  isNew: boolean;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
};

/**
 * Stores an uploaded resume: the name checked against the bytes, dedupe by sha256, parse (which refuses bad files with a 4xx AppError),
 * then write the file and its row so that a failure leaves neither: the file is written under a
 * temporary name and renamed, and removed again when the row cannot be inserted.
 */
export async function uploadResume(
  deps: UploadResumeDeps,
  fileName: string,
  data: Uint8Array,
): Promise<UploadResumeResult> {
  // Before the dedupe: a file that lies about its type is refused even when its bytes were seen.
  assertNameMatchesType(fileName, detectFileType(data));
  const sha256 = createHash('sha256').update(data).digest('hex');
  const existing = await deps.resumes.findBySha256(sha256);
  if (existing !== null) return reissue(deps, existing);

  const file = await parseResumeFile(data, deps.pdfPool);
  const storageKey = `resumes/${randomUUID()}.${EXTENSIONS[file.mediaType] ?? 'bin'}`;
  const finalPath = path.join(deps.dataDir, storageKey);
  await writeAtomically(finalPath, data);

  const candidateToken = createToken();
  let inserted: Resume | null;
  try {
    inserted = await deps.resumes.insert({
      fileName: cleanFileName(fileName),
      sha256,
      mediaType: file.mediaType,
      sizeBytes: data.length,
      storageKey,
      text: file.text,
      parsed: file.parsed,
      warnings: file.warnings,
      parserVersion: file.parserVersion,
      tokenHash: hashToken(candidateToken),
    });
  } catch (error) {
    await removeQuietly(finalPath);
    throw error;
  }
  if (inserted !== null) return { resume: inserted, candidateToken, isNew: true };

  // The same file arrived twice at once and the other upload won: keep its row, drop our copy.
  await removeQuietly(finalPath);
  const winner = await deps.resumes.findBySha256(sha256);
  if (winner === null) throw new Error('resume vanished after a sha256 conflict');
  return reissue(deps, winner);
}

async function reissue(deps: UploadResumeDeps, resume: Resume): Promise<UploadResumeResult> {
  const candidateToken = createToken();
  await deps.resumes.addToken(resume.id, hashToken(candidateToken));
  return { resume, candidateToken, isNew: false };
}

async function writeAtomically(finalPath: string, data: Uint8Array): Promise<void> {
  await mkdir(path.dirname(finalPath), { recursive: true });
  const temporary = `${finalPath}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, data, { flag: 'wx', mode: 0o600 });
    await rename(temporary, finalPath);
  } catch (error) {
    await removeQuietly(temporary);
    throw error;
  }
}

async function removeQuietly(filePath: string): Promise<void> {
  // Already gone is the state we want; any other failure leaves an orphan file, never a row without one.
  await unlink(filePath).catch(() => undefined);
}

/** The uploaded name as a label only: no path, no control characters, bounded length. */
export function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? '';
  const cleaned = Array.from(base)
    .filter((char) => !isControlCharacter(char))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? 'resume' : cleaned;
}

function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
