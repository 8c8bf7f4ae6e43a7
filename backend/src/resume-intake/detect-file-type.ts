import { resumeFileErrors } from './resume-file-errors.js';

/** The kinds of file a resume may be, decided by content (magic bytes), never by name. */
export type ResumeFileType = 'pdf' | 'docx' | 'text';

export const MEDIA_TYPES: Record<ResumeFileType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
};

const startsWith = (data: Uint8Array, bytes: number[]): boolean =>
  bytes.every((byte, index) => data[index] === byte);

/**
 * What the bytes are (RELIABILITY UP-1). A ZIP is only a candidate DOCX here: the ZIP reader checks
 * it holds `word/document.xml`. Refusals name what the file looks like, so the person knows why.
 */
export function detectFileType(data: Uint8Array): ResumeFileType {
  if (data.length === 0) throw resumeFileErrors.empty();
  // The PDF header may follow a little junk (some generators write a preamble); readers allow 1 KB.
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw resumeFileErrors.unsupported(
      'This is an old Word (.doc) file, which we cannot read. Save it as .docx or PDF.',
    );
  }
  if (head.startsWith('{\\rtf')) throw resumeFileErrors.unsupported('This is an RTF file.');
  if (isImage(data)) throw resumeFileErrors.unsupported('This is an image, not a document.');
  if (startsWith(data, [0x50, 0x4b]))
    throw resumeFileErrors.unsupported('This is an archive, not a document.');
  const text = decodeText(data);
  if (text !== null) {
    // A web page is never a resume we store: it may carry scripts, and it reads as markup.
    if (isMarkup(text)) {
      throw resumeFileErrors.unsupported(
        'This is a web page (HTML), not a document. Open it in a browser and save it as PDF (Print → Save as PDF).',
      );
    }
    return 'text';
  }
  throw resumeFileErrors.unsupported('This file is not a PDF, DOCX or text document.');
}

const TYPE_NAMES: Record<ResumeFileType, string> = {
  pdf: 'a PDF',
  docx: 'a Word document (DOCX)',
  text: 'a plain text file',
};

/**
 * The name must not promise another type than the bytes hold: a text saved as `resume.pdf` was
 * renamed rather than exported, and a file that lies about itself is refused, saying what it is.
 * Names without a PDF or DOCX extension (`.txt`, `.md`, none) claim nothing.
 */
export function assertNameMatchesType(fileName: string, type: ResumeFileType): void {
  const claimed = /\.(pdf|docx)\s*$/i.exec(fileName)?.[1]?.toLowerCase();
  if (claimed === undefined || claimed === type) return;
  const extension = claimed === 'pdf' ? '.pdf' : '.docx';
  throw resumeFileErrors.unsupported(
    `This file is named ${extension} but it is ${TYPE_NAMES[type]}, not ${TYPE_NAMES[claimed as ResumeFileType]}. Export the real ${claimed === 'pdf' ? 'PDF' : 'DOCX'} from your editor, or upload the file under its own type.`,
  );
}

function isImage(data: Uint8Array): boolean {
  return (
    startsWith(data, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(data, [0xff, 0xd8, 0xff]) ||
    startsWith(data, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(data, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(data, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(data, [0x52, 0x49, 0x46, 0x46]) &&
      Buffer.from(data.subarray(8, 12)).toString('latin1') === 'WEBP')
  );
}

/**
 * HTML or other active markup: a document that opens with an HTML or SVG element, or holds a script,
 * frame or event handler anywhere. A resume in text or Markdown has none of these.
 */
function isMarkup(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '')
    .toLowerCase();
  if (/^<(?:!doctype\s+html|html|head|body|meta|title|style|svg)[\s>/]/.test(head)) return true;
  return /<(?:script|iframe|object|embed|frameset|html|body)\b|<[a-z]+\s[^>]*\bon[a-z]+\s*=|\bhref\s*=\s*["']?\s*javascript:/i.test(
    text.slice(0, 200_000),
  );
}

/** The text of a text file, or null when the bytes are not text. */
export function decodeText(data: Uint8Array): string | null {
  let text: string;
  try {
    if (startsWith(data, [0xff, 0xfe]))
      text = new TextDecoder('utf-16le', { fatal: true }).decode(data.subarray(2));
    else if (startsWith(data, [0xfe, 0xff]))
      text = new TextDecoder('utf-16be', { fatal: true }).decode(data.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Not UTF-8: a text saved by an older Windows editor is Windows-1252. Binary files give
    // themselves away by their control bytes below.
    if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) return null;
    text = new TextDecoder('windows-1252').decode(data);
  }
  return hasBinaryControls(text) ? null : text.replace(/^\uFEFF/, '');
}

/** NUL and the other C0 controls that never appear in text (tab, newlines and form feed do). */
function hasBinaryControls(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) && code !== 0x0c)
      return true;
  }
  return false;
}
