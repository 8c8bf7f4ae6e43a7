/**
 * What extraction hands the parser: positioned text, so reading order and headings can be recovered
 * from the layout rather than guessed from a flat string. Coordinates are PDF points, y grows downward.
 */
export interface LayoutItem {
  text: string;
  x: number;
  /** Top of the item, from the top of the page. */
  y: number;
  width: number;
  height: number;
  fontSize: number;
  bold: boolean;
}

/** A link annotation: a clickable area and where it points. */
export interface LayoutLink {
  x: number;
  y: number;
  width: number;
  height: number;
  url: string;
}

/** One page of positioned text. */
export interface LayoutPage {
  width: number;
  height: number;
  items: LayoutItem[];
  links: LayoutLink[];
}

/** A line of text in reading order, with what the layout says about it. */
export interface LayoutLine {
  text: string;
  page: number;
  /** Left edge in points (0 when unknown, as in plain text). */
  x: number;
  /** Font size in points (0 when unknown). */
  fontSize: number;
  bold: boolean;
  /** Vertical space before this line, in line heights (blank lines for plain text). */
  gapBefore: number;
  /** Targets of links whose area overlaps this line (a "LinkedIn" label's URL). */
  links: string[];
}

/** A line with sensible defaults, for sources that know only the text. */
export function makeLine(text: string, overrides: Partial<LayoutLine> = {}): LayoutLine {
  return { text, page: 0, x: 0, fontSize: 0, bold: false, gapBefore: 0, links: [], ...overrides };
}
