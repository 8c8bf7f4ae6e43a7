const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1_000_000_000, 'billion'],
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];

function belowThousand(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ONES[hundreds] ?? ''} hundred`);
  if (rest > 0) {
    if (rest < 20) parts.push(ONES[rest] ?? '');
    else {
      const ten = TENS[Math.floor(rest / 10)] ?? '';
      parts.push(rest % 10 === 0 ? ten : `${ten}-${ONES[rest % 10] ?? ''}`);
    }
  }
  return parts.join(' ');
}

/** A whole number in words, the way a voice should say it: 140000 → "one hundred forty thousand". */
export function numberToWords(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value < 0) return `minus ${numberToWords(-value)}`;
  if (!Number.isInteger(value)) {
    const [whole = '0', fraction = ''] = value.toString().split('.');
    const digits = fraction
      .split(/(?:)/u)
      .map((digit) => ONES[Number(digit)] ?? digit)
      .join(' ');
    return `${numberToWords(Number(whole))} point ${digits}`;
  }
  if (value === 0) return 'zero';
  const parts: string[] = [];
  let rest = value;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      parts.push(`${belowThousand(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(belowThousand(rest));
  return parts.join(' ');
}

const MULTIPLIERS: Record<string, number> = { k: 1_000, m: 1_000_000 };

const ORDINALS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 5 → "fifth", 21 → "twenty-first", 30 → "thirtieth". */
export function ordinalToWords(value: number): string {
  const words = numberToWords(value);
  const last = /[a-z]+$/.exec(words)?.[0] ?? '';
  const head = words.slice(0, words.length - last.length);
  if (ORDINALS[last] !== undefined) return `${head}${ORDINALS[last]}`;
  if (last.endsWith('y')) return `${head}${last.slice(0, -1)}ieth`;
  return `${words}th`;
}

/** Acronyms people say as a word, not letter by letter. */
const SAID_AS_WORDS = new Set([
  'OSHA',
  'NASA',
  'NATO',
  'SAAS',
  'SCRUM',
  'GIF',
  'JSON',
  'AI',
  'HIPAA',
  'COBRA',
  'SWAT',
  'FIFO',
  'LIFO',
]);

/** "OSHA" stays; "CPT" → "C P T", "ICD" → "I C D", "USD" → "U S dollars". */
function sayAcronym(acronym: string): string {
  if (acronym === 'USD') return 'U S dollars';
  if (SAID_AS_WORDS.has(acronym.toUpperCase())) return acronym;
  return acronym.split('').join(' ');
}

/** 4:30 → "four thirty", 9:05 → "nine oh five", 11:00 → "eleven". */
function sayClock(hour: number, minute: number): string {
  const hourWords = numberToWords(hour);
  if (minute === 0) return hourWords;
  return minute < 10
    ? `${hourWords} oh ${numberToWords(minute)}`
    : `${hourWords} ${numberToWords(minute).replace('-', ' ')}`;
}

/** Cents said the way people say prices: $1.50 → "one dollar fifty", $0.75 → "seventy-five cents". */
function sayDollars(amount: number, scaled: boolean): string {
  const whole = Math.floor(amount);
  const cents = Math.round((amount - whole) * 100);
  if (scaled || cents === 0)
    return `${numberToWords(amount)} ${amount === 1 ? 'dollar' : 'dollars'}`;
  if (whole === 0) return `${numberToWords(cents)} cents`;
  return `${numberToWords(whole)} ${whole === 1 ? 'dollar' : 'dollars'} ${numberToWords(cents)}`;
}

/**
 * Rewrites text for the ear: times ("6pm to 4:30am" → "six p m to four thirty a m"), ranges,
 * amounts and percentages spelled out, acronyms as a person says them ("C P T", but "OSHA"),
 * symbols said as words, no list or bracket punctuation a voice would read aloud. Used on every
 * agent utterance.
 */
export function forTheEar(text: string): string {
  return (
    text
      .replace(/^\s*[-*•]\s+/gm, '')
      .replace(/\be\.g\.,?/gi, 'for example')
      .replace(/\bi\.e\.,?/gi, 'that is')
      .replace(/\betc\./gi, 'and so on')
      .replace(/&/g, ' and ')
      // "January 5th" → "January fifth".
      .replace(/\b(\d{1,3})(st|nd|rd|th)\b/gi, (_match, digits: string) =>
        ordinalToWords(Number(digits)),
      )
      // Clock times: 6pm, 4:30am, 8:00 a.m., 16:30.
      .replace(
        /\b(\d{1,2})(?::(\d{2}))?\s?(am|pm|a\.m\.|p\.m\.)(?![a-z])/gi,
        (_match, hour: string, minute: string | undefined, meridiem: string) =>
          `${sayClock(Number(hour), Number(minute ?? 0))} ${meridiem.toLowerCase().startsWith('a') ? 'a m' : 'p m'}`,
      )
      .replace(/\b(\d{1,2}):(\d{2})\b/g, (_match, hour: string, minute: string) =>
        sayClock(Number(hour), Number(minute)),
      )
      // 401k and 403b are said digit by digit.
      .replace(
        /\b(4\d\d)\s?\(?([kb])\)?\b/gi,
        (_match, plan: string, letter: string) =>
          `${plan
            .split('')
            .map((digit) => (digit === '0' ? 'oh' : numberToWords(Number(digit))))
            .join(' ')} ${letter.toLowerCase()}`,
      )
      // Ranges: "$22 to $25" → "twenty-two to twenty-five dollars"; "2-3" → "two to three".
      .replace(
        /\$(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?\$(\d+(?:\.\d+)?)(?!\d|[kKmM]\b|,\d)/g,
        (_match, low: string, high: string) =>
          `${numberToWords(Number(low))} to ${sayDollars(Number(high), false)}`,
      )
      .replace(
        /(?<![\w.$])(\d+)\s?(?:-|–)\s?(\d+)(?![\w.%])/g,
        (_match, low: string, high: string) =>
          `${numberToWords(Number(low))} to ${numberToWords(Number(high))}`,
      )
      // $140k, 140,000, 5+, 30%: spell the amount, then its unit.
      .replace(
        /(?<![\w.])(\$)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s?([kKmM])\b)?(\+)?(%)?/g,
        (
          _match,
          dollar: string | undefined,
          digits: string,
          scale: string | undefined,
          plus: string | undefined,
          percent: string | undefined,
        ) => {
          const amount =
            Number(digits.replaceAll(',', '')) *
            (scale ? (MULTIPLIERS[scale.toLowerCase()] ?? 1) : 1);
          if (dollar && !plus && !percent) return sayDollars(amount, scale !== undefined);
          let words = numberToWords(amount);
          if (plus) words += ' or more';
          if (percent) words += ' percent';
          if (dollar) words += ' dollars';
          return words;
        },
      )
      // Acronyms, after numbers so "ICD-10" reads "I C D ten".
      .replace(/\b([A-Z]{2,5})s?\b/g, (match: string, acronym: string) =>
        match.endsWith('s') && match.length > acronym.length
          ? `${sayAcronym(acronym)}s`
          : sayAcronym(acronym),
      )
      .replace(/\b([A-Z](?: [A-Z])+) ?-(?=[a-z])/g, '$1 ')
      .replace(/\s*\(([^)]*)\)/g, ', $1,')
      .replace(/\s*[:;]\s*/g, ', ')
      .replace(/\s*\/\s*/g, ' or ')
      .replace(/,\s*([,.?!])/g, '$1')
      .replace(/,\s*$/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/**
 * The sentences of a line, split after `.`, `?` or `!` followed by a space: the units a voice agent
 * synthesises ahead and joins (the engine's lines are built from whole sentences).
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
