import type { EducationEntry, ExperienceEntry } from './parsed-resume.js';
import type { LayoutLine } from './layout.js';
import { findDates, hasDateRange, removeDates, type FoundDates } from './resume-dates.js';
import { COMPANY_WORDS, DEGREE_WORDS, SCHOOL_WORDS, TITLE_WORDS } from './entry-words.js';
import { findLocation } from './contact.js';
import { COUNTRIES, isKnownCity, isPlaceShaped } from './places.js';
import { startsWithBullet, stripBullet } from './text-normalize.js';

/**
 * Entries of an experience or education section. An entry is a few short header lines (title,
 * employer, dates, place) and the description under them; a new entry starts where a header line
 * follows a description, or a second date range appears, as long as a date sits nearby: entries are
 * anchored on their dates, so short undated bullet lines stay in the description.
 */
interface Block {
  header: LayoutLine[];
  body: LayoutLine[];
  hasDate: boolean;
}

/** True for a line that belongs to a description rather than an entry header. */
function isDescriptionLine(line: LayoutLine): boolean {
  const text = line.text.replace(/\t/g, ' ').trim();
  if (startsWithBullet(text)) return true;
  if (hasDateRange(text) && text.length < 110) return false;
  if (text.length > 85) return true;
  // A lower-case first word continues a sentence; "iFood" or "eBay" is a name.
  if (/^\p{Ll}+(?:[\s,.;:]|$)/u.test(text)) return true;
  // A long run of words with no separators reads as a sentence, not as "Title, Employer | Place".
  if (text.split(/\s+/).length >= 8 && !/[|,–—(]|\s-\s|\sat\s|\s@\s/.test(text)) return true;
  // "Built the capital expenditure models." is a sentence; "Acme Co." is not.
  return (
    /[.;!]$/.test(text) &&
    text.split(' ').length >= 4 &&
    !/\b(?:inc|ltd|co|corp|llc|plc|s\.a|gmbh|ag)\.$/i.test(text)
  );
}

/**
 * Lines that belong to no entry: LinkedIn's durations on their own ("6 years 4 months") and its
 * "1 recommendation available upon request", "References available upon request".
 */
function isBoilerplate(line: LayoutLine): boolean {
  const text = line.text.replace(/\t/g, ' ').trim();
  return (
    DURATION_ONLY.test(text) ||
    /^\d+\s+recommendations?\b/i.test(text) ||
    /^references?\s+(?:are\s+)?available\b/i.test(text)
  );
}

/** LinkedIn's time in a role: "3 years 2 months", "(1 year)", "less than a year". */
const DURATION =
  /\(?\b(?:\d+\s+(?:years?|yrs?)(?:\s+\d+\s+(?:months?|mos?))?|\d+\s+(?:months?|mos?)|less than a year)\b\)?/gi;
const DURATION_ONLY = new RegExp(`^(?:${DURATION.source})$`, 'i');

/**
 * In a narrow column a header can wrap with its right-hand date: "Engineer — Cyberdyne\tMay 2016 – Jan."
 * over "Technologies\t2017". Such a pair is joined cell by cell.
 */
function joinWrappedHeaders(lines: LayoutLine[]): LayoutLine[] {
  const joined: LayoutLine[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const previousCells = previous?.text.split('\t') ?? [];
    const cells = line.text.split('\t');
    const isDangling =
      /(?:[-–—]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)\s*$/i.test(
        previousCells.at(-1) ?? '',
      );
    const completes = /^\s*(?:(?:19|20)\d{2}|present|current|now)\b/i.test(cells.at(-1) ?? '');
    if (
      previous !== undefined &&
      previousCells.length === 2 &&
      cells.length === 2 &&
      isDangling &&
      completes
    ) {
      joined[joined.length - 1] = {
        ...previous,
        text: previousCells.map((cell, index) => `${cell} ${cells[index] ?? ''}`.trim()).join('\t'),
      };
    } else {
      joined.push(line);
    }
  }
  return joined;
}

function splitBlocks(rawLines: LayoutLine[]): Block[] {
  const lines = joinWrappedHeaders(rawLines.filter((line) => !isBoilerplate(line)));
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line === undefined) continue;
    const isDescription = isDescriptionLine(line);
    const isDated = !isDescription && hasDateRange(line.text);
    if (current === null) {
      current = { header: [], body: [], hasDate: false };
      blocks.push(current);
    }
    if (!isDescription) {
      const dateNearby = isDated || upcomingHeaderHasDate(lines, index);
      const startsNew =
        current.header.length > 0 &&
        dateNearby &&
        (current.body.length > 0 ||
          (isDated && current.hasDate) ||
          (current.hasDate && !isDated && line.gapBefore >= 0.6 && current.header.length >= 2) ||
          current.header.length >= 4);
      const bigGapNew =
        current.header.length > 0 &&
        current.body.length > 0 &&
        line.gapBefore >= 1.2 &&
        !current.hasDate;
      if (startsNew || bigGapNew) {
        current = { header: [], body: [], hasDate: false };
        blocks.push(current);
      }
      const anchor = current.header[0];
      // An indented line under a header is a description without bullet glyphs, unless the header
      // opens with a date cell (a European CV, a timeline): its text starts further right.
      const opensWithDate =
        anchor !== undefined &&
        anchor.text.includes('\t') &&
        hasDateRange(anchor.text.split('\t')[0] ?? '');
      const isIndented =
        anchor !== undefined &&
        line.fontSize > 0 &&
        line.x > anchor.x + 6 &&
        !(opensWithDate && line.text.length < 70 && !/[.!?]$/.test(line.text));
      if (current.body.length === 0 && current.header.length < 5 && !(isIndented && !isDated)) {
        current.header.push(line);
        current.hasDate ||= isDated;
        continue;
      }
    }
    current.body.push(line);
  }
  return blocks.filter((block) => block.header.length > 0 || block.body.length > 0);
}

/** A date in this line or in the next header lines, before any description. */
function upcomingHeaderHasDate(lines: LayoutLine[], from: number): boolean {
  for (let index = from + 1; index < Math.min(lines.length, from + 3); index += 1) {
    const line = lines[index];
    if (line === undefined || isDescriptionLine(line)) return false;
    if (hasDateRange(line.text)) return true;
  }
  return false;
}

/** Header lines → fragments without dates, and the dates. Places are dropped before commas split. */
function headerParts(
  header: LayoutLine[],
  splitCommas = true,
): { fragments: string[]; dates: FoundDates | null; departments: Set<string> } {
  let dates: FoundDates | null = null;
  const fragments: string[] = [];
  // "Title, Department — Employer": the piece after the title's comma is a department when the
  // employer stands in a piece of its own on the line.
  const departments = new Set<string>();
  for (const line of header) {
    for (const cell of line.text.split('\t')) {
      let text = cell.trim().replace(DURATION, ' ').trim();
      const found = findDates(text);
      if (found !== null) {
        if (dates === null || (dates.start === null && found.start !== null)) dates = found;
        text = removeDates(text, found);
        // "Feb 2018 – Feb 2021, Osasco": what follows the dates on their line is the place.
        if (found.index === 0 && isPlaceShaped(text) && text.split(/\s+/).length <= 3) continue;
      }
      const pieces = splitStrong(text, splitCommas).filter(
        (piece) => findLocation(piece) === null && !isNoise(piece),
      );
      for (const piece of pieces) {
        const parts = splitCommas ? splitAtComma(piece) : splitEducationHeader(piece);
        if (splitCommas && pieces.length >= 2 && parts.length === 2 && isTitleLike(parts[0] ?? ''))
          departments.add(parts[1] ?? '');
        fragments.push(...parts);
      }
    }
  }
  return {
    fragments: fragments.filter(
      (fragment) => fragment !== '' && findLocation(fragment) === null && !isNoise(fragment),
    ),
    dates,
    departments,
  };
}

/** Splits at separators: pipes, bullets, spaced dashes, and in a job " at " and " @ ". */
function splitStrong(text: string, isJob: boolean): string[] {
  // " at " joins title and employer in a job, but is part of a school's name ("University of Texas at Austin").
  const separators = isJob
    ? SCHOOL_WORDS.test(text)
      ? /\s+[|•·◆▪–—-]\s+|\s*[|•·◆▪]\s*|\s+@\s+/u
      : /\s+[|•·◆▪–—-]\s+|\s*[|•·◆▪]\s*|\s+@\s+|\s+at\s+(?=\p{Lu})/u
    : /\s+[|•·◆▪–—]\s+|\s+-\s+(?![A-Z][A-Za-z.]{0,7},\s)|\s*[|•·◆▪]\s*/u;
  return text
    .split(separators)
    .map(trimPiece)
    .filter((part) => part !== '');
}

/** Edge punctuation off a piece; a parenthesis stays when it closes one opened inside ("B.E. (CSE)"). */
function trimPiece(piece: string): string {
  let text = piece.trim().replace(/^[\s,]+|[\s,]+$/g, '');
  const opens = (text.match(/\(/g) ?? []).length;
  const closes = (text.match(/\)/g) ?? []).length;
  if (text.startsWith('(') && opens > closes) text = text.slice(1);
  if (text.endsWith(')') && closes > opens) text = text.slice(0, -1);
  return text.trim();
}

/** "Software Engineer, Acme Corp" → two fragments; "Acme, Inc." stays whole. */
function splitAtComma(text: string): string[] {
  const match = /^(.+?),\s+(.+)$/.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) return [text];
  if (
    /^(?:inc|llc|ltd|gmbh|co|corp|plc|s\.?a|ag)\b\.?$/i.test(match[2]) ||
    /^[A-Z]{2}$/.test(match[2])
  )
    return [text];
  return [match[1].trim(), ...splitAtComma(match[2].trim())];
}

function isNoise(fragment: string): boolean {
  return (
    /^(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|freelance|internship)$/i.test(
      fragment,
    ) || /^[\p{P}\s]+$/u.test(fragment)
  );
}

/**
 * Education keeps "University of California, Berkeley" whole; it splits a degree from its school
 * ("MSc in Statistics, NOVA IMS, Lisbon"; "Fundação Getulio Vargas, Bachelor of Business
 * Administration, 2017") and keeps LinkedIn's "Bachelor of Technology - BTech, Computer Science".
 */
function splitEducationHeader(text: string): string[] {
  const parts: string[] = [];
  for (const part of text.split(
    /\s+[|•·◆▪–—]\s+|\s+-\s+(?![A-Z][A-Za-z.]{0,7},\s)|\s*[|•·◆▪]\s*/u,
  )) {
    const pieces = part.split(/,\s+/);
    const schoolIndex = pieces.findIndex((piece) => SCHOOL_WORDS.test(piece));
    const degreeIndex = pieces.findIndex(
      (piece) => DEGREE_WORDS.test(piece) && !SCHOOL_WORDS.test(piece),
    );
    if (schoolIndex >= 0 && degreeIndex >= 0 && schoolIndex !== degreeIndex) {
      const cut = Math.max(schoolIndex, degreeIndex);
      parts.push(pieces.slice(0, cut).join(', '), pieces.slice(cut).join(', '));
    } else {
      parts.push(part);
    }
  }
  return parts.map(trimPiece).filter((part) => part !== '');
}

/**
 * Without a school word in the entry, "MSc in Statistics, NOVA IMS, Lisbon" and "Fundação Getulio
 * Vargas, Bachelor of Business Administration" are a degree and its institution, in the order
 * written; the degree comes first among the pieces so the institution is the other one.
 */
function splitDegreeFromInstitution(fragment: string): string[] {
  const pieces = fragment.split(/,\s+/);
  const degreeIndex = pieces.findIndex((piece) => DEGREE_WORDS.test(piece));
  if (pieces.length < 2 || degreeIndex < 0 || isAbbreviatedDegree(pieces[degreeIndex] ?? ''))
    return [fragment];
  const rest = pieces.filter((piece, index) => index !== degreeIndex && !isPlace(piece));
  const institution = degreeIndex === 0 ? rest[0] : rest.at(-1);
  if (institution === undefined || !/^\p{Lu}/u.test(institution)) return [fragment];
  return [pieces[degreeIndex] ?? '', institution];
}

/** "Bachelor of Technology - BTech, Computer Science": LinkedIn's degree with its field, one piece. */
function isAbbreviatedDegree(piece: string): boolean {
  return / - [A-Z][A-Za-z.]{0,7}$/.test(piece);
}

/** A place written after an institution or an employer: "Lisbon", "Milan, Italy", "Turin (Italy)". */
function isPlace(text: string): boolean {
  const trimmed = text.trim().replace(/\s*\(([^)]+)\)?$/, ', $1');
  return findLocation(trimmed) !== null || isKnownCity(trimmed) || COUNTRY_NAME.test(trimmed);
}

const COUNTRY_NAME = new RegExp(`^(?:${Object.keys(COUNTRIES).join('|')})$`, 'i');

/** US states whose universities name a campus after a comma ("University of California, Los Angeles"). */
const CAMPUS_SYSTEMS =
  /\b(?:california|texas|wisconsin|massachusetts|illinois|michigan|colorado|north carolina|maryland|missouri|nebraska|minnesota|hawaii|tennessee|arkansas|alabama|louisiana|south carolina|houston|london)$/i;

/** An institution without the place written after it ("University of Kent, Canterbury, UK"). */
export function stripInstitutionPlace(institution: string): string {
  const pieces = institution.split(/,\s+/);
  while (pieces.length > 1 && isPlace(pieces.at(-1) ?? '')) {
    if (pieces.length === 2 && CAMPUS_SYSTEMS.test(pieces[0] ?? '')) break;
    pieces.pop();
  }
  return pieces
    .join(', ')
    .replace(/\s*\([^)]*\)$/, (paren) => (isPlace(paren.replace(/[()]/g, '')) ? '' : paren));
}

/** Description lines → text: bullets become lines, wrapped lines are joined again. */
function describe(body: LayoutLine[]): string | null {
  const items: string[] = [];
  // A line that stops well short of the longest one ended its item; the next capitalised line
  // starts a new one even without a bullet glyph (list markers drawn as shapes carry no text).
  const longest = Math.max(0, ...body.map((line) => line.text.length));
  let previousLength = 0;
  for (const line of body) {
    const text = line.text.replace(/\t/g, ' ').trim();
    const last = items.at(-1);
    const previousEnded = previousLength < longest * 0.75 || /[.!?]$/.test(last ?? '');
    if (startsWithBullet(text) || last === undefined) {
      items.push(stripBullet(text));
    } else if (/^\p{Ll}/u.test(text) || !previousEnded) {
      items[items.length - 1] = `${last} ${text}`;
    } else {
      items.push(text);
    }
    previousLength = text.length;
  }
  const joined = items.filter((item) => item !== '').join('\n');
  return joined === '' ? null : joined;
}

/** Experience entries of the section's lines. */
export function parseExperience(lines: LayoutLine[]): ExperienceEntry[] {
  const entries: ExperienceEntry[] = [];
  for (const block of splitBlocks(lines)) {
    const { fragments, dates, departments } = headerParts(block.header);
    if (fragments.length === 0 && dates === null) {
      const last = entries.at(-1);
      const extra = describe(block.body);
      if (last !== undefined && extra !== null)
        last.description = [last.description, extra].filter(Boolean).join('\n');
      continue;
    }
    const { title, employer } = assignTitleEmployer(
      fragments.filter((fragment) => !departments.has(fragment)),
      block.header,
    );
    // A promotion listed under the same employer names only its title.
    const previousEmployer = entries.at(-1)?.employer ?? null;
    const isPromotion = employer === null && title !== null && dates !== null;
    entries.push({
      employer: isPromotion ? previousEmployer : employer,
      title,
      start: dates?.start ?? null,
      end: dates?.end ?? null,
      description: describe(block.body),
    });
  }
  return entries.filter((entry) => entry.employer !== null || entry.title !== null);
}

/** Title words at the end of a compound ("Copywriter", "Softwareentwickler"). */
const TITLE_SUFFIX =
  /(?:writer|designer|developer|engineer|manager|analyst|strategist|specialist|consultant|architect|scientist|officer|assistant|coordinator|director|editor|controller|entwickler|ingenieur|leiter|leiterin|berater|beraterin|referent|referentin|werkstudent|praktikant|controllerin)$/i;

/** How much a fragment reads as a job title rather than an employer. */
function titleScore(text: string): number {
  // The last word weighs most: "Software Engineer" is a title, "Acme Software" an employer. A
  // level after it ("Engineer II", "Analyst (Contract)") does not count as the last word.
  const words = text
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/\s+(?:I{1,3}|IV|V|[1-5]|Sr\.?|Jr\.?)$/, '')
    .split(/\s+/);
  const last = words.at(-1) ?? '';
  const firstWord = words[0] ?? '';
  return (
    (TITLE_WORDS.test(last) || TITLE_SUFFIX.test(last) ? 3 : 0) +
    (TITLE_WORDS.test(text) || TITLE_SUFFIX.test(firstWord) ? 1 : 0) -
    (COMPANY_WORDS.test(last) ? 3 : 0) -
    (COMPANY_WORDS.test(text) ? 1 : 0)
  );
}

function isTitleLike(text: string): boolean {
  return titleScore(text) >= 3;
}

function assignTitleEmployer(
  fragments: string[],
  header: LayoutLine[],
): { title: string | null; employer: string | null } {
  const [first, second] = fragments;
  if (first === undefined) return { title: null, employer: null };
  if (second === undefined) {
    return titleScore(first) > 0
      ? { title: first, employer: null }
      : { title: null, employer: first };
  }
  const scored = fragments.map((text, index) => ({ text, index, score: titleScore(text) }));
  const best = scored.reduce((top, candidate) => (candidate.score > top.score ? candidate : top));
  if (best.score > 0) {
    const rest = scored.filter((candidate) => candidate !== best);
    const employer = rest.reduce((top, candidate) =>
      candidate.score < top.score ? candidate : top,
    );
    return { title: best.text, employer: employer.text };
  }
  // Undecided: a bold or larger first line is usually the employer in "Employer / Title" layouts
  // (LinkedIn sets the company larger), else the title.
  const [firstLine, secondLine] = header;
  const isFirstBold = firstLine !== undefined && firstLine.bold && !(secondLine?.bold ?? false);
  const isFirstLarger =
    firstLine !== undefined &&
    secondLine !== undefined &&
    header.length >= 2 &&
    firstLine.fontSize > secondLine.fontSize + 0.5 &&
    firstLine.text.trim() === first;
  return isFirstBold || isFirstLarger
    ? { title: second, employer: first }
    : { title: first, employer: second };
}

type ColumnKind = 'degree' | 'institution' | 'board' | 'year' | 'grade' | 'index';

const COLUMN_HEADINGS: [ColumnKind, RegExp][] = [
  ['index', /^(?:s\.?\s*no\.?|sl\.?\s*no\.?|sr\.?\s*no\.?|#|no\.?)$/i],
  ['board', /^(?:board|university|board\s*\/\s*university|university\s*\/\s*board)$/i],
  [
    'institution',
    /^(?:institut(?:e|ion)s?|college|school|(?:name of (?:the )?)?(?:institut(?:e|ion)|school|college)(?:\s*\/\s*\w+)?|school\s*\/\s*college|college\s*\/\s*school)$/i,
  ],
  [
    'degree',
    /^(?:qualifications?|degree|course|exam(?:ination)?|class|standard|program(?:me)?|level|stream|degree\s*\/\s*\w+)$/i,
  ],
  [
    'year',
    /^(?:year|years|year of passing|passing year|year of completion|duration|period|batch|dates?)$/i,
  ],
  [
    'grade',
    /^(?:c?gpa|percentage|marks|grade|score|result|%|(?:c?gpa|percentage|marks)\s*\/\s*(?:%|c?gpa|percentage|marks))$/i,
  ],
];

/**
 * An education table (Indian resumes: qualification, board or university, institute, year,
 * percentage): a header row of column names, then rows with as many tab-separated cells. Null when
 * the lines hold no such table.
 */
function readEducationTable(
  lines: LayoutLine[],
): { entries: EducationEntry[]; from: number; to: number } | null {
  for (let index = 0; index < lines.length; index += 1) {
    const cells = (lines[index]?.text ?? '').split('\t').map((cell) => cell.trim());
    if (cells.length < 3) continue;
    const kinds = cells.map(
      (cell) => COLUMN_HEADINGS.find(([, pattern]) => pattern.test(cell))?.[0] ?? null,
    );
    const named = kinds.filter((kind) => kind !== null).length;
    if (named / cells.length < 0.6 || !kinds.includes('year')) continue;
    if (!kinds.includes('degree') && !kinds.includes('institution')) continue;
    const column = (kind: ColumnKind): number => kinds.indexOf(kind);
    const institutionColumn = column('institution') >= 0 ? column('institution') : column('board');
    const entries: EducationEntry[] = [];
    let to = index + 1;
    for (; to < lines.length; to += 1) {
      const row = (lines[to]?.text ?? '').split('\t').map((cell) => cell.trim());
      if (row.length !== cells.length) {
        // The wrapped end of a cell ("Bhubaneswar" under a long institute name) between two rows.
        const next = (lines[to + 1]?.text ?? '').split('\t').length;
        if (row.length === 1 && next === cells.length && entries.length > 0) continue;
        break;
      }
      const institution = row[institutionColumn] ?? '';
      const degree = row[column('degree')] ?? '';
      entries.push({
        institution: institution === '' ? null : stripInstitutionPlace(institution),
        degree: degree === '' ? null : degree,
        end: findDates(row[column('year')] ?? '')?.end ?? null,
      });
    }
    if (entries.length > 0) return { entries, from: index, to };
  }
  return null;
}

/** Education entries of the section's lines. */
export function parseEducation(lines: LayoutLine[]): EducationEntry[] {
  const table = readEducationTable(lines);
  if (table !== null) {
    return [
      ...parseEducation(lines.slice(0, table.from)),
      ...table.entries,
      ...parseEducation(lines.slice(table.to)),
    ];
  }
  const entries: EducationEntry[] = [];
  const blocks = splitEducationBlocks(lines);
  for (const block of blocks) {
    const { fragments: written, dates } = headerParts(block, false);
    const fragments = written.some((fragment) => SCHOOL_WORDS.test(fragment))
      ? written
      : written.flatMap(splitDegreeFromInstitution);
    const institution = fragments.find((fragment) => SCHOOL_WORDS.test(fragment)) ?? null;
    const degree =
      fragments.find((fragment) => fragment !== institution && DEGREE_WORDS.test(fragment)) ??
      fragments.find(
        (fragment) =>
          fragment !== institution &&
          !/^(?:gpa|grade|honou?rs|relevant|coursework|thesis)\b/i.test(fragment),
      ) ??
      null;
    const school = institution ?? fragments.find((fragment) => fragment !== degree) ?? null;
    if (school === null && degree === null) continue;
    entries.push({
      institution: school === null ? null : stripInstitutionPlace(school),
      degree: joinDegree(degree, fragments, school),
      end: dates?.end ?? null,
    });
  }
  return entries;
}

/** "B.S. in Computer Science, Minor in Math": keep the field of study with its degree. */
function joinDegree(
  degree: string | null,
  fragments: string[],
  school: string | null,
): string | null {
  if (degree === null) return null;
  const index = fragments.indexOf(degree);
  const next = fragments[index + 1];
  if (
    next !== undefined &&
    next !== school &&
    /^(?:in\s|of\s)?[\p{Lu}][\p{L} &]+$/u.test(next) &&
    !DEGREE_WORDS.test(next) &&
    !SCHOOL_WORDS.test(next) &&
    /^(?:B|M|Ph|MBA|A\.|BS|MS|BA|MA)/.test(degree) &&
    degree.split(' ').length <= 2
  ) {
    return `${degree}, ${next}`;
  }
  return degree;
}

/** Education blocks: a new one at each school line once the current block has its school. */
function splitEducationBlocks(lines: LayoutLine[]): LayoutLine[][] {
  const blocks: LayoutLine[][] = [];
  let current: LayoutLine[] = [];
  let hasSchool = false;
  let hasDegree = false;
  let hasDate = false;
  for (const line of lines) {
    if (startsWithBullet(line.text) || line.text.length > 110) continue;
    // A place cell ("Boston, MA") says nothing about a degree: "MA" there is Massachusetts.
    const text = line.text
      .split('\t')
      .filter((cell) => findLocation(cell.trim()) === null)
      .join('\t');
    const isSchool = SCHOOL_WORDS.test(text);
    // A line naming a degree starts the next entry once this one has its degree, even when it
    // names the school too; "Minor in Math" or "GPA 3.8" under a degree does not.
    const isDegree =
      DEGREE_WORDS.test(text) &&
      !/^(?:major|minor|concentration|specialization|focus|thesis|gpa|grade|honou?rs|relevant|coursework)\b/i.test(
        text.trim(),
      );
    const isDated = hasDateRange(text);
    const startsNew =
      current.length > 0 &&
      ((isSchool && hasSchool) ||
        (isDegree && hasDegree) ||
        (isDated &&
          hasDate &&
          !isSchool &&
          !isDegree &&
          current.length >= 2 &&
          findDates(text.replace(findDates(text)?.match ?? '', '')) === null &&
          text.replace(/[^\p{L}]/gu, '').length > 3));
    if (startsNew) {
      blocks.push(current);
      current = [];
      hasSchool = false;
      hasDegree = false;
      hasDate = false;
    }
    current.push(line);
    hasSchool ||= isSchool;
    hasDegree ||= isDegree;
    hasDate ||= isDated;
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}
