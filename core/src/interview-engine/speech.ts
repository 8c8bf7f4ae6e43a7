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

/**
 * Rewrites text for the ear: numbers and amounts spelled out, symbols said as words, no list or
 * bracket punctuation a voice would read aloud. Used on every agent utterance.
 */
export function forTheEar(text: string): string {
  return (
    text
      .replace(/^\s*[-*•]\s+/gm, '')
      .replace(/\be\.g\.,?/gi, 'for example')
      .replace(/\bi\.e\.,?/gi, 'that is')
      .replace(/\betc\./gi, 'and so on')
      .replace(/&/g, ' and ')
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
          let words = numberToWords(amount);
          if (plus) words += ' or more';
          if (percent) words += ' percent';
          if (dollar) words += ' dollars';
          return words;
        },
      )
      .replace(/\s*\(([^)]*)\)/g, ', $1,')
      .replace(/\s*[:;]\s*/g, ', ')
      .replace(/\s*\/\s*/g, ' or ')
      .replace(/,\s*([,.?!])/g, '$1')
      .replace(/,\s*$/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}
