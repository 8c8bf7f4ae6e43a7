import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { resumeFileErrors } from './resume-file-errors.js';

/** Limits from RELIABILITY UP-2: checked on the ZIP directory before anything is inflated. */
export const ZIP_LIMITS = {
  maxEntries: 1_000,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 100,
} as const;

/** A resume's document.xml is tens of kilobytes; past this it is not a resume, and parsing would be slow. */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

const WANTED = ['word/document.xml', 'word/_rels/document.xml.rels'] as const;

/** The DOCX parts the parser reads, as text. */
export interface DocxParts {
  document: string;
  relationships: string | null;
  /** Page headers (`word/header1.xml`...), where templates often keep the name and contact line. */
  headers: string[];
}

/**
 * Reads `word/document.xml` (and its relationships, for link targets) from a DOCX. The central
 * directory is checked first (entry count, declared total size, compression ratio); while inflating,
 * the bytes are counted again, since the directory can lie.
 */
export async function readDocxParts(data: Uint8Array): Promise<DocxParts> {
  const zip = await openZip(data);
  try {
    const entries = await listEntries(zip);
    checkDirectory(entries, data.length);
    const document = entries.find((entry) => entry.fileName === WANTED[0]);
    if (document === undefined) {
      throw resumeFileErrors.unsupported(
        'This ZIP file is not a Word document (it has no word/document.xml).',
      );
    }
    if (document.uncompressedSize > MAX_DOCUMENT_BYTES)
      throw resumeFileErrors.tooComplex('Word document');
    const relationshipsEntry = entries.find((entry) => entry.fileName === WANTED[1]);
    return {
      document: await readEntry(zip, document),
      relationships:
        relationshipsEntry === undefined ? null : await readEntry(zip, relationshipsEntry),
      headers: await readHeaders(zip, entries),
    };
  } finally {
    zip.close();
  }
}

function openZip(data: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      { lazyEntries: true, validateEntrySizes: true },
      (error, zip) => {
        if (error !== null) reject(resumeFileErrors.damaged('Word document'));
        else resolve(zip);
      },
    );
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > ZIP_LIMITS.maxEntries) {
        reject(resumeFileErrors.zipBomb());
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(resumeFileErrors.damaged('Word document')));
    zip.readEntry();
  });
}

function checkDirectory(entries: Entry[], archiveBytes: number): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > ZIP_LIMITS.maxTotalBytes || total > archiveBytes * ZIP_LIMITS.maxRatio)
    throw resumeFileErrors.zipBomb();
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > ZIP_LIMITS.maxRatio && entry.uncompressedSize > 1024 * 1024)
      throw resumeFileErrors.zipBomb();
  }
}

function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null) {
        reject(resumeFileErrors.damaged('Word document'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > ZIP_LIMITS.maxTotalBytes || size > entry.uncompressedSize) {
          stream.destroy();
          reject(resumeFileErrors.zipBomb());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      // yauzl checks the inflated size against the directory; more bytes than declared is a bomb.
      stream.on('error', (streamError: Error) =>
        reject(
          /too many bytes/i.test(streamError.message)
            ? resumeFileErrors.zipBomb()
            : resumeFileErrors.damaged('Word document'),
        ),
      );
    });
  });
}

async function readHeaders(zip: ZipFile, entries: Entry[]): Promise<string[]> {
  const headers = entries
    .filter(
      (entry) =>
        /^word\/header\d{0,2}\.xml$/.test(entry.fileName) && entry.uncompressedSize < 1024 * 1024,
    )
    .sort((a, b) => a.fileName.localeCompare(b.fileName))
    .slice(0, 3);
  const texts: string[] = [];
  for (const entry of headers) texts.push(await readEntry(zip, entry));
  return texts;
}
