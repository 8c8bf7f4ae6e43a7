import { startsWithBullet, stripBullet } from './text-normalize.js';

/**
 * Skills as atomic items: "Languages: Python, Go" gives Python and Go; a proficiency in parentheses
 * or after a dash is dropped. Slashes stay ("CI/CD"), as do dots ("Node.js").
 */
export function splitSkills(lines: string[]): string[] {
  const skills: string[] = [];
  for (const raw of lines) {
    // A category in a cell of its own ("Languages\tJava, Kotlin") is a label, not a skill.
    const cells = raw.split('\t');
    const withoutLabel =
      cells.length >= 2 &&
      /^[\p{L}][\p{L}\d &/+.-]{1,30}$/u.test(cells[0]?.trim() ?? '') &&
      (cells[0]?.trim().split(/\s+/).length ?? 0) <= 3 &&
      /[,;|]/.test(cells.slice(1).join(' '))
        ? cells.slice(1).join(', ')
        : raw;
    let text = stripBullet(withoutLabel.replace(/\t/g, ', '));
    text = text.replace(/^[\p{L}\d &/+.-]{2,40}[:：]\s*/u, '');
    for (const part of splitList(text)) {
      const item = cleanItem(part);
      if (item !== null && !skills.some((known) => known.toLowerCase() === item.toLowerCase()))
        skills.push(item);
    }
  }
  return skills;
}

/** Splits a list at commas, semicolons, pipes and bullets, but not inside parentheses. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0 && /[,;|•·●▪◦∙]/.test(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function cleanItem(part: string): string | null {
  let item = part
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s[–—-]\s.*$/, '')
    .replace(/^\s*(?:and|&)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s*-]+|[.\s:]+$/g, '');
  if (item.length < 1 || item.length > 50) return null;
  if (item.split(' ').length > 5) return null;
  if (/^(?:etc|and more|others?)$/i.test(item)) return null;
  item = item.replace(/^\p{Ll}/u, (letter) =>
    item.length > 3 && /\s/.test(item) ? letter.toUpperCase() : letter,
  );
  return item;
}

const NATURAL_LANGUAGES =
  /^(?:englisch|französisch|spanisch|italienisch|russisch|chinesisch|japanisch|polnisch|türkisch|arabisch|portugiesisch|niederländisch|anglais|allemand|espagnol|italien|arabe|chinois|inglés|alemán|francés|portugués|wolof|sinhala|nepali|odia|assamese|konkani|sindhi|kashmiri|pashto|dari|kurdish|somali|tigrinya|oromo|english|spanish|french|german|italian|portuguese|dutch|russian|ukrainian|polish|czech|slovak|hungarian|romanian|bulgarian|greek|turkish|arabic|hebrew|persian|farsi|hindi|urdu|bengali|punjabi|tamil|telugu|marathi|gujarati|kannada|malayalam|chinese|mandarin|cantonese|japanese|korean|vietnamese|thai|indonesian|malay|tagalog|filipino|swahili|amharic|yoruba|igbo|hausa|zulu|afrikaans|swedish|norwegian|danish|finnish|icelandic|estonian|latvian|lithuanian|serbian|croatian|bosnian|slovenian|albanian|macedonian|catalan|basque|galician|irish|welsh|latin|sign language|asl|british sign language|esperanto|deutsch|français|español|italiano|português)$/i;

/** Spoken languages, without levels: "English (native), Spanish – B2" gives English and Spanish. */
export function splitLanguages(lines: string[]): string[] {
  const languages: string[] = [];
  for (const raw of lines) {
    const text = stripBullet(raw.replace(/\t/g, ', ')).replace(/^languages?\s*[:：]\s*/i, '');
    for (const part of splitList(text)) {
      const item = part
        .replace(/\([^)]*\)/g, ' ')
        .replace(
          /\s*(?:[–—:-]|\s)\s*(?:native|fluent|bilingual|mother tongue|proficient|professional|conversational|intermediate|advanced|basic|beginner|elementary|limited|working|full|upper|lower|[abc][12]|c2|first language|second language)\b.*$/i,
          '',
        )
        .replace(/\s[–—-]\s.*$/, '')
        .trim()
        .replace(/[.:]$/, '');
      if (item === '' || item.split(' ').length > 3) continue;
      if (!languages.some((known) => known.toLowerCase() === item.toLowerCase()))
        languages.push(item);
    }
  }
  return languages;
}

/** True when most items name natural languages (a "Languages" heading over Python and Go is skills). */
export function areNaturalLanguages(items: string[]): boolean {
  if (items.length === 0) return true;
  const natural = items.filter((item) => NATURAL_LANGUAGES.test(item)).length;
  return natural / items.length >= 0.5;
}

/** Certifications, one per bullet or line, without a trailing year. */
export function splitCertifications(lines: string[]): string[] {
  const items: string[] = [];
  for (const raw of joinWrapped(lines)) {
    const item = stripBullet(raw.replace(/\t/g, ' '))
      .replace(
        /\s*[([]?\s*(?:(?:issued|obtained|earned|valid until|expires?)\s*:?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?(?:19|20)\d{2}(?:\s*[–—-]\s*(?:(?:19|20)\d{2}|present))?\s*[)\]]?\s*$/i,
        '',
      )
      .replace(/[\s,–—-]+$/, '')
      .trim();
    if (item.length >= 2 && !items.includes(item)) items.push(item);
  }
  return items;
}

/** Lines wrapped inside one bullet are joined again. */
function joinWrapped(lines: string[]): string[] {
  const joined: string[] = [];
  const hasBullets = lines.some((line) => startsWithBullet(line));
  for (const line of lines) {
    const last = joined.length - 1;
    if (hasBullets && !startsWithBullet(line) && last >= 0 && /^\p{Ll}/u.test(line.trim())) {
      joined[last] = `${joined[last] ?? ''} ${line.trim()}`;
    } else {
      joined.push(line);
    }
  }
  return joined;
}
