import { makeLine, type LayoutLine } from '@screenline/core';
import { resumeFileErrors } from './resume-file-errors.js';
import type { DocxParts } from './read-docx-parts.js';

/**
 * WordprocessingML → lines: one per paragraph (table cells and text boxes included, in document
 * order), with bold, font size, list bullets and hyperlink targets. A DTD or entity declaration is
 * refused outright (RELIABILITY UP-3): the XML is scanned, never handed to an entity-expanding parser.
 */
export function docxToLines(parts: DocxParts): LayoutLine[] {
  rejectDtd(parts.document);
  if (parts.relationships !== null) rejectDtd(parts.relationships);
  for (const header of parts.headers) rejectDtd(header);
  const targets = readRelationships(parts.relationships);
  // Many templates put the name and contact line in the page header: it is read first, once.
  const headerLines: LayoutLine[] = [];
  for (const header of parts.headers) {
    for (const line of partToLines(header, new Map())) {
      if (!headerLines.some((known) => known.text === line.text)) headerLines.push(line);
    }
  }
  const lines = [...headerLines, ...partToLines(parts.document, targets)];
  if (lines.every((line) => line.text.trim() === '')) throw resumeFileErrors.emptyDocument();
  return lines;
}

/** One WordprocessingML part (the body or a header) → its lines. */
function partToLines(xml: string, targets: Map<string, string>): LayoutLine[] {
  const lines: LayoutLine[] = [];
  // Paragraphs go to the innermost open table cell, else to the part's lines; a finished table
  // row is written to the enclosing place as rowToLines decides.
  const sinks: LayoutLine[][] = [lines];
  const rows: LayoutLine[][][] = [];
  const sink = (): LayoutLine[] => sinks.at(-1) ?? lines;
  const stack: Paragraph[] = [];
  let current: Paragraph | null = null;
  let run: RunState = { bold: false, size: 0 };
  let hyperlink: string | null = null;
  let inFallback = 0;
  let isInstruction = false;
  let blankRun = 0;
  let insideText = false;

  const TAG = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(TAG)) {
    const [, closing, name, attributes = '', selfClosing, text] = match;
    if (text !== undefined) {
      if (current !== null && inFallback === 0 && insideText) {
        if (isInstruction) {
          const field = /HYPERLINK\s+"([^"]+)"/.exec(decodeEntities(text));
          if (field?.[1] !== undefined) current.links.push(field[1]);
        } else {
          current.append(decodeEntities(text), run, hyperlink);
        }
      }
      continue;
    }
    if (name === 'mc:Fallback')
      inFallback += closing === '' && selfClosing === '' ? 1 : closing === '/' ? -1 : 0;
    if (inFallback > 0) continue;
    switch (name) {
      case 'w:p':
        if (closing === '') {
          if (current !== null) stack.push(current);
          current = new Paragraph();
          if (selfClosing === '/') {
            blankRun += 1;
            current = stack.pop() ?? null;
          }
        } else if (current !== null) {
          const finished = current.toLines(blankRun);
          if (finished.length === 0) blankRun += 1;
          else blankRun = 0;
          sink().push(...finished);
          current = stack.pop() ?? null;
        }
        break;
      case 'w:r':
        if (closing === '/' || selfClosing === '/') run = { bold: false, size: 0 };
        else run = { bold: current?.styleBold ?? false, size: 0 };
        break;
      case 'w:b':
        if (closing === '' && current !== null) {
          const isOn = !/w:val="(?:0|false|off)"/.test(attributes);
          if (current.inProperties) current.styleBold = isOn;
          else run.bold = isOn;
        }
        break;
      case 'w:sz':
        if (closing === '') run.size = Number(/w:val="(\d+)"/.exec(attributes)?.[1] ?? 0) / 2;
        break;
      case 'w:pPr':
        if (current !== null) current.inProperties = closing === '' && selfClosing === '';
        break;
      case 'w:pStyle':
        if (current !== null && /w:val="(?:Heading|Title|Subtitle)/i.test(attributes)) {
          current.styleBold = true;
          current.isHeading = true;
        }
        break;
      case 'w:numPr':
        if (current !== null) current.isBullet = true;
        break;
      case 'w:tab':
        if (closing === '' && current !== null && !current.inProperties)
          current.append('\t', run, hyperlink);
        break;
      case 'w:br':
      case 'w:cr':
        if (closing === '' && current !== null) current.append('\n', run, hyperlink);
        break;
      case 'w:hyperlink':
        if (closing === '' && selfClosing === '') {
          const id = /r:id="([^"]+)"/.exec(attributes)?.[1];
          hyperlink = id === undefined ? null : (targets.get(id) ?? null);
        } else {
          hyperlink = null;
        }
        break;
      case 'w:instrText':
        isInstruction = closing === '' && selfClosing === '';
        insideText = isInstruction;
        break;
      case 'w:t':
        insideText = closing === '' && selfClosing === '';
        break;
      case 'w:tr':
        if (selfClosing === '/') break;
        if (closing === '') rows.push([]);
        else {
          const row = rows.pop();
          if (row !== undefined) sink().push(...rowToLines(row));
        }
        break;
      case 'w:tc':
        if (selfClosing === '/') break;
        if (closing === '') {
          const cell: LayoutLine[] = [];
          rows.at(-1)?.push(cell);
          sinks.push(cell);
        } else if (sinks.length > 1) {
          sinks.pop();
        }
        break;
      default:
        break;
    }
  }
  return lines;
}

/**
 * A table row → lines. A row of single-line cells (an education table, a header row) is one line
 * with its cells tab-separated, as a PDF of it reads; a row whose first cell is a short label or
 * dates beside a block (a job) starts with those cells side by side; a layout row of big cells (a
 * sidebar beside the resume) is read cell by cell.
 */
function rowToLines(cells: LayoutLine[][]): LayoutLine[] {
  const filled = cells.filter((cell) => cell.length > 0);
  if (filled.length <= 1) return filled.flat();
  const isShort = (line: LayoutLine | undefined): boolean =>
    line !== undefined && line.text.length <= 120 && !line.text.startsWith('• ');
  const join = (row: LayoutLine[]): LayoutLine => {
    const first = row[0] ?? makeLine('');
    return {
      ...first,
      text: row.map((line) => line.text.replace(/\t/g, ' ')).join('\t'),
      bold: row.every((line) => line.bold),
      fontSize: Math.max(...row.map((line) => line.fontSize)),
      links: [...new Set(row.flatMap((line) => line.links))],
    };
  };
  if (filled.every((cell) => cell.length === 1 && isShort(cell[0])))
    return [join(filled.map((cell) => cell[0] ?? makeLine('')))];
  const [label, ...blocks] = filled;
  if (label?.length === 1 && label.every(isShort) && blocks.length === 1) {
    const block = blocks[0] ?? [];
    const [head, ...rest] = block;
    if (isShort(head) && head !== undefined) return [join([...label, head]), ...rest];
  }
  return filled.flat();
}

interface RunState {
  bold: boolean;
  size: number;
}

class Paragraph {
  text = '';
  boldChars = 0;
  maxSize = 0;
  styleBold = false;
  isHeading = false;
  isBullet = false;
  inProperties = false;
  links: string[] = [];

  append(text: string, run: RunState, hyperlink: string | null): void {
    this.text += text;
    if (run.bold || this.styleBold) this.boldChars += text.trim().length;
    if (run.size > this.maxSize) this.maxSize = run.size;
    if (hyperlink !== null && !this.links.includes(hyperlink)) this.links.push(hyperlink);
  }

  toLines(blankBefore: number): LayoutLine[] {
    const pieces = this.text.split('\n').filter((piece) => piece.trim() !== '');
    const visible = this.text.replace(/\s/g, '').length;
    const bold = visible > 0 && this.boldChars >= visible * 0.6;
    return pieces.map((piece, index) =>
      makeLine(index === 0 && this.isBullet ? `• ${piece}` : piece, {
        fontSize: this.maxSize,
        bold,
        gapBefore: index === 0 ? blankBefore : 0,
        links: this.links,
      }),
    );
  }
}

function rejectDtd(xml: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw resumeFileErrors.unsafeDocx();
}

function readRelationships(xml: string | null): Map<string, string> {
  const targets = new Map<string, string>();
  if (xml === null) return targets;
  for (const match of xml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attributes = match[1] ?? '';
    const id = /\bId="([^"]+)"/.exec(attributes)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(attributes)?.[1];
    if (id !== undefined && target !== undefined && attributes.includes('TargetMode="External"'))
      targets.set(id, decodeEntities(target));
  }
  return targets;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X'))
      return safeCodePoint(parseInt(entity.slice(2), 16), whole);
    if (entity.startsWith('#')) return safeCodePoint(Number(entity.slice(1)), whole);
    return NAMED_ENTITIES[entity] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}
