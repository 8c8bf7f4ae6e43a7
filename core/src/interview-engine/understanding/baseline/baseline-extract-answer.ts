import type { Knockout } from '../../../jobs/job.js';
import { normalise } from '../../text-analysis.js';

const DAY_MS = 86_400_000;

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
  couple: 2,
  few: 3,
  half: 0.5,
};
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };

/**
 * Spoken numbers become digits: "one hundred forty thousand" → "140000", "a couple of weeks" →
 * "2 weeks". Speech-to-text writes numbers either way; the rest of extraction reads digits only.
 */
export function wordsToDigits(text: string): string {
  const tokens = normalise(text).split(/(\s+|-)/);
  const output: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] ?? '';
    const bare = token.toLowerCase().replace(/[^a-z]/g, '');
    const isStart =
      bare !== '' && (bare in SMALL || bare in SCALE_WORDS) && !/^[a-z]+[^a-z]+[a-z]/i.test(token);
    if (!isStart) {
      output.push(token);
      index += 1;
      continue;
    }
    // Read the longest run of number words ("and", "of", spaces and dashes may sit between them).
    let total = 0;
    let current = 0;
    let consumedUntil = index;
    let sawNumber = false;
    let articleOnly = false;
    let trailing = '';
    let cursor = index;
    while (cursor < tokens.length) {
      const part = tokens[cursor] ?? '';
      const word = part.toLowerCase().replace(/[^a-z]/g, '');
      if (/^(\s+|-)$/.test(part) || part === '') {
        cursor += 1;
        continue;
      }
      if (word in SMALL && (word !== 'a' && word !== 'an' ? true : !sawNumber)) {
        if (word === 'half' && sawNumber) break;
        // "a couple", "a few", "a hundred": the article counts only when nothing follows it.
        const isArticleBefore = (word === 'a' || word === 'an') && current === 0;
        if (!isArticleBefore)
          current =
            current === 1 && articleOnly ? (SMALL[word] ?? 0) : current + (SMALL[word] ?? 0);
        else current = 1;
        articleOnly = isArticleBefore;
        sawNumber = true;
        if (
          (word === 'couple' || word === 'few') &&
          /^\s+$/.test(tokens[cursor + 1] ?? '') &&
          (tokens[cursor + 2] ?? '').toLowerCase() === 'of'
        ) {
          trailing = '';
          consumedUntil = cursor + 2;
          cursor += 3;
          continue;
        }
      } else if (word in SCALE_WORDS && sawNumber) {
        articleOnly = false;
        const scale = SCALE_WORDS[word] ?? 1;
        if (scale === 100) current = (current === 0 ? 1 : current) * 100;
        else {
          total += (current === 0 ? 1 : current) * scale;
          current = 0;
        }
      } else if ((word === 'and' || word === 'of') && sawNumber) {
        const next = tokens.slice(cursor + 1).find((item) => !/^(\s+|-)?$/.test(item)) ?? '';
        const nextWord = next.toLowerCase().replace(/[^a-z]/g, '');
        if (!(nextWord in SMALL) || nextWord === 'a' || nextWord === 'an') break;
      } else break;
      trailing = part.replace(/^[a-z]+/i, '');
      consumedUntil = cursor;
      cursor += 1;
    }
    const value = total + current;
    const isOnlyArticle =
      /^(a|an)$/i.test((tokens[index] ?? '').replace(/[^a-z]/gi, '')) && consumedUntil === index;
    if (!sawNumber || isOnlyArticle) {
      output.push(token);
      index += 1;
      continue;
    }
    output.push(`${value}${trailing}`);
    index = consumedUntil + 1;
  }
  return output.join('');
}

const MULTIPLIER_WORDS: Record<string, number> = {
  k: 1_000,
  thousand: 1_000,
  grand: 1_000,
  m: 1_000_000,
  million: 1_000_000,
  mil: 1_000_000,
};

/** Every number in a text with its multiplier applied: "$150k" → 150000, "two weeks" → 2. */
export function extractNumbers(text: string): number[] {
  return extractAmounts(text).map((amount) => amount.value);
}

interface Amount {
  value: number;
  hasMultiplier: boolean;
  multiplier: number;
  end: number;
  start: number;
}

function extractAmounts(text: string): Amount[] {
  const digits = wordsToDigits(text);
  const amounts: Amount[] = [];
  const pattern =
    /(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|thousand|grand|million|mil|m)?\b/gi;
  for (const match of digits.matchAll(pattern)) {
    const multiplier = match[2] ? (MULTIPLIER_WORDS[match[2].toLowerCase()] ?? 1) : 1;
    amounts.push({
      value: Number((match[1] ?? '0').replaceAll(',', '')) * multiplier,
      hasMultiplier: match[2] !== undefined,
      multiplier,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  // "140 to 160k": the second number's multiplier also belongs to the first.
  for (let index = 0; index + 1 < amounts.length; index += 1) {
    const first = amounts[index];
    const second = amounts[index + 1];
    if (first === undefined || second === undefined) continue;
    const between = digits.slice(first.end, second.start);
    const impliedMultiplier = second.hasMultiplier
      ? second.multiplier
      : first.value < 1_000 && second.value >= 1_000 && second.value % 1_000 === 0
        ? 1_000
        : 1;
    if (
      !first.hasMultiplier &&
      impliedMultiplier > 1 &&
      /^\s*(-|–|to|and|or)\s*\$?$/i.test(between)
    ) {
      const scaled = first.value * impliedMultiplier;
      if (scaled <= second.value) first.value = scaled;
    }
  }
  return amounts;
}

/** A number or range such as a salary: "140 to 160 thousand" → { low: 140000, high: 160000 }. */
export function extractRange(text: string): { low: number; high: number } | null {
  const amounts = extractAmounts(text);
  const first = amounts[0];
  if (first === undefined) return null;
  const second = amounts[1];
  const digits = wordsToDigits(text);
  if (
    second !== undefined &&
    /^\s*(-|–|to|and|or)\s*\$?$/i.test(digits.slice(first.end, second.start))
  ) {
    return { low: Math.min(first.value, second.value), high: Math.max(first.value, second.value) };
  }
  return { low: first.value, high: first.value };
}

const VAGUE_PATTERN =
  /\b(i don'?t know|not sure|no idea|hard to say|it depends|depends on|maybe|perhaps|i guess|let me think|i'?d rather not|prefer not to|can'?t say|hmm+|um+|uh+)\b/i;

/** True for an answer that avoids the question ("not sure", "it depends", a bare "hmm"). */
export function isVague(text: string): boolean {
  const clean = normalise(text);
  return VAGUE_PATTERN.test(clean) || clean.replace(/[^a-z0-9]/gi, '').length === 0;
}

const FILLER = /^(well|so|um+|uh+|oh|ok(ay)?|hmm+|look|honestly|actually)\b[,.!]?\s*/i;
const NOT_NEGATIONS =
  /\b(no (problem|worries|doubt|issue|issues|question)|not a problem|not at all a problem)\b/gi;

/** Yes or no from an answer; null when it says neither clearly. */
export function extractYesNo(text: string): boolean | null {
  let clean = normalise(text).toLowerCase().replace(NOT_NEGATIONS, ' ');
  // Needing sponsorship answers "authorized without sponsorship?" with no, however it starts.
  if (/\b(need|needs|require|requires|would need)\b[^.]*\b(visa|sponsor\w*)\b/.test(clean))
    return false;
  while (FILLER.test(clean)) clean = clean.replace(FILLER, '');
  if (
    /^(yes|yeah|yep|yup|yea|sure|correct|absolutely|definitely|certainly|of course|affirmative|that'?s (right|correct)|i am|i do|i can|i have|i will|indeed)\b/.test(
      clean,
    )
  )
    return true;
  if (
    /^(no|nope|nah|not really|negative|i'?m not|i am not|i don'?t|i do not|i can'?t|i cannot|i won'?t|never)\b/.test(
      clean,
    )
  )
    return false;
  const explicit = [...clean.matchAll(/\b(yes|yeah|yep|yup|no|nope)\b/g)].map((match) => match[1]);
  const last = explicit.at(-1);
  if (last !== undefined) return !['no', 'nope'].includes(last);
  if (isVague(clean)) return null;
  if (
    /\b(not|never|n't|need (a )?(visa|sponsor\w*)|require (a )?(visa|sponsor\w*))\b|n't\b/.test(
      clean,
    )
  )
    return false;
  if (
    /\b(i am|i'm|i do|i can|i have|i will|certainly|absolutely|definitely|correct|right)\b/.test(
      clean,
    )
  )
    return true;
  return null;
}

const UNIT_DAYS: [RegExp, number][] = [
  [/^days?$/, 1],
  [/^(business|working) days?$/, 1.4],
  [/^weeks?$/, 7],
  [/^months?$/, 30],
  [/^years?$/, 365],
];

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A calendar date in an answer ("March 3rd", "2027-01-15", "next Monday", "tomorrow"), UTC midnight. */
export function extractDate(text: string, now: Date): Date | null {
  const clean = normalise(text).toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(clean);
  if (iso) return new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
  const monthNames = MONTHS.join('|');
  const monthFirst = new RegExp(
    `\\b(${monthNames})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
  ).exec(wordsToDigits(clean));
  const dayFirst = new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthNames})(?:,?\\s+(\\d{4}))?`,
  ).exec(wordsToDigits(clean));
  const parts = monthFirst
    ? { month: monthFirst[1] ?? '', day: monthFirst[2], year: monthFirst[3] }
    : dayFirst
      ? { month: dayFirst[2] ?? '', day: dayFirst[1], year: dayFirst[3] }
      : null;
  if (parts) {
    const month = MONTHS.indexOf(parts.month);
    let year = parts.year ? Number(parts.year) : now.getUTCFullYear();
    let date = Date.UTC(year, month, Number(parts.day));
    if (!parts.year && date < today) date = Date.UTC((year += 1), month, Number(parts.day));
    return new Date(date);
  }
  if (/\btoday\b/.test(clean)) return new Date(today);
  if (/\btomorrow\b/.test(clean)) return new Date(today + DAY_MS);
  const weekday = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`).exec(clean);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[1] ?? '');
    let ahead = (target - now.getUTCDay() + 7) % 7;
    if (ahead === 0) ahead = 7;
    if (/\bnext\s+week\b/.test(clean)) ahead += ahead < 7 ? 7 : 0;
    return new Date(today + ahead * DAY_MS);
  }
  return null;
}

/** How many days until the candidate could start: "two weeks" → 14, "right away" → 0, a date → days to it. */
export function extractDurationDays(text: string, now: Date): number | null {
  const clean = wordsToDigits(normalise(text).toLowerCase()).replace(
    /\ban? (day|week|month|year)\b/g,
    '1 $1',
  );
  if (
    /\b(immediately|right away|straight away|right now|asap|as soon as possible|no notice|any ?time|tomorrow)\b/.test(
      clean,
    )
  ) {
    return /\btomorrow\b/.test(clean) ? 1 : 0;
  }
  if (/\bnext week\b/.test(clean)) return 7;
  if (/\bnext month\b/.test(clean)) return 30;
  const duration =
    /(\d+(?:\.\d+)?)\s*(?:of\s+)?(?:a\s+)?((?:business |working )?days?|weeks?|months?|years?)\b/.exec(
      clean,
    );
  if (duration) {
    const unit = UNIT_DAYS.find(([pattern]) => pattern.test(duration[2] ?? ''));
    if (unit) return Math.round(Number(duration[1]) * unit[1]);
  }
  const date = extractDate(text, now);
  if (date) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return Math.max(0, Math.round((date.getTime() - today) / DAY_MS));
  }
  return null;
}

/** A knock-out answer as read from one candidate turn. */
export interface KnockoutAnswer {
  knockoutId: string;
  /** true/false for yes_no, a number (the low end of a range) for number and duration_days, text otherwise. */
  value: boolean | number | string | null;
  /** For ranges such as a salary band. */
  range: { low: number; high: number } | null;
  /** What the candidate said, verbatim. */
  text: string;
  turnId: string;
  /** Whether the answer meets the job's accept rule; null when the answer is unclear. */
  passed: boolean | null;
}

/** Reads a knock-out answer from the candidate's words and checks it against the job's rule. */
export function extractKnockoutAnswer(
  knockout: Knockout,
  text: string,
  turnId: string,
  now: Date,
): KnockoutAnswer {
  const base = { knockoutId: knockout.id, text, turnId, range: null };
  if (knockout.answerType === 'text') {
    const isClear = !isVague(text) && normalise(text).length > 1;
    return { ...base, value: isClear ? normalise(text) : null, passed: isClear ? true : null };
  }
  if (knockout.answerType === 'yes_no') {
    const value = extractYesNo(text);
    const passed =
      value === null
        ? null
        : knockout.accept.equals === undefined
          ? true
          : value === knockout.accept.equals;
    return { ...base, value, passed };
  }
  if (knockout.answerType === 'duration_days') {
    const days = extractDurationDays(text, now);
    return { ...base, value: days, passed: days === null ? null : isWithin(knockout, days, days) };
  }
  const range = isVague(text) && extractNumbers(text).length === 0 ? null : extractRange(text);
  if (range === null) return { ...base, value: null, passed: null };
  return { ...base, value: range.low, range, passed: isWithin(knockout, range.low, range.high) };
}

/** A range passes when it overlaps what the job accepts: the candidate can meet the job there. */
function isWithin(knockout: Knockout, low: number, high: number): boolean {
  const { min, max } = knockout.accept;
  if (min !== undefined && high < min) return false;
  if (max !== undefined && low > max) return false;
  return true;
}
