import type { LayoutItem, LayoutLine, LayoutLink, LayoutPage } from './layout.js';

/**
 * Positioned text → lines in reading order. Two-column and sidebar layouts are read column by column:
 * the gutter is an x band that no text crosses over most of the page; lines that do cross it (a name
 * across the top, a footer) cut the page into bands read top to bottom.
 */

interface Column {
  items: LayoutItem[];
}

/** Minimum empty width, in points, for a gap between columns. */
const MIN_GUTTER_WIDTH = 6;

/** Lines of every page in reading order, with headers, footers and page numbers removed. */
export function layoutToLines(pages: LayoutPage[]): LayoutLine[] {
  const perPage = pages.map((page, index) => pageToLines(page, index));
  return removeRunningText(perPage, pages).flat();
}

function pageToLines(page: LayoutPage, pageIndex: number): LayoutLine[] {
  const items = page.items.filter((item) => item.text.trim() !== '' && item.width > 0);
  // Small print in the top and bottom margins (running headers, footers, page numbers) is read on
  // its own, first and last, so it neither hides the gutter nor lands inside a column.
  const sizes = items.map((item) => item.fontSize).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const isSmall = (item: LayoutItem): boolean => item.fontSize <= bodySize * 0.85;
  const top = items.filter((item) => isSmall(item) && item.y + item.height < page.height * 0.06);
  const bottom = items.filter((item) => isSmall(item) && item.y > page.height * 0.94);
  const body = items.filter((item) => !top.includes(item) && !bottom.includes(item));
  const lines: LayoutLine[] = itemsToLines(top, pageIndex, page.links);
  for (const block of readingBlocks(body, page.width)) {
    lines.push(...itemsToLines(block.items, pageIndex, page.links));
  }
  lines.push(...itemsToLines(bottom, pageIndex, page.links));
  return lines;
}

/** Splits a page into blocks read in order: bands between spanning lines, left column before right. */
function readingBlocks(items: LayoutItem[], pageWidth: number): Column[] {
  const gutter = findGutter(items, pageWidth);
  if (gutter === null) return [{ items }];
  const minX = Math.min(...items.map((item) => item.x));
  const maxX = Math.max(...items.map((item) => item.x + item.width));
  // Spanning means reaching well into both columns: a long email that overflows its sidebar by a
  // few points still belongs to the sidebar.
  const reach = (maxX - minX) * 0.05;
  const isSpanning = (item: LayoutItem): boolean =>
    item.x < gutter.start - reach && item.x + item.width > gutter.end + reach;
  const isLeft = (item: LayoutItem): boolean => item.x < (gutter.start + gutter.end) / 2;
  const spanning = items.filter(isSpanning);
  const spanningTops = [...new Set(spanning.map((item) => Math.round(item.y)))].sort(
    (a, b) => a - b,
  );
  const blocks: Column[] = [];
  let top = -Infinity;
  for (const cut of [...spanningTops, Infinity]) {
    const band = items.filter((item) => item.y >= top && item.y < cut && !isSpanning(item));
    const left = band.filter(isLeft);
    const right = band.filter((item) => !isLeft(item));
    if (left.length > 0) blocks.push({ items: left });
    if (right.length > 0) blocks.push({ items: right });
    const atCut = spanning.filter((item) => Math.round(item.y) === cut);
    if (atCut.length > 0) blocks.push({ items: lineMates(items, atCut) });
    top = cut + 0.5;
  }
  return mergeSpanningRuns(blocks);
}

/** Items on the same line as a spanning item (its right-aligned date, say) travel with it. */
function lineMates(items: LayoutItem[], atCut: LayoutItem[]): LayoutItem[] {
  const first = atCut[0];
  if (first === undefined) return atCut;
  const center = first.y + first.height / 2;
  return items.filter(
    (item) =>
      Math.abs(item.y + item.height / 2 - center) < first.height / 2 &&
      item.y >= first.y - first.height,
  );
}

/** Consecutive blocks of spanning lines, and items taken twice by lineMates, are de-duplicated. */
function mergeSpanningRuns(blocks: Column[]): Column[] {
  const seen = new Set<LayoutItem>();
  const result: Column[] = [];
  for (const block of blocks) {
    const fresh = block.items.filter((item) => !seen.has(item));
    for (const item of fresh) seen.add(item);
    if (fresh.length > 0) result.push({ items: fresh });
  }
  return result;
}

interface Gutter {
  start: number;
  end: number;
}

/**
 * The widest x band that almost nothing crosses and that has substantial text on both sides over a
 * good part of the page height; null for a single column (right-aligned dates do not make a column).
 */
function findGutter(items: LayoutItem[], pageWidth: number): Gutter | null {
  if (items.length < 8) return null;
  const minX = Math.min(...items.map((item) => item.x));
  const maxX = Math.max(...items.map((item) => item.x + item.width));
  const width = Math.ceil(maxX - minX);
  if (width <= 0 || width > pageWidth * 2 + 100) return null;
  const coverage = new Array<number>(width + 1).fill(0);
  for (const item of items) {
    const from = Math.max(0, Math.floor(item.x - minX));
    const to = Math.min(width, Math.ceil(item.x + item.width - minX));
    for (let x = from; x < to; x += 1) coverage[x] = (coverage[x] ?? 0) + 1;
  }
  const allowedCrossings = Math.max(2, Math.floor(items.length * 0.04));
  let best: (Gutter & { score: number }) | null = null;
  let runStart = -1;
  for (let x = 0; x <= width; x += 1) {
    const isOpen = (coverage[x] ?? 0) <= allowedCrossings && x < width;
    if (isOpen && runStart < 0) runStart = x;
    if (!isOpen && runStart >= 0) {
      const candidate = { start: minX + runStart, end: minX + x };
      const score = scoreGutter(items, candidate, minX, maxX);
      if (score !== null && (best === null || score > best.score)) best = { ...candidate, score };
      runStart = -1;
    }
  }
  return best === null ? null : { start: best.start, end: best.end };
}

function scoreGutter(
  items: LayoutItem[],
  gutter: Gutter,
  minX: number,
  maxX: number,
): number | null {
  const gutterWidth = gutter.end - gutter.start;
  if (gutterWidth < MIN_GUTTER_WIDTH) return null;
  // A gutter sits inside the text block, leaving at least a sidebar's width on each side.
  const span = maxX - minX;
  if (gutter.start - minX < span * 0.15 || maxX - gutter.end < span * 0.15) return null;
  const left = items.filter((item) => item.x + item.width <= gutter.start + 1);
  const right = items.filter((item) => item.x >= gutter.end - 1);
  const leftChars = charCount(left);
  const rightChars = charCount(right);
  const total = leftChars + rightChars;
  if (total === 0 || Math.min(leftChars, rightChars) < total * 0.12) return null;
  if (
    verticalExtent(left) < 0.25 * verticalExtent(items) ||
    verticalExtent(right) < 0.25 * verticalExtent(items)
  )
    return null;
  // Dates in a column of their own (right-aligned, or a timeline at the left) are part of the lines
  // beside them, not a column to read on its own.
  if (isDateColumn(right) || isDateColumn(left)) return null;
  // Nor are labels, dates and places set beside each entry (moderncv's date column, a European CV's
  // label column, awesome-cv's places flush right): their rows sit on the rows of the other side.
  if (isRowAligned(left, right, isFlushRight(left)) || isRowAligned(right, left, false))
    return null;
  return gutterWidth * Math.min(leftChars, rightChars);
}

/**
 * True when the side's rows nearly all share a top or a baseline with a row of the other side. Two
 * real columns stack their lines independently, so only some meet by chance (at most about half on
 * the sets measured). A label column set flush right beside the content (a European CV) needs fewer:
 * its section titles stand beside rules, not text.
 */
function isRowAligned(side: LayoutItem[], other: LayoutItem[], isLabelColumn: boolean): boolean {
  const sideRows = groupRows(side);
  const otherRows = groupRows(other);
  // Such a column is sparse: most rows of the other side (descriptions) have nothing beside them.
  // Labels may wrap ("EDUCATION AND / TRAINING") where their side holds a rule.
  const maxRows = otherRows.length * (isLabelColumn ? 1.5 : 0.75);
  if (sideRows.length < 2 || sideRows.length > maxRows) return false;
  const edges = otherRows.map((row) => rowEdges(row));
  const aligned = sideRows.filter((row) => {
    const { top, bottom, height } = rowEdges(row);
    // A label and its value can differ in size: their tops meet within a point or two.
    const tolerance = isLabelColumn ? Math.max(1.5, height * 0.2) : Math.max(0.8, height * 0.1);
    return edges.some(
      (edge) =>
        Math.abs(edge.top - top) <= tolerance || Math.abs(edge.bottom - bottom) <= tolerance,
    );
  }).length;
  return aligned / sideRows.length >= (isLabelColumn ? 0.4 : 0.6);
}

/** Rows that end on one right edge while they start at different places: labels set flush right. */
function isFlushRight(items: LayoutItem[]): boolean {
  const rows = groupRows(items);
  if (rows.length < 4) return false;
  const rights = rows.map((row) => Math.max(...row.map((item) => item.x + item.width)));
  const lefts = rows.map((row) => Math.min(...row.map((item) => item.x)));
  const middle = [...rights].sort((a, b) => a - b)[Math.floor(rights.length / 2)] ?? 0;
  const flush = rights.filter((right) => Math.abs(right - middle) <= 2).length;
  return flush / rows.length >= 0.7 && Math.max(...lefts) - Math.min(...lefts) > 10;
}

function rowEdges(row: LayoutItem[]): { top: number; bottom: number; height: number } {
  const top = Math.min(...row.map((item) => item.y));
  const bottom = Math.max(...row.map((item) => item.y + item.height));
  return { top, bottom, height: Math.min(...row.map((item) => item.height)) };
}

function charCount(items: LayoutItem[]): number {
  return items.reduce((sum, item) => sum + item.text.trim().length, 0);
}

function verticalExtent(items: LayoutItem[]): number {
  if (items.length === 0) return 0;
  return (
    Math.max(...items.map((item) => item.y + item.height)) -
    Math.min(...items.map((item) => item.y))
  );
}

const DATE_OR_PLACE = /\b(19|20)\d{2}\b|present|current|remote|,\s*[A-Z]{2}\b/i;

function isDateColumn(items: LayoutItem[]): boolean {
  const rows = groupRows(items);
  if (rows.length === 0) return false;
  const dated = rows.filter((row) =>
    DATE_OR_PLACE.test(row.map((item) => item.text).join(' ')),
  ).length;
  return dated / rows.length > 0.6;
}

function groupRows(items: LayoutItem[]): LayoutItem[][] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: LayoutItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const anchor = row?.[0];
    if (
      row !== undefined &&
      anchor !== undefined &&
      Math.abs(item.y + item.height / 2 - (anchor.y + anchor.height / 2)) <
        Math.max(anchor.height, item.height) * 0.5
    ) {
      row.push(item);
    } else {
      rows.push([item]);
    }
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x));
}

const JOINING_WORD = /^(?:of|and|the|for|in|at|on|to|de|di|da|du|del|la|le|van|von|&)$/;

/** Items of one block → lines: same baseline, joined with a space or, over a wide gap, a tab. */
function itemsToLines(items: LayoutItem[], pageIndex: number, links: LayoutLink[]): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let previousBottom: number | null = null;
  for (const row of groupRows(items)) {
    const first = row[0];
    if (first === undefined) continue;
    let text = first.text;
    for (let index = 1; index < row.length; index += 1) {
      const previous = row[index - 1];
      const item = row[index];
      if (previous === undefined || item === undefined) continue;
      const gap = item.x - (previous.x + previous.width);
      const size = Math.max(previous.fontSize, item.fontSize, 1);
      // A gap of an em separates cells, unless it stands beside a small joining word: a justified
      // line in a narrow column ("College of Engineering and Technology") stretches its spaces.
      const isCellBreak =
        gap > size * 1.5 ||
        (gap > size &&
          !JOINING_WORD.test(previous.text.trim()) &&
          !JOINING_WORD.test(item.text.trim()));
      if (isCellBreak) text += '\t';
      else if (gap > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
    }
    const fontSize = Math.max(...row.map((item) => item.fontSize));
    const top = Math.min(...row.map((item) => item.y));
    const bottom = Math.max(...row.map((item) => item.y + item.height));
    const lineHeight = Math.max(fontSize, 1) * 1.2;
    const gapBefore =
      previousBottom === null ? 0 : Math.max(0, (top - previousBottom) / lineHeight);
    previousBottom = bottom;
    const boldChars = row
      .filter((item) => item.bold)
      .reduce((sum, item) => sum + item.text.length, 0);
    lines.push({
      text,
      page: pageIndex,
      x: first.x,
      fontSize,
      bold: boldChars > text.length / 2,
      gapBefore,
      links: linksOver(row, links),
    });
  }
  return lines;
}

function linksOver(row: LayoutItem[], links: LayoutLink[]): string[] {
  const found: string[] = [];
  for (const link of links) {
    const overlaps = row.some(
      (item) =>
        item.x < link.x + link.width &&
        item.x + item.width > link.x &&
        item.y < link.y + link.height &&
        item.y + item.height > link.y,
    );
    if (overlaps && !found.includes(link.url)) found.push(link.url);
  }
  return found;
}

const PAGE_NUMBER =
  /^(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$|^seite\s*\d+/i;

/**
 * Drops running headers and footers: page numbers, and lines in the top or bottom margin that repeat
 * on several pages (digits ignored, so "Page 1 of 2" and "Page 2 of 2" match).
 */
function removeRunningText(perPage: LayoutLine[][], pages: LayoutPage[]): LayoutLine[][] {
  const keyOf = (line: LayoutLine): string =>
    line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const counts = new Map<string, number>();
  for (const lines of perPage) {
    for (const key of new Set(lines.map(keyOf))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sizes = perPage
    .flat()
    .map((line) => line.fontSize)
    .filter((size) => size > 0)
    .sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  return perPage.map((lines, pageIndex) => {
    const page = pages[pageIndex];
    return lines.filter((line, lineIndex) => {
      const text = line.text.replace(/\t/g, ' ').trim();
      if (PAGE_NUMBER.test(text)) return false;
      const isEdge = lineIndex < 2 || lineIndex >= lines.length - 2;
      if (!isEdge || page === undefined) return true;
      const repeats = (counts.get(keyOf(line)) ?? 0) >= 2 && perPage.length >= 2;
      // Print headers and footers (a browser's date, title, file URL and "1/2") are small print at
      // the page's edge; a small edge line that reads like one goes even on a one-page resume.
      const isSmall = bodySize > 0 && line.fontSize <= bodySize * 0.85;
      return !(repeats || (isSmall && RUNNING_TEXT.test(text)));
    });
  });
}

const RUNNING_TEXT =
  /\b(?:page|seite|resume|résumé|curriculum vitae|cv|confidential)\b|file:\/\/|\d{1,2}\/\d{1,2}\/\d{2,4},?\s+\d{1,2}:\d{2}|\b\d+\s*\/\s*\d+$/i;
