/**
 * Dates as resumes write them ("Jan 2020 – Present", "2019-2021", "03/2018", "Summer 2022", "’19")
 * normalised to `YYYY-MM`, `YYYY` or `present`.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // German, French and Spanish spellings that differ, common on European resumes.
  januar: 1,
  februar: 2,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  okt: 10,
  oktober: 10,
  dez: 12,
  dezember: 12,
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

/** Seasons map to the month they usually start in. */
const SEASONS: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

const MONTH_WORD = `(?:${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const SEASON_WORD = `(?:${Object.keys(SEASONS).join('|')})`;
const YEAR = `(?:19[5-9]\\d|20[0-4]\\d)`;
const SHORT_YEAR = `(?:['’]\\d{2})`;

/** One date: "Jan 2020", "January, 2020", "Summer 2022", "03/2018", "2018-03", "2018.03", "2020", "Jan '19". */
const SINGLE_DATE = `(?:\\d{1,2}[/.]\\d{1,2}[/.]${YEAR}|${MONTH_WORD},?\\s*(?:${YEAR}|${SHORT_YEAR})|${SEASON_WORD}\\s+${YEAR}|(?:0?[1-9]|1[0-2])\\s*[/.]\\s*${YEAR}|${YEAR}\\s*[-/.]\\s*(?:0[1-9]|1[0-2])(?!\\d)|${YEAR})`;
const PRESENT_WORD = `(?:present|current(?:ly)?|now|today|ongoing|to date|date|heute|aujourd'hui|actual|actualidad)`;
/** A start month written without its year, as in "Jan – Mar 2021". */
const BARE_MONTH = MONTH_WORD;
const RANGE_SEPARATOR = `\\s*(?:[-–—‒−~]+|to|until|till|through|bis|à|a)\\s*`;

const RANGE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(${SINGLE_DATE}|${BARE_MONTH})${RANGE_SEPARATOR}(${SINGLE_DATE}|${PRESENT_WORD})(?![\\p{L}\\d])`,
  'iu',
);
const SINGLE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?<!\\d[\\s.-])(${SINGLE_DATE})(?![\\p{L}\\d])`,
  'iu',
);
const SINCE_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:since|from|seit|depuis|desde)\\s+(${SINGLE_DATE})(?![\\p{L}\\d])`,
  'iu',
);
const EXPECTED_PATTERN = new RegExp(
  `(?<![\\p{L}\\d])(?:expected|anticipated|exp\\.?)\\s*:?\\s*(${SINGLE_DATE})(?![\\p{L}\\d])`,
  'iu',
);

/** A date range found in a line, and where it was. */
export interface FoundDates {
  start: string | null;
  end: string | null;
  /** The matched text, to remove it from the line. */
  match: string;
  index: number;
}

/** Normalises one written date; null when it is not a date. */
export function normalizeDate(written: string, fallbackYear?: string): string | null {
  const text = written.trim().toLowerCase().replace(/\s+/g, ' ');
  if (new RegExp(`^${PRESENT_WORD}$`, 'iu').test(text)) return 'present';
  const full = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (full?.[1] !== undefined && full[2] !== undefined && full[3] !== undefined) {
    // Day first unless that cannot be ("03/15/2018"): most resumes that write full dates are European.
    const first = Number(full[1]);
    const second = Number(full[2]);
    return withMonth(full[3], second > 12 ? first : second);
  }
  let match = /^(\d{4})$/.exec(text);
  if (match?.[1] !== undefined) return match[1];
  match = /^(\d{1,2})\s*[/.]\s*(\d{4})$/.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined)
    return withMonth(match[2], Number(match[1]));
  match = /^(\d{4})\s*[-/.]\s*(\d{2})$/.exec(text);
  if (match?.[1] !== undefined && match[2] !== undefined)
    return withMonth(match[1], Number(match[2]));
  match = /^(\p{L}+)\.?,?\s*(\d{4}|['’]\d{2})?$/u.exec(text);
  if (match?.[1] !== undefined) {
    const word = match[1];
    const year = expandYear(match[2]) ?? fallbackYear;
    if (year === undefined) return null;
    const month = MONTHS[word] ?? SEASONS[word];
    return month === undefined ? null : withMonth(year, month);
  }
  return null;
}

function expandYear(written: string | undefined): string | undefined {
  if (written === undefined) return undefined;
  if (/^\d{4}$/.test(written)) return written;
  const two = Number(written.slice(1));
  return String(two > 50 ? 1900 + two : 2000 + two);
}

function withMonth(year: string, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function yearOf(date: string | null): string | undefined {
  return date === null || date === 'present' ? undefined : date.slice(0, 4);
}

/** The first date range in a line ("Jan 2020 – Present"), or a lone date taken as the end. */
export function findDates(text: string): FoundDates | null {
  const range = RANGE_PATTERN.exec(text);
  if (range?.[1] !== undefined && range[2] !== undefined) {
    const end = normalizeDate(range[2]);
    const start = normalizeDate(range[1], yearOf(end));
    if (start !== null || end !== null) {
      return { start, end, match: range[0], index: range.index };
    }
  }
  const since = SINCE_PATTERN.exec(text);
  if (since?.[1] !== undefined) {
    return { start: normalizeDate(since[1]), end: 'present', match: since[0], index: since.index };
  }
  const expected = EXPECTED_PATTERN.exec(text);
  if (expected?.[1] !== undefined) {
    return {
      start: null,
      end: normalizeDate(expected[1]),
      match: expected[0],
      index: expected.index,
    };
  }
  const single = SINGLE_PATTERN.exec(text);
  if (single?.[1] !== undefined) {
    const date = normalizeDate(single[1]);
    if (date !== null) return { start: null, end: date, match: single[0], index: single.index };
  }
  return null;
}

/** True when the line holds a date range, or a month-precise date (a bare year can be anything). */
export function hasDateRange(text: string): boolean {
  const found = findDates(text);
  if (found === null) return false;
  return (
    found.start !== null ||
    found.end === 'present' ||
    (found.end?.length ?? 0) > 4 ||
    isMostlyDate(text, found)
  );
}

/** A line that is little more than a date ("2020", "(2019)"). */
function isMostlyDate(text: string, found: FoundDates): boolean {
  return text.replace(found.match, '').replace(/[^\p{L}\d]/gu, '').length <= 2;
}

/** The line with the date text and its dangling separators removed. */
export function removeDates(text: string, found: FoundDates): string {
  return (text.slice(0, found.index) + ' ' + text.slice(found.index + found.match.length))
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,|•·–—:;-]+|[\s,|•·–—:;(-]+$/g, '')
    .trim();
}
