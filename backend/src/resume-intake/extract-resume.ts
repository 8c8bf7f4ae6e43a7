import { layoutToLines, textToLines, type LayoutLine } from '@screenline/core';
import {
  decodeText,
  detectFileType,
  MEDIA_TYPES,
  type ResumeFileType,
} from './detect-file-type.js';
import { docxToLines } from './docx-to-lines.js';
import type { PdfWorkerPool } from './pdf-worker-pool.js';
import { readDocxParts } from './read-docx-parts.js';
import { resumeFileErrors } from './resume-file-errors.js';

/** A resume's text as lines in reading order, and what the file turned out to be. */
export interface ExtractedResume {
  type: ResumeFileType;
  mediaType: string;
  lines: LayoutLine[];
  text: string;
  warnings: string[];
}

/** Below this many letters a PDF counts as having no text layer (a scan with a stray page number). */
const MIN_LETTERS = 20;

/** Bytes → lines, by what the bytes are. Every refusal is an AppError with a 4xx code. */
export async function extractResume(
  data: Uint8Array,
  pdfPool: PdfWorkerPool,
): Promise<ExtractedResume> {
  const type = detectFileType(data);
  const warnings: string[] = [];
  let lines: LayoutLine[];
  if (type === 'pdf') {
    lines = await extractPdf(data, pdfPool, warnings);
  } else if (type === 'docx') {
    lines = docxToLines(await readDocxParts(data));
  } else {
    const text = decodeText(data);
    if (text === null)
      throw resumeFileErrors.unsupported('This file is not a PDF, DOCX or text document.');
    lines = textToLines(text);
  }
  const text = lines.map((line) => line.text).join('\n');
  if (countLetters(text) < MIN_LETTERS) {
    throw type === 'pdf' ? resumeFileErrors.noText() : resumeFileErrors.emptyDocument();
  }
  return { type, mediaType: MEDIA_TYPES[type], lines, text, warnings };
}

async function extractPdf(
  data: Uint8Array,
  pool: PdfWorkerPool,
  warnings: string[],
): Promise<LayoutLine[]> {
  if (!hasEndMarker(data)) throw resumeFileErrors.damaged('PDF');
  const result = await pool.extract(data);
  if (!result.ok) {
    switch (result.reason) {
      case 'encrypted':
        throw resumeFileErrors.encrypted();
      case 'timeout':
      case 'crashed':
      case 'memory':
        throw resumeFileErrors.tooComplex('PDF');
      case 'invalid':
        throw resumeFileErrors.damaged('PDF');
    }
  }
  if (result.pageCount > result.pages.length) {
    warnings.push(`Only the first ${result.pages.length} of ${result.pageCount} pages were read.`);
  }
  return layoutToLines(result.pages);
}

/**
 * A complete PDF ends with `%%EOF` (readers allow some trailing bytes). Without it the file was cut
 * off, and what a reader recovers from the rest would be a partial resume presented as whole.
 */
function hasEndMarker(data: Uint8Array): boolean {
  const tail = Buffer.from(data.subarray(Math.max(0, data.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}
