import { makeLine, type LayoutLine } from './layout.js';

/**
 * Plain text or Markdown → lines: blank lines become gaps, Markdown marks (#, **, links) are read
 * for what they mean (a heading, bold, a link target) and removed from the text.
 */
export function textToLines(text: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  let blanks = 0;
  for (const fullLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    // The parser reads 3,000 lines of 1,000 characters at most; cutting here keeps the regexes cheap.
    if (lines.length >= 3_000) break;
    const raw = fullLine.slice(0, 1_000);
    if (raw.trim() === '' || /^\s*(?:[-=*_]\s*){3,}$/.test(raw)) {
      blanks += 1;
      continue;
    }
    const links = [...raw.matchAll(/\[[^\]]*\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)]
      .map((match) => match[1] ?? match[2] ?? '')
      .filter((url) => url !== '');
    const isHeading = /^\s{0,3}#{1,6}\s/.test(raw);
    const isBold = /^\s*(\*\*|__)[^*_]+\1\s*$/.test(raw);
    const cleaned = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|$|[,.;:])/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/ {3,}/g, '\t');
    lines.push(makeLine(cleaned, { gapBefore: blanks, bold: isHeading || isBold, links }));
    blanks = 0;
  }
  return lines;
}
