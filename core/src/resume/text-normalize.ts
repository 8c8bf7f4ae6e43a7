/**
 * Cleaning of single lines: icon glyphs (Font Awesome's private-use characters, emoji, dingbats) must
 * not leak into values, and letter-spaced headings ("E X P E R I E N C E") must read as words.
 */

const ICON_PATTERN =
  /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\p{Extended_Pictographic}\u2700-\u27BF\u2600-\u26FF\u200B-\u200D\u2060\uFEFF]/gu;

/** Bullet characters that start list items (and that some layouts use as separators). */
export const BULLET_CHARS = '•●○◦▪▫■□►▸▹‣⁃∙·➢➤➔→✓✔☐❖◆◇★☆*-–—';

const BULLET_START = new RegExp(`^\\s*[${escapeForClass(BULLET_CHARS)}](?=\\s|$)\\s*`);
const BULLET_START_TIGHT = /^\s*[•●○◦▪▫■□►▸▹‣⁃∙➢➤➔✓✔❖◆◇]\s*/;

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** Removes icon glyphs and zero-width characters. */
export function stripIcons(text: string): string {
  return text.replace(ICON_PATTERN, ' ').replace(/\uFE0F/g, '');
}

/** Collapses runs of spaces and trims. */
export function squeezeSpaces(text: string): string {
  return text.replace(/[ \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim();
}

/**
 * "E X P E R I E N C E" → "EXPERIENCE". Only when nearly every token is one letter, so "A B Testing"
 * or "C and C++" stay as written. Word breaks survive where the source kept two spaces.
 */
export function collapseLetterSpacing(text: string): string {
  const trimmed = text.trim();
  const tokens = trimmed.split(/\s+/);
  if (tokens.length < 4) return text;
  const singles = tokens.filter((token) => token.length === 1).length;
  if (singles / tokens.length < 0.8) return text;
  return trimmed
    .split(/\s{2,}|\t/)
    .map((word) => word.replace(/\s+/g, ''))
    .join(' ');
}

/** True when the line starts with a list bullet. */
export function startsWithBullet(text: string): boolean {
  return BULLET_START.test(text) || BULLET_START_TIGHT.test(text);
}

/** The line without its leading bullet. */
export function stripBullet(text: string): string {
  return text.replace(BULLET_START, '').replace(BULLET_START_TIGHT, '').trim();
}

/** A line ready for matching: icons gone, letter spacing collapsed, spaces squeezed (tabs kept). */
export function cleanLine(text: string): string {
  const withoutIcons = stripIcons(text).replace(/\r/g, '');
  return withoutIcons
    .split('\t')
    .map((part) => squeezeSpaces(collapseLetterSpacing(part)))
    .filter((part) => part !== '')
    .join('\t');
}

/** "JANE DOE" → "Jane Doe"; mixed case is left as written. */
export function titleCaseIfShouting(text: string): string {
  if (text !== text.toUpperCase() || !/[A-Z]/.test(text)) return text;
  return text
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, lead: string, letter: string) => lead + letter.toUpperCase(),
    );
}
