import { parseResumeLines, RESUME_PARSER_VERSION, type ParsedResume } from '@screenline/core';
import { extractResume, type ExtractedResume } from './extract-resume.js';
import type { PdfWorkerPool } from './pdf-worker-pool.js';

/** A parsed resume file: what the API stores and the CLI prints. */
export interface ParsedResumeFile extends ExtractedResume {
  parsed: ParsedResume;
  parserVersion: string;
}

/**
 * The one path from bytes to fields, shared by `POST /api/resumes` and `screenline parse-resume`.
 * Warnings name what a person may want to fix in the file (no email found...), never its content.
 */
export async function parseResumeFile(
  data: Uint8Array,
  pdfPool: PdfWorkerPool,
): Promise<ParsedResumeFile> {
  const extracted = await extractResume(data, pdfPool);
  const parsed = parseResumeLines(extracted.lines);
  const warnings = [...extracted.warnings];
  if (parsed.name === null) warnings.push('No name was found.');
  if (parsed.email === null) warnings.push('No email address was found.');
  if (parsed.phone === null) warnings.push('No phone number was found.');
  if (parsed.experience.length === 0) warnings.push('No work experience was found.');
  return { ...extracted, parsed, warnings, parserVersion: RESUME_PARSER_VERSION };
}
