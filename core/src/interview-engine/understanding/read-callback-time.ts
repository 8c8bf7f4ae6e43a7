import * as chrono from 'chrono-node';
import { zoneOffsetMinutes } from './read-answer.js';
import { clean } from './utterance.js';
import { digitsForTimes } from './time-words.js';

/** When the candidate asked to be called back: their words, and the instant when we could read one. */
export interface CallbackRequest {
  requestedText: string;
  /** ISO instant, or null when the words named no time we can read. */
  requestedAt: string | null;
  /**
   * Who asked: the candidate (when absent), or someone else who answered their phone and said
   * when to reach them, so the recruiter does not read those words as the candidate's.
   */
  askedBy?: 'candidate' | 'someone_else';
}

const PARTS_OF_DAY: [RegExp, number][] = [
  [/\bmorning\b/, 10],
  [/\b(noon|lunch ?time|midday)\b/, 12],
  [/\bafternoon\b/, 15],
  [/\b(evening|tonight)\b/, 18],
];

/**
 * Reads "tomorrow at three", "after five on Thursday", "Friday morning", "in two hours" into an
 * instant in the candidate's zone, with chrono-node for days and clock times. A bare hour from one
 * to seven is a working hour in the afternoon ("at three" is 15:00).
 */
export function readCallbackTime(text: string, now: Date, timeZone = 'UTC'): CallbackRequest {
  const requestedText = text.replace(/\s+/g, ' ').trim();
  const said = digitsForTimes(clean(text));
  const offset = zoneOffsetMinutes(timeZone, now);
  const reference = { instant: now, timezone: offset };

  const relative = /\bin (\d+(?:\.\d+)?|an?|half an) (minutes?|hours?)\b/.exec(said);
  if (relative !== null) {
    const amount =
      relative[1] === 'half an' ? 0.5 : /^an?$/.test(relative[1] ?? '') ? 1 : Number(relative[1]);
    const unitMs = (relative[2] ?? '').startsWith('hour') ? 3_600_000 : 60_000;
    return { requestedText, requestedAt: new Date(now.getTime() + amount * unitMs).toISOString() };
  }

  const localNow = new Date(now.getTime() + offset * 60_000);
  const results = chrono.parse(said, reference, { forwardDate: true });
  let day: { year: number; month: number; day: number } | null = null;
  let hour: number | null = null;
  let minute = 0;
  for (const result of results) {
    // "right now", "today" alone name no time to call back.
    if (/^(right )?now$|^today$/.test(result.text.trim())) continue;
    const start = result.start;
    if (day === null && (start.isCertain('day') || start.isCertain('weekday'))) {
      const local = new Date(start.date().getTime() + offset * 60_000);
      day = { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate() };
    }
    if (hour === null && start.isCertain('hour')) {
      hour = start.get('hour') ?? null;
      minute = start.get('minute') ?? 0;
      if (hour !== null && !start.isCertain('meridiem') && hour >= 1 && hour <= 7) hour += 12;
    }
  }
  // "after five", "around 3", "by 4": a bare hour chrono leaves alone.
  if (hour === null) {
    const bare =
      /\b(?:after|around|about|by|at|before|past)\s+(\d{1,2})(?::(\d{2}))?\b(?!\s*(?:minutes?|hours?|days?|weeks?))/.exec(
        said,
      );
    if (bare !== null) {
      hour = Number(bare[1]);
      minute = Number(bare[2] ?? 0);
      if (hour >= 1 && hour <= 7) hour += 12;
      if (hour > 23) hour = null;
    }
  }
  const partOfDay = PARTS_OF_DAY.find(([pattern]) => pattern.test(said));
  if (hour !== null && partOfDay !== undefined && partOfDay[1] >= 12 && hour < 12) hour += 12;
  if (hour === null && partOfDay !== undefined) hour = partOfDay[1];
  if (day === null && hour === null) {
    return { requestedText, requestedAt: null };
  }
  const baseDay = day ?? {
    year: localNow.getUTCFullYear(),
    month: localNow.getUTCMonth(),
    day: localNow.getUTCDate(),
  };
  let localInstant =
    Date.UTC(baseDay.year, baseDay.month, baseDay.day) + (hour ?? 10) * 3_600_000 + minute * 60_000;
  // "at three" said after three today means tomorrow.
  if (day === null && localInstant <= localNow.getTime()) localInstant += 86_400_000;
  return { requestedText, requestedAt: new Date(localInstant - offset * 60_000).toISOString() };
}
