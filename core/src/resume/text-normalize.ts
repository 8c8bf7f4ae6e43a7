/**
 * Cleaning of single lines: icon glyphs (Font Awesome's private-use characters, emoji, dingbats) must
 * not leak into values, and letter-spaced headings ("E X P E R I E N C E") must read as words.
 */

/**
 * Icons: private-use glyphs (Font Awesome and friends), emoji, and other symbols (✉ ☎ ⌂ ➤). A few
 * symbols that carry meaning in text stay (° © ® ™), and so does a bullet that opens a line.
 */
const ICON_PATTERN = /[\p{Co}\p{So}\p{Extended_Pictographic}\u200B-\u200D\u2060\uFEFF]/gu;
const KEPT_SYMBOLS = new Set(['°', '©', '®', '™']);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;
/** Bullet-like symbols inside a line separate values ("email ● phone"). */
const SEPARATOR_SYMBOLS = new Set(['●', '■', '◆', '◇', '▪', '♦', '❖', '★', '☆', '✦', '✧']);

/** Bullet characters that start list items (and that some layouts use as separators). */
export const BULLET_CHARS = '•●○◦▪▫■□►▸▹‣⁃∙·➢➤➔→✓✔☐❖◆◇★☆*-–—';

const BULLET_START = new RegExp(`^\\s*[${escapeForClass(BULLET_CHARS)}](?=\\s|$)\\s*`);
const BULLET_START_TIGHT = /^\s*[•●○◦▪▫■□►▸▹‣⁃∙➢➤➔✓✔❖◆◇]\s*/;
const LEADING_BULLET = /^\s*([•●○◦▪▫■□►▸▹‣⁃∙➢➤➔✓✔❖◆◇★☆])\s*/;

function escapeForClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** Removes icon glyphs and zero-width characters; a leading bullet is kept for list detection. */
export function stripIcons(raw: string): string {
  // Word writes its list bullets in the Symbol and Wingdings fonts, as private-use code points.
  const text = raw.replace(
    /^(\s*)[\uF0B7\uF0A7\uF0D8\uF0FC\uF076\uF0A8\uF06E\uF0E8\uF09F](?=\s|$)/u,
    '$1•',
  );
  const bullet = LEADING_BULLET.exec(text);
  const lead = bullet === null ? '' : `${bullet[1] ?? ''} `;
  const rest = bullet === null ? text : text.slice(bullet[0].length);
  return (
    lead +
    rest
      // An icon without a text mapping can arrive as a control character (U+0000 from Chromium).
      .replace(CONTROL_CHARACTERS, ' ')
      .replace(ICON_PATTERN, (symbol) =>
        KEPT_SYMBOLS.has(symbol) ? symbol : SEPARATOR_SYMBOLS.has(symbol) ? ' · ' : ' ',
      )
      .replace(/\uFE0F/g, '')
  );
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
