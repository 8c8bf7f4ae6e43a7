import { makeLine, type LayoutLine } from './layout.js';
import type { ParsedResume } from './parsed-resume.js';
import { classifyHeading, looksLikeUnknownHeading, type SectionKind } from './section-headings.js';
import {
  contactFragments,
  countryOfLocation,
  findEmail,
  findLocation,
  findName,
  isLabelledPlace,
  isPlaceShaped,
  looksLikeName,
  findPhone,
  findUrls,
  normalizeLink,
} from './contact.js';
import { parseEducation, parseExperience } from './entries.js';
import { COMPANY_WORDS, TITLE_WORDS } from './entry-words.js';
import { areNaturalLanguages, splitCertifications, splitLanguages, splitSkills } from './skills.js';
import { cleanLine, startsWithBullet, stripBullet } from './text-normalize.js';

/** Bumped whenever parsing changes what it extracts; stored with each resume. */
export const RESUME_PARSER_VERSION = 'layout-2';

const MAX_LINES = 3_000;
const MAX_LINE_LENGTH = 1_000;

interface Section {
  kind: SectionKind | 'header';
  lines: LayoutLine[];
}

/**
 * Lines in reading order → the resume's fields. The lines come from any extractor (PDF layout, DOCX
 * paragraphs, plain text); what they carry beyond text (font size, gaps, link targets) sharpens the
 * result but is never required.
 */
export function parseResumeLines(rawLines: LayoutLine[]): ParsedResume {
  // A resume is a few hundred short lines; the caps keep a huge or hostile text from holding the
  // event loop (every rule below is linear in what it is given).
  const lines = rawLines
    .slice(0, MAX_LINES)
    .map((line) =>
      line.text.length > MAX_LINE_LENGTH
        ? { ...line, text: line.text.slice(0, MAX_LINE_LENGTH) }
        : line,
    )
    .map((line) => ({ ...line, text: cleanLine(line.text) }))
    .filter((line) => line.text !== '' || line.links.length > 0);
  const sections = splitSections(lines);
  const header = sections
    .filter((section) => section.kind === 'header' || section.kind === 'contact')
    .flatMap((section) => section.lines);
  const linesOf = (kind: SectionKind): LayoutLine[] =>
    sections.filter((section) => section.kind === kind).flatMap((section) => section.lines);

  const allText = lines.map((line) => line.text.replace(/\t/g, '  ')).join('\n');
  const headerText = header.map((line) => line.text).join('\n');
  const email = findEmail(headerText) ?? findEmail(allText) ?? findMailtoLink(lines);
  const links = collectLinks(lines, header);
  const name = findName(lines, [
    email?.split('@')[0] ?? '',
    ...links.map((link) => link.split('/').filter(Boolean).at(-1) ?? ''),
  ]);
  const location = findLocationIn(header, lines, name);
  const phone =
    findPhone(headerText, countryOfLocation(location)) ??
    findPhone(contactish(lines), countryOfLocation(location));

  let skills = splitSkills(linesOf('skills').map((line) => line.text));
  let languages = splitLanguages(linesOf('languages').map((line) => line.text));
  if (!areNaturalLanguages(languages)) {
    skills = [...skills, ...languages.filter((item) => !skills.includes(item))];
    languages = [];
  }

  return {
    name,
    email,
    phone,
    location,
    links,
    summary: summaryOf(linesOf('summary'), header, name),
    skills,
    experience: parseExperience(linesOf('experience')),
    education: parseEducation(linesOf('education')),
    languages,
    certifications: splitCertifications(linesOf('certifications').map((line) => line.text)),
  };
}

/** Cuts the lines at headings; a heading with its content on the same line ("Skills: Go") keeps it. */
function splitSections(lines: LayoutLine[]): Section[] {
  const bodySize = medianFontSize(lines);
  const sections: Section[] = [{ kind: 'header', lines: [] }];
  for (const line of lines) {
    const heading = classifyHeading(line, bodySize);
    const current = sections.at(-1)?.kind;
    const kind = heading === null ? inlineHeading(line, current) : { kind: heading, rest: null };
    if (kind !== null) {
      sections.push({
        kind: kind.kind,
        lines: kind.rest === null ? [] : [{ ...line, text: kind.rest }],
      });
      // "Languages Known : Tamil, English" among personal details is one labelled line: the
      // details go on after it.
      if (heading === null && kind.rest !== null && (current === 'contact' || current === 'header'))
        sections.push({ kind: current, lines: [] });
      continue;
    }
    // A name set large after a sidebar (LinkedIn's export reads the left column first) opens the
    // header again: the lines under it are the headline and the location, not the last section.
    if (
      sections.length > 1 &&
      bodySize > 0 &&
      line.fontSize >= bodySize * 1.8 &&
      looksLikeName(line.text.split('\t')[0] ?? '')
    ) {
      sections.push({ kind: 'header', lines: [line] });
      continue;
    }
    if (sections.length > 1 && looksLikeUnknownHeading(line, bodySize)) {
      sections.push({ kind: 'other', lines: [] });
      continue;
    }
    sections.at(-1)?.lines.push(line);
  }
  return sections;
}

function inlineHeading(
  line: LayoutLine,
  current: Section['kind'] | undefined,
): { kind: SectionKind; rest: string | null } | null {
  const firstCell = line.text.split('\t')[0] ?? '';
  // A heading in a label column ("SKILLS\tPython, Go") is set apart by capitals or bold; a plain
  // "Technologies\t2017" is the wrapped end of an employer's name.
  const isMarkedCell =
    line.bold || (firstCell === firstCell.toUpperCase() && /\p{Lu}{3}/u.test(firstCell));
  const tabbed =
    line.text.includes('\t') && isMarkedCell ? classifyHeading({ ...line, text: firstCell }) : null;
  if (tabbed !== null && tabbed !== 'contact')
    return { kind: tabbed, rest: line.text.slice(firstCell.length + 1).trim() || null };
  const match = /^([^:：]{3,40})[:：]\s*(.*)$/.exec(line.text);
  if (match?.[1] === undefined) return null;
  const kind = classifyHeading({ ...line, text: match[1] });
  if (kind === null || kind === 'contact' || kind === 'other') return null;
  // "Languages: Python, Go" inside a skills list is a skills line, not a new section.
  if (current === 'skills' && (kind === 'skills' || kind === 'languages')) return null;
  if (kind === 'skills' || kind === 'languages') {
    return match[2] === undefined || match[2] === ''
      ? { kind, rest: null }
      : { kind, rest: match[2] };
  }
  return { kind, rest: match[2] === '' || match[2] === undefined ? null : match[2] };
}

function medianFontSize(lines: LayoutLine[]): number {
  const sizes = lines
    .map((line) => line.fontSize)
    .filter((size) => size > 0)
    .sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

/**
 * The candidate's location, from the header, the contact section and the lines under the name
 * (LinkedIn's export puts it there, after a sidebar): first a place written as places are (with a
 * state or a country, a metro area, a labelled address, a well-known city); then a bare place name
 * on a contact line, or among contact lines ("Austin" between a phone and an email).
 */
function findLocationIn(
  header: LayoutLine[],
  lines: LayoutLine[],
  name: string | null,
): string | null {
  const nameIndex = lines.findIndex(
    (line, index) => index < 400 && line.fontSize > 0 && line.fontSize >= largestFontSize(lines),
  );
  const nearName: LayoutLine[] = [];
  for (const line of nameIndex < 0 ? [] : lines.slice(nameIndex, nameIndex + 5)) {
    if (nearName.length > 0 && classifyHeading(line) !== null) break;
    nearName.push(line);
  }
  const candidates = [...new Set([...header, ...nearName])].filter(
    (line) => line.text.length <= 160 && !startsWithBullet(line.text),
  );
  const fragments = candidates.map((line) => {
    // A label cell and its value ("Address\tVia Roma 12, 10121 Turin, Italy") stay together.
    const joined = line.text.replace(/\t/g, ' ');
    return isLabelledPlace(joined) ? [joined] : locationFragments(line.text);
  });
  for (const pieces of fragments) {
    for (const piece of pieces) {
      const location = findLocation(piece);
      if (location !== null) return location;
    }
  }
  const isContact = candidates.map((line) => CONTACT_ITEM.test(line.text));
  for (const [index, pieces] of fragments.entries()) {
    const isContext =
      isContact[index] === true || isContact[index - 1] === true || isContact[index + 1] === true;
    if (!isContext) continue;
    for (const piece of pieces) {
      const text = piece.replace(/^[A-Za-z]\s+(?=\p{Lu})/u, '');
      if (isPlaceShaped(text) && !isNotAPlace(text, candidates[index], name)) return text;
    }
  }
  return null;
}

/** An email, a phone number or a link: what makes a line a contact line. */
const CONTACT_ITEM =
  /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}|\+?\(?\d[\d\s().-]{7,}\d|https?:\/\/|www\.|linkedin\.com|github\.com/u;

/** A line's pieces once its emails, links and phone numbers are cut out. */
function locationFragments(text: string): string[] {
  const rest = text
    .replace(/[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu, '\t')
    .replace(/\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/gi, '\t')
    .replace(/(?:\+|00)?\(?\d[\d\s().\-/]{6,18}\d(?:\s*\((?:mobile|home|work|cell)\))?/gi, '\t');
  return contactFragments(rest);
}

const NOT_PLACES =
  /^(?:mobile|phone|tel|telephone|email|e-mail|mail|linkedin|github|website|web|portfolio|contact|address|location|personal|details|profile|home|work|cell|resume|curriculum vitae|available|references)$/i;

/** A place-shaped piece that is something else: the name, a job title, a heading, a label. */
function isNotAPlace(text: string, line: LayoutLine | undefined, name: string | null): boolean {
  return (
    text.toLowerCase() === name?.toLowerCase() ||
    NOT_PLACES.test(text) ||
    TITLE_WORDS.test(text) ||
    COMPANY_WORDS.test(text) ||
    classifyHeading(makeLine(text)) !== null ||
    (line !== undefined && line.fontSize > 0 && line.text.trim() === text && line.fontSize >= 14)
  );
}

function largestFontSize(lines: LayoutLine[]): number {
  return Math.max(
    0,
    ...lines
      .slice(0, 400)
      .filter((line) => line.page === 0)
      .map((line) => line.fontSize),
  );
}

/** Lines that carry contact data (short, with digits), so a phone is not taken from a bullet. */
function contactish(lines: LayoutLine[]): string {
  return lines
    .filter((line) => line.text.length < 90 && !startsWithBullet(line.text))
    .map((line) => line.text.replace(/\t/g, '  '))
    .join('\n');
}

function findMailtoLink(lines: LayoutLine[]): string | null {
  for (const line of lines) {
    for (const link of line.links) {
      if (/^mailto:/i.test(link)) return findEmail(link.slice(7));
    }
  }
  return null;
}

/** Profile links: written URLs in the header or contact section, and link annotations anywhere near it. */
function collectLinks(lines: LayoutLine[], header: LayoutLine[]): string[] {
  const found: string[] = [];
  const add = (url: string): void => {
    const normalized = normalizeLink(url);
    if (normalized !== null && !found.includes(normalized)) found.push(normalized);
  };
  // Outside the header only profile roots count ("github.com/jane", not a project's repository).
  const profileLike =
    /^(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/in\/[^/?#\s]+|(?:github|gitlab|behance|dribbble|kaggle|medium)\.com\/@?[^/?#\s]+|bitbucket\.org\/[^/?#\s]+|stackoverflow\.com\/users\/\d+(?:\/[^/?#\s]+)?)\/?$/i;
  for (const line of header) {
    for (const url of line.links) add(url);
    for (const url of findUrls(line.text)) add(url);
  }
  for (const line of lines) {
    for (const url of line.links) if (profileLike.test(url)) add(url);
    for (const url of findUrls(line.text)) if (profileLike.test(url)) add(url);
  }
  // A written URL wrapped in a narrow column ("linkedin.com/in/michellepar" / "k") is the start
  // of the link its annotation carries whole.
  return found.filter(
    (link) =>
      !found.some(
        (other) => other !== link && other.startsWith(link) && other.length > link.length,
      ),
  );
}

/** The summary section; without one, a long paragraph in the header under the name. */
function summaryOf(lines: LayoutLine[], header: LayoutLine[], name: string | null): string | null {
  const source =
    lines.length > 0
      ? lines
      : header.filter((line) => line.text.length >= 90 && !line.text.includes('@'));
  const text = source
    .map((line) => stripBullet(line.text.replace(/\t/g, ' ')))
    .filter((text) => text !== name)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}
