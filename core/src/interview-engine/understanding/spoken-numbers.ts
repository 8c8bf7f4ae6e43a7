/**
 * Numbers as people say them and speech-to-text writes them: digits ("$150k", "24/hr"), words
 * ("one hundred forty five thousand"), the spoken shorthands of pay ("one fifty" = 150, "twenty
 * three fifty" = 23.50), and the unit each number is about ("eight *years*", "*$*25 an *hour*").
 */

/** What a number measures, from the words around it. */
export type NumberUnit =
  | 'hourly'
  | 'yearly'
  | 'money'
  | 'years'
  | 'months'
  | 'weeks'
  | 'days'
  | 'business_days'
  | 'hours'
  | 'minutes'
  | 'miles'
  | 'pounds'
  | 'percent'
  | 'count'
  | 'calendar_year'
  | 'clock';

/** One number in an utterance, with its unit when the words give one. */
export interface NumberMention {
  value: number;
  unit: NumberUnit | null;
  /** A range's upper end ("twenty two to twenty five"). */
  high: number | null;
  /** Word positions, for telling which sentence or clause it sits in. */
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
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
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** A decade said as pay ("the fifties", "low one fifties"): the tens it starts at. */
const DECADES: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fourties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

/** Words of an utterance, lower-case, with "$", "%" and digits as their own words. */
export function numberWords(text: string): string[] {
  const clean = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/(\d),(\d{3})/g, '$1$2')
    .replace(/\/\s*(hr|hour)\b/g, ' per hour')
    .replace(/\/\s*(yr|year)\b/g, ' per year')
    .replace(/(\d)(k|m)\b/g, '$1 $2')
    .replace(/(\d)(am|pm|a\.m\.|p\.m\.)/g, '$1 $2')
    .replace(/(\d+(?:st|nd|rd|th))\b/g, ' $1 ')
    .replace(/(\d)-(\d)/g, '$1 to $2')
    // "a buck fifty" is pay talk for one hundred fifty; "150s" is a decade, like "one fifties".
    .replace(
      /\b(?:a |one )?buck (twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/g,
      'one hundred $1',
    )
    .replace(/\b(\d+0)'?s\b/g, '$1 s')
    .replace(/(\d):(\d\d)/g, '$1:$2')
    .replace(/-/g, ' ');
  return (
    clean.match(/\$|%|,|\d+:\d\d|\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+(?:'[a-z]+)?|\.{3}/g) ?? []
  );
}

interface Chunk {
  value: number;
  start: number;
  end: number;
  /** How the last word was read, to know what may follow it. */
  last: 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'digits';
  /** A decade ("fifties", "150s"): the value and the nine after it. */
  isDecade?: boolean;
}

/** Reads a run of number words into standard numbers; a word that cannot continue starts a new one. */
function readChunks(tokens: string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let current: {
    total: number;
    group: number;
    start: number;
    last: Chunk['last'];
    isDecade?: boolean;
  } | null = null;
  const close = (end: number): void => {
    if (current === null) return;
    chunks.push({
      value: current.total + current.group,
      start: current.start,
      end,
      last: current.last,
      ...(current.isDecade === true ? { isDecade: true } : {}),
    });
    current = null;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const word = tokens[index] ?? '';
    if (/^\d+(?:\.\d+)?(?:st|nd|rd|th)?$/.test(word)) {
      close(index - 1);
      const isDecade = /^\d+0$/.test(word) && tokens[index + 1] === 's';
      chunks.push({
        value: Number(word.replace(/(st|nd|rd|th)$/, '')),
        start: index,
        end: isDecade ? index + 1 : index,
        last: 'digits',
        ...(isDecade ? { isDecade } : {}),
      });
      if (isDecade) index += 1;
      continue;
    }
    const decade = DECADES[word];
    if (decade !== undefined) {
      if (current !== null && (current.last === 'hundred' || current.last === 'scale')) {
        current.group += decade;
        current.last = 'tens';
        current.isDecade = true;
      } else {
        close(index - 1);
        current = { total: 0, group: decade, start: index, last: 'tens', isDecade: true };
      }
      close(index);
      continue;
    }
    const isArticle =
      (word === 'a' || word === 'an') && /^(hundred|thousand)$/.test(tokens[index + 1] ?? '');
    const unit = UNITS[word];
    const teen = TEENS[word];
    const tens = TENS[word];
    if (
      word === 'and' &&
      current !== null &&
      (current.last === 'hundred' || current.last === 'scale')
    ) {
      continue;
    }
    if (isArticle) {
      close(index - 1);
      current = { total: 0, group: 1, start: index, last: 'unit' };
      continue;
    }
    if (
      unit !== undefined &&
      !(word === 'oh' && current === null) &&
      !(word === 'one' && isPronounOne(tokens, index))
    ) {
      if (
        current !== null &&
        (current.last === 'tens' || current.last === 'hundred' || current.last === 'scale')
      ) {
        current.group += unit;
        current.last = 'unit';
      } else {
        close(index - 1);
        current = { total: 0, group: unit, start: index, last: 'unit' };
      }
      continue;
    }
    if (teen !== undefined) {
      if (current !== null && (current.last === 'hundred' || current.last === 'scale')) {
        current.group += teen;
        current.last = 'teen';
      } else {
        close(index - 1);
        current = { total: 0, group: teen, start: index, last: 'teen' };
      }
      continue;
    }
    if (tens !== undefined) {
      if (current !== null && (current.last === 'hundred' || current.last === 'scale')) {
        current.group += tens;
        current.last = 'tens';
      } else {
        close(index - 1);
        current = { total: 0, group: tens, start: index, last: 'tens' };
      }
      continue;
    }
    // "hundred thirty", said without the "one".
    const next = tokens[index + 1] ?? '';
    if (
      word === 'hundred' &&
      current === null &&
      (TENS[next] !== undefined ||
        TEENS[next] !== undefined ||
        /^(and|k|grand|thousand)$/.test(next))
    ) {
      current = { total: 0, group: 100, start: index, last: 'hundred' };
      continue;
    }
    if (
      word === 'hundred' &&
      current !== null &&
      current.last !== 'hundred' &&
      current.group < 100
    ) {
      current.group = (current.group === 0 ? 1 : current.group) * 100;
      current.last = 'hundred';
      continue;
    }
    if (
      (word === 'thousand' || word === 'million') &&
      current !== null &&
      current.last !== 'scale'
    ) {
      current.total +=
        (current.group === 0 ? 1 : current.group) * (word === 'thousand' ? 1_000 : 1_000_000);
      current.group = 0;
      current.last = 'scale';
      continue;
    }
    close(index - 1);
  }
  close(tokens.length - 1);
  return chunks;
}

/**
 * Which part of a decade the words before it name: "low" fifties are 50 to 53, "mid" 53 to 56,
 * "high" 56 to 59, "low to mid" 50 to 56; the whole decade without one.
 */
function decadeSpan(tokens: string[], start: number): [number, number] {
  const part = (word: string | undefined): 'low' | 'mid' | 'high' | null => {
    if (word === 'low' || word === 'lower') return 'low';
    if (word === 'mid' || word === 'middle') return 'mid';
    if (word === 'high' || word === 'upper') return 'high';
    return null;
  };
  const SPANS = { low: [0, 3], mid: [3, 6], high: [6, 9] } as const;
  const last = part(tokens[start - 1]);
  if (last === null) return [0, 9];
  const first = /^(to|or)$/.test(tokens[start - 2] ?? '') ? part(tokens[start - 3]) : null;
  return [SPANS[first ?? last][0], SPANS[last][1]];
}

/** "one" as a pronoun ("the one", "every other one", "one of"), not a number. */
function isPronounOne(tokens: string[], index: number): boolean {
  const previous = tokens[index - 1] ?? '';
  const next = tokens[index + 1] ?? '';
  // "in the one fifties", "the one forty range": a number going on.
  if (TENS[next] !== undefined || DECADES[next] !== undefined || next === 'hundred') return false;
  return (
    /^(the|other|this|that|which|any|no|every|each|last|first)$/.test(previous) || next === 'of'
  );
}

const UNIT_WORDS: [RegExp, NumberUnit][] = [
  [/^(years?|yrs?)$/, 'years'],
  [/^(months?)$/, 'months'],
  [/^(weeks?|wks?)$/, 'weeks'],
  [/^(days?)$/, 'days'],
  [/^(hours?|hrs?)$/, 'hours'],
  [/^(minutes?|mins?)$/, 'minutes'],
  [/^(miles?|mi|kilometers?|km)$/, 'miles'],
  [/^(pounds?|lbs?)$/, 'pounds'],
  [/^(percent|%)$/, 'percent'],
  [
    /^(people|guys|engineers|workers|employees|folks|pickers|drivers|reports|staff|persons?|members)$/,
    'count',
  ],
];

/** The unit the words right after (and before) a number give it. */
function unitAround(
  tokens: string[],
  start: number,
  end: number,
  value: number,
): {
  unit: NumberUnit | null;
  multiplier: number;
  consumed: number;
} {
  let cursor = end + 1;
  let multiplier = 1;
  let unit: NumberUnit | null = null;
  const at = (offset: number): string => tokens[cursor + offset] ?? '';
  const before = tokens[start - 1] ?? '';
  if (before === '$') unit = 'money';
  if (/^(k|grand|thousand)$/.test(at(0))) {
    multiplier = 1_000;
    unit = 'money';
    cursor += 1;
  } else if (/^(m|million|mil)$/.test(at(0))) {
    multiplier = 1_000_000;
    unit = 'money';
    cursor += 1;
  }
  if (/^(dollars?|bucks|usd|an?)$/.test(at(0)) && /^(dollars?|bucks|usd)$/.test(at(0))) {
    unit = 'money';
    cursor += 1;
  }
  if (/^(an?|per|each|every|the)$/.test(at(0)) && /^(hour|hr)$/.test(at(1))) {
    return { unit: 'hourly', multiplier, consumed: cursor + 2 };
  }
  if (/^(an?|per|each|every|the)$/.test(at(0)) && /^(year|yr|annum)$/.test(at(1))) {
    return { unit: 'yearly', multiplier, consumed: cursor + 2 };
  }
  if (/^(hourly)$/.test(at(0))) return { unit: 'hourly', multiplier, consumed: cursor + 1 };
  if (/^(base|salary|annually|yearly)$/.test(at(0)))
    return { unit: 'yearly', multiplier, consumed: cursor + 1 };
  if (/^(am|pm|a\.m\.|p\.m\.|o'clock)$/.test(at(0)))
    return { unit: 'clock', multiplier, consumed: cursor + 1 };
  if (/^(business|working)$/.test(at(0)) && /^days?$/.test(at(1))) {
    return { unit: 'business_days', multiplier, consumed: cursor + 2 };
  }
  if (/^decades?$/.test(at(0)))
    return { unit: 'years', multiplier: multiplier * 10, consumed: cursor + 1 };
  // "two years", "a couple of weeks", "six months"
  const nextWord = at(0) === 'of' || at(0) === 'more' || at(0) === 'full' ? at(1) : at(0);
  for (const [pattern, name] of UNIT_WORDS) {
    if (pattern.test(nextWord)) {
      const next = cursor + (nextWord === at(0) ? 1 : 2);
      if (unit === 'money' && name !== 'hours') return { unit, multiplier, consumed: cursor };
      return { unit: name, multiplier, consumed: next };
    }
  }
  if (unit === null && /^(since|in|from|of)$/.test(before) && value >= 1950 && value <= 2100) {
    unit = 'calendar_year';
  }
  return { unit, multiplier, consumed: cursor };
}

/**
 * Every number in an utterance with its unit. Adjacent spoken chunks are joined the way people
 * say pay: "one fifty" → 150, "twenty three fifty" → 23.5; "and a half" adds a half.
 */
export function readNumbers(text: string): NumberMention[] {
  const tokens = numberWords(text);
  const chunks = readChunks(tokens);
  // "a couple of", "a few", "half a", "a" before a unit.
  const extra: Chunk[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const word = tokens[index] ?? '';
    const next = tokens[index + 1] ?? '';
    const afterNext = tokens[index + 2] ?? '';
    const isCovered = chunks.some((chunk) => chunk.start <= index && index <= chunk.end);
    if (isCovered) continue;
    if (word === 'couple') extra.push({ value: 2, start: index, end: index, last: 'unit' });
    else if (word === 'few' && tokens[index - 1] === 'a')
      extra.push({ value: 3, start: index, end: index, last: 'unit' });
    else if (
      word === 'half' &&
      (next === 'a' || next === 'an') &&
      /^(year|month|day|hour|mile)/.test(afterNext)
    )
      extra.push({ value: 0.5, start: index, end: index + 1, last: 'unit' });
    else if (
      (word === 'a' || word === 'an' || word === 'one') &&
      /^(year|month|week|day|mile|hour|decade)s?$/.test(next) &&
      tokens[index - 1] !== 'half'
    ) {
      const previous = tokens[index - 1] ?? '';
      const isAfterNumber =
        chunks.some((chunk) => chunk.end === index - 1) ||
        /^(per|every|each|couple|few)$/.test(previous);
      const isRate = isAfterNumber || /^(dollars?|bucks|k)$/.test(previous);
      if (!isRate) extra.push({ value: 1, start: index, end: index, last: 'unit' });
    }
  }
  const all = [...chunks, ...extra].sort((a, b) => a.start - b.start);

  // Join spoken shorthands: chunks with nothing between them.
  const joined: Chunk[] = [];
  for (const chunk of all) {
    const previous = joined.at(-1);
    if (
      previous !== undefined &&
      previous.end + 1 === chunk.start &&
      previous.last !== 'digits' &&
      chunk.last !== 'digits'
    ) {
      if (previous.value >= 1 && previous.value <= 9 && chunk.value >= 10 && chunk.value <= 99) {
        joined[joined.length - 1] = {
          ...chunk,
          value: previous.value * 100 + chunk.value,
          start: previous.start,
        };
        continue;
      }
      if (
        previous.value >= 10 &&
        previous.value <= 99 &&
        chunk.value >= 10 &&
        chunk.value <= 99 &&
        Number.isInteger(previous.value)
      ) {
        joined[joined.length - 1] = {
          ...chunk,
          value: previous.value + chunk.value / 100,
          start: previous.start,
        };
        continue;
      }
    }
    joined.push(chunk);
  }

  const mentions: NumberMention[] = [];
  for (const chunk of joined) {
    let value = chunk.value;
    let end = chunk.end;
    // "twenty seven and a half", "a month and a half" handled after the unit below.
    if (tokens[end + 1] === 'and' && tokens[end + 2] === 'a' && tokens[end + 3] === 'half') {
      value += 0.5;
      end += 3;
    }
    const around = unitAround(tokens, chunk.start, end, value);
    value *= around.multiplier;
    let consumed = Math.max(end, around.consumed - 1);
    if (
      tokens[consumed + 1] === 'and' &&
      tokens[consumed + 2] === 'a' &&
      tokens[consumed + 3] === 'half'
    ) {
      value += 0.5;
      consumed += 3;
    }
    if (chunk.isDecade === true) {
      const [from, to] = decadeSpan(tokens, chunk.start);
      const base = value / around.multiplier;
      mentions.push({
        value: (base + from) * around.multiplier,
        unit: around.unit,
        high: (base + to) * around.multiplier,
        start: chunk.start,
        end: consumed,
      });
      continue;
    }
    mentions.push({ value, unit: around.unit, high: null, start: chunk.start, end: consumed });
  }

  // Ranges: "twenty two to twenty five", "140 to 160k", "between one fifty and one seventy".
  const ranges: NumberMention[] = [];
  for (const mention of mentions) {
    const previous = ranges.at(-1);
    if (previous?.high === null) {
      const between = tokens.slice(previous.end + 1, mention.start);
      const isRangeWord =
        (between.length === 1 &&
          /^(to|and|or|through|thru|till|until|,)$/.test(between[0] ?? '')) ||
        (between.length === 2 && /^(to|and|or)$/.test(between[0] ?? '') && between[1] === '$');
      const isCompatible =
        previous.unit === null ||
        mention.unit === null ||
        previous.unit === mention.unit ||
        (previous.unit === 'money' && (mention.unit === 'hourly' || mention.unit === 'yearly'));
      if (isRangeWord && isCompatible && previous.unit !== 'clock') {
        let low = previous.value;
        if (
          low < 1_000 &&
          mention.value >= 1_000 &&
          mention.value % 1_000 === 0 &&
          low * 1_000 <= mention.value
        )
          low *= 1_000;
        ranges[ranges.length - 1] = {
          value: Math.min(low, mention.value),
          high: Math.max(low, mention.value),
          unit: mention.unit ?? previous.unit,
          start: previous.start,
          end: mention.end,
        };
        continue;
      }
    }
    ranges.push(mention);
  }
  return ranges;
}

/**
 * Whether words say how long: a number of years or months ("about six years", "since 2019"), a
 * decade, or none at all ("never have", "no experience"), which is an answer too.
 */
export function saysHowLong(text: string): boolean {
  const units: (NumberUnit | null)[] = ['years', 'months', 'calendar_year'];
  if (readNumbers(text).some((mention) => units.includes(mention.unit))) return true;
  return /\b(decades?|since (19|20)\d\d|my whole career|never|none|no experience|haven'?t|have not|not really|zero)\b/i.test(
    text,
  );
}
