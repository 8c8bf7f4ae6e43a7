import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { classifyHeading } from './section-headings.js';
import type { LayoutLine } from './layout.js';
import { titleCaseIfShouting } from './text-normalize.js';

export { countryOfLocation, findLocation, isLabelledPlace, isPlaceShaped } from './places.js';

/** Contact fields found anywhere in the resume. */
export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/u;
const URL_PATTERN =
  /\b(?:https?:\/\/[^\s|,;<>"')]+|www\.[^\s|,;<>"')]+|(?:linkedin\.com|github\.com|gitlab\.com|bitbucket\.org|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com|twitter\.com|x\.com)\/[^\s|,;<>"')]+|[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.(?:dev|io|me|com|net|org|co|ai|app|tech|site|page|info|xyz|codes|design|blog)(?:\/[^\s|,;<>"')]*)?)/gi;
const PHONE_CANDIDATE = /(?:\+|00)?\(?\d[\d\s().\-/]{6,18}\d/g;

/** Splits a contact line at its separators: pipes, bullets, tabs, wide dashes. */
export function contactFragments(text: string): string[] {
  return text
    .split(/\t|\s[|•·◆◇▪●∙⋅/]\s|\s{2,}|\s[–—-]\s|[|•·◆◇▪●∙⋅]/)
    .map((part) => part.trim().replace(/^[\s,;:]+|[\s,;]+$/g, ''))
    .filter((part) => part !== '');
}

/** The first email address in the text. */
export function findEmail(text: string): string | null {
  const match = EMAIL.exec(text.replace(/^mailto:/i, ''));
  return match === null ? null : match[0].replace(/\.$/, '').toLowerCase();
}

/** Profile and site links in the text, without emails. */
export function findUrls(text: string): string[] {
  const withoutEmails = text.replace(new RegExp(EMAIL.source, 'gu'), ' ');
  const found: string[] = [];
  for (const match of withoutEmails.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:]+$/, '');
    if (
      /^\d/.test(url) ||
      /^(?:e\.g|i\.e|node\.js|vue\.js|react\.js|next\.js|asp\.net|ado\.net|vb\.net)\b/i.test(url)
    )
      continue;
    if (!url.includes('/') && !/^(?:https?:|www\.)/i.test(url) && !isLikelySite(url)) continue;
    // "B.Tech", "M.Tech" are degrees: a bare domain with a one-letter name or capitals is not a site.
    if (!/^(?:https?:|www\.)/i.test(url) && /^[a-z]\.|[A-Z]/.test(url.split('/')[0] ?? ''))
      continue;
    found.push(url);
  }
  return found;
}

/** A bare domain counts as a personal site only with a TLD people use for them. */
function isLikelySite(domain: string): boolean {
  return (
    /\.(?:dev|io|me|com|net|org|co|ai|app|tech|site|page|xyz|codes|design|blog)$/i.test(domain) &&
    !/\.js$/i.test(domain)
  );
}

/** A link in one comparable form: https, no "www.", no trailing slash. */
export function normalizeLink(url: string): string | null {
  const trimmed = url.trim();
  if (/^(?:mailto|tel|javascript|data|file):/i.test(trimmed)) return null;
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || !parsed.hostname.includes('.')) return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`.replace(/\/+$/, '');
  return `https://${host}${rest}`;
}

/** The first phone number: E.164 when its country is known (a + prefix, or the location's country). */
export function findPhone(text: string, country: CountryCode | undefined): string | null {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const written = match[0].trim();
    const digits = written.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    if (/^\(?(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}\)?$/.test(written)) continue;
    if (/^\d{1,2}[/.]\d{4}/.test(written) || /^\d{4}[-./]\d{1,2}([-./]\d{1,2})?$/.test(written))
      continue;
    const international = written.startsWith('+') || written.startsWith('00');
    const normalised = written.startsWith('00') ? `+${written.slice(2)}` : written;
    const parsed = international
      ? parsePhoneNumberFromString(normalised)
      : parsePhoneNumberFromString(normalised, country ?? 'US');
    if (parsed?.isPossible() && (international || country !== undefined || parsed.isValid())) {
      return parsed.number;
    }
    if (digits.length >= 9) return written;
  }
  return null;
}

/** True when a line could be a person's name: 2 to 4 words of letters, not a heading or a value. */
export function looksLikeName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 3 || trimmed.length > 50) return false;
  if (/[\d@:|/\\]|https?|www\./i.test(trimmed)) return false;
  if (
    classifyHeading({
      text: trimmed,
      page: 0,
      x: 0,
      fontSize: 0,
      bold: false,
      gapBefore: 0,
      links: [],
    }) !== null
  )
    return false;
  if (/^(?:resume|résumé|curriculum vitae|cv|page)\b/i.test(trimmed)) return false;
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  return words.every(
    (word) =>
      /^[\p{Lu}][\p{L}'’.-]*$/u.test(word) ||
      /^(?:de|da|van|von|der|del|la|le|di|du|bin|al)$/i.test(word),
  );
}

/**
 * The name: the first name-like line in the header, preferring the largest font on the first page.
 * A letter-spaced name that lost its word breaks ("JANEDOE") is split where the email or profile
 * link splits it ("jane.doe@...").
 */
export function findName(lines: LayoutLine[], hints: string[]): string | null {
  // With font sizes known the whole first page is searched (a name at the top of the right-hand
  // column comes after the whole left column); without them only the top of the text.
  const pageOne = lines.filter((line) => line.page === 0);
  const firstPage = pageOne.some((line) => line.fontSize > 0)
    ? pageOne.slice(0, 400)
    : pageOne.slice(0, 40);
  const candidates: LayoutLine[] = [];
  const sizes = firstPage
    .map((line) => line.fontSize)
    .filter((size) => size > 0)
    .sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  firstPage.forEach((line, index) => {
    // A large name wrapped in a narrow sidebar arrives as two one-word lines (a list of one-word
    // skills in body size does not).
    const next = firstPage[index + 1];
    if (
      next !== undefined &&
      line.fontSize > 0 &&
      line.fontSize >= bodySize * 1.3 &&
      next.fontSize === line.fontSize &&
      /^[\p{Lu}][\p{L}'’-]+$/u.test(line.text.trim()) &&
      /^[\p{Lu}][\p{L}'’-]+$/u.test(next.text.trim())
    ) {
      const joined = `${line.text.trim()} ${next.text.trim()}`;
      if (looksLikeName(joined)) candidates.push({ ...line, text: joined });
    }
  });
  for (const line of firstPage) {
    for (const fragment of line.text.split('\t')) {
      const cleaned = fragment
        .replace(/^(?:(?:full\s+)?name|nome|nombre|nom)\s*(?:[:：]\s*|\s+(?=\p{Lu}))/iu, '')
        .replace(/\s*\((?:she|he|they|ze|xe)\/[^)]*\)/i, '')
        .replace(
          /,?\s+(?:ph\.?\s?d\.?|mba|cpa|pmp|m\.?d\.?|msc|m\.?sc|bsc|p\.?e\.?|cfa|rn|jd|esq\.?|ma|ms|bs|ba)$/i,
          '',
        )
        .trim();
      if (looksLikeName(cleaned)) candidates.push({ ...line, text: cleaned });
      else if (/^[\p{L}]{4,24}$/u.test(cleaned) && line.fontSize > 0) {
        const split = splitByHints(cleaned, hints);
        if (split !== null) candidates.push({ ...line, text: split });
      }
    }
  }
  if (candidates.length === 0) return null;
  const largest = Math.max(...candidates.map((line) => line.fontSize));
  const chosen = largest > 0 ? candidates.find((line) => line.fontSize === largest) : candidates[0];
  return chosen === undefined ? null : titleCaseIfShouting(chosen.text);
}

function splitByHints(joined: string, hints: string[]): string | null {
  const target = joined.toLowerCase();
  for (const hint of hints) {
    const parts = hint
      .toLowerCase()
      .split(/[._\-+]/)
      .filter((part) => /^\p{L}+$/u.test(part));
    if (parts.length >= 2 && parts.join('') === target) {
      let offset = 0;
      const words = parts.map((part) => {
        const word = joined.slice(offset, offset + part.length);
        offset += part.length;
        return word;
      });
      return words.join(' ');
    }
  }
  return null;
}
