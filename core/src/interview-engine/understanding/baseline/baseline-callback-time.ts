import { localTimeIn } from '../../../calling-hours/calling-hours.js';
import { extractDate, wordsToDigits } from './baseline-extract-answer.js';
import { normalise } from '../../text-analysis.js';

/** When the candidate asked to be called back: their words, and the instant when we could read one. */
export interface CallbackRequest {
  requestedText: string;
  /** ISO instant, or null when the words named no time we can read. */
  requestedAt: string | null;
}

const PARTS_OF_DAY: [RegExp, number][] = [
  [/\bmorning\b/, 10],
  [/\bnoon|lunch\b/, 12],
  [/\bafternoon\b/, 15],
  [/\bevening|tonight\b/, 18],
];

/** Minutes east of UTC of an IANA zone at an instant (0 for an unknown zone). */
function zoneOffsetMinutes(timeZone: string, at: Date): number {
  try {
    const local = localTimeIn(timeZone, at);
    const localMs = Date.UTC(local.year, local.month - 1, local.day) + local.minuteOfDay * 60_000;
    return Math.round((localMs - at.getTime()) / 60_000);
  } catch {
    // An unknown zone reads the time as UTC; the recruiter still sees the candidate's own words.
    return 0;
  }
}

/**
 * Reads "tomorrow at three in the afternoon", "in two hours", "Friday morning" into an instant,
 * in the candidate's time zone when known.
 */
export function parseCallbackTime(text: string, now: Date, timeZone = 'UTC'): CallbackRequest {
  const requestedText = normalise(text);
  const clean = wordsToDigits(requestedText.toLowerCase());
  const relative = /\bin (\d+(?:\.\d+)?|an?|half an) (minutes?|hours?)\b/.exec(clean);
  if (relative) {
    const amount =
      relative[1] === 'half an' ? 0.5 : /^an?$/.test(relative[1] ?? '') ? 1 : Number(relative[1]);
    const unitMs = (relative[2] ?? '').startsWith('hour') ? 3_600_000 : 60_000;
    return { requestedText, requestedAt: new Date(now.getTime() + amount * unitMs).toISOString() };
  }

  const offset = zoneOffsetMinutes(timeZone, now);
  const localNow = new Date(now.getTime() + offset * 60_000);
  const day = extractDate(clean, localNow);

  let hour: number | null = null;
  let minute = 0;
  const clock =
    /\b(?:at|around|about|after|by)?\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?=[\s,.!?]|$)/g;
  for (const match of clean.matchAll(clock)) {
    const value = Number(match[1]);
    const hasContext =
      match[2] !== undefined ||
      match[3] !== undefined ||
      /\b(at|around|about|after|by)\b/.test(match[0]);
    if (!hasContext || value > 23) continue;
    hour = value;
    minute = Number(match[2] ?? 0);
    const meridiem = match[3]?.replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    // "at three" with no am/pm means a working hour: three in the afternoon.
    if (meridiem === undefined && hour >= 1 && hour <= 7) hour += 12;
    break;
  }
  const partOfDay = PARTS_OF_DAY.find(([pattern]) => pattern.test(clean));
  if (hour !== null && partOfDay && partOfDay[1] >= 12 && hour < 12) hour += 12;
  if (hour === null && partOfDay) hour = partOfDay[1];
  if (day === null && hour === null) {
    if (/\blater\b/.test(clean))
      return { requestedText, requestedAt: new Date(now.getTime() + 2 * 3_600_000).toISOString() };
    return { requestedText, requestedAt: null };
  }

  const baseDay =
    day ??
    new Date(Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate()));
  let localInstant = baseDay.getTime() + (hour ?? 10) * 3_600_000 + minute * 60_000;
  // "at three" said after three today means tomorrow.
  if (day === null && localInstant <= localNow.getTime()) localInstant += 86_400_000;
  return { requestedText, requestedAt: new Date(localInstant - offset * 60_000).toISOString() };
}
