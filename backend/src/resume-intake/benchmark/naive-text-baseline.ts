import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import { parseResumeLines, textToLines, type ParsedResume } from '@screenline/core';
import { decodeText, detectFileType } from '../detect-file-type.js';

/**
 * The baseline the benchmark reports beside the layout parser: text only, the way a naive parser
 * sees a file. PDF text in content-stream order (no positions, no columns, no link targets), DOCX as
 * mammoth's raw text, then the same section and field rules. The gap between the two is what the
 * layout work buys.
 */

interface PdfjsTextItem {
  str?: string;
  hasEOL?: boolean;
}
interface PdfjsModule {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: PdfjsTextItem[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
let pdfjs: Promise<PdfjsModule> | undefined;

/** The PDF's text in content-stream order, parsed in this process. */
export async function naivePdfText(data: Uint8Array): Promise<string> {
  pdfjs ??= import(
    pathToFileURL(path.join(pdfjsRoot, 'legacy/build/pdf.mjs')).href
  ) as Promise<PdfjsModule>;
  const library = await pdfjs;
  const document = await library.getDocument({
    data: data.slice(),
    isEvalSupported: false,
    standardFontDataUrl: path.join(pdfjsRoot, 'standard_fonts') + path.sep,
    verbosity: 0,
  }).promise;
  try {
    let text = '';
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      for (const item of (await page.getTextContent()).items)
        text += `${item.str ?? ''}${item.hasEOL === true ? '\n' : ''}`;
      text += '\n';
    }
    return text;
  } finally {
    await document.destroy();
  }
}

/** Parses a resume file with the text-only baseline. */
export async function parseNaively(data: Uint8Array): Promise<ParsedResume> {
  const type = detectFileType(data);
  let text: string;
  if (type === 'pdf') text = await naivePdfText(data);
  else if (type === 'docx')
    text = (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value;
  else text = decodeText(data) ?? '';
  return parseResumeLines(textToLines(text));
}
