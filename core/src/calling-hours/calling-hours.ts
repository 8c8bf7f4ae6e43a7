/**
 * Calling hours (LAW-4): a phone call is placed only while the callee's local time is inside the
 * window in every time zone the callee may be in. Pure: time zones come from the caller (the browser's
 * zone, else the number's zones looked up in the backend), local time from `Intl`.
 */

/** A daily window in local wall-clock minutes, `[startMinute, endMinute)`; 0-1440 is always open. */
export interface CallingHoursWindow {
  startMinute: number;
  endMinute: number;
}

/** The legal outer bound the operator's window is checked against at start-up (08:00-21:00). */
export const LEGAL_CALLING_HOURS: CallingHoursWindow = { startMinute: 8 * 60, endMinute: 21 * 60 };

const MINUTES_PER_DAY = 24 * 60;
const WINDOW_PATTERN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** Parses `HH:MM-HH:MM` (`00:00-24:00` turns the guard off); undefined when malformed or empty. */
export function parseCallingHours(text: string): CallingHoursWindow | undefined {
  const match = WINDOW_PATTERN.exec(text.trim());
  if (match === null) return undefined;
  const [startHour, startMin, endHour, endMin] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (startMin > 59 || endMin > 59 || startHour > 23 || endHour > 24) return undefined;
  if (endHour === 24 && endMin !== 0) return undefined;
  const window = { startMinute: startHour * 60 + startMin, endMinute: endHour * 60 + endMin };
  return window.startMinute < window.endMinute ? window : undefined;
}

/** True when the window never closes (`00:00-24:00`). */
export function isAlwaysOpen(window: CallingHoursWindow): boolean {
  return window.startMinute === 0 && window.endMinute === MINUTES_PER_DAY;
}

/** True when the operator's window reaches outside 08:00-21:00 (start-up warns about it). */
export function exceedsLegalCallingHours(window: CallingHoursWindow): boolean {
  return (
    window.startMinute < LEGAL_CALLING_HOURS.startMinute ||
    window.endMinute > LEGAL_CALLING_HOURS.endMinute
  );
}

/**
 * Zone names found known, in `Intl`'s own spelling only, so the set stays as small as the zone
 * list whatever callers send. Building a formatter to ask costs ~0.1 ms, and a start asks for every
 * zone of the number.
 */
const knownZones = new Set<string>();

/** True for a zone name `Intl` knows (an IANA zone such as `America/Chicago`). */
export function isKnownTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
      .timeZone;
    if (canonical === zone) knownZones.add(zone);
    return true;
  } catch {
    // RangeError is how Intl says "no such zone"; that is the answer, not a failure.
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight, with the fraction of the current minute. */
  minuteOfDay: number;
}

/** The wall-clock time in a zone at an instant. */
export function localTimeIn(zone: string, instant: Date): LocalTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const seconds = (parts.second ?? 0) + (instant.getTime() % 1000) / 1000;
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0) + seconds / 60,
  };
}

function isInsideWindow(minuteOfDay: number, window: CallingHoursWindow): boolean {
  return minuteOfDay >= window.startMinute && minuteOfDay < window.endMinute;
}

/** True when the instant is inside the window in every zone (an empty zone list is never callable). */
export function isWithinCallingHours(
  instant: Date,
  zones: readonly string[],
  window: CallingHoursWindow,
): boolean {
  if (isAlwaysOpen(window)) return true;
  if (zones.length === 0) return false;
  return zones.every((zone) => isInsideWindow(localTimeIn(zone, instant).minuteOfDay, window));
}

/** The UTC instant at which a zone's wall clock reads the given local date and minute. */
function instantAtLocal(
  zone: string,
  year: number,
  month: number,
  day: number,
  minute: number,
): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minute);
  // Two passes settle the zone's offset at that wall-clock time, DST changes included.
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass += 1) {
    const local = localTimeIn(zone, new Date(guess));
    const localAsUtc =
      Date.UTC(local.year, local.month - 1, local.day, 0, 0) + local.minuteOfDay * 60_000;
    guess += asUtc - localAsUtc;
  }
  return new Date(Math.round(guess / 1000) * 1000);
}

/**
 * The earliest instant at or after `from` that is inside the window in every zone, or undefined when
 * the zones' windows never overlap (zones too far apart for the window).
 */
export function nextCallableInstant(
  from: Date,
  zones: readonly string[],
  window: CallingHoursWindow,
): Date | undefined {
  if (isWithinCallingHours(from, zones, window)) return from;
  if (zones.length === 0) return undefined;
  // The first callable instant is always the moment the window opens in one of the zones.
  const candidates: Date[] = [];
  for (const zone of zones) {
    const today = localTimeIn(zone, from);
    for (let offset = 0; offset <= 2; offset += 1) {
      const date = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
      const opens = instantAtLocal(
        zone,
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        window.startMinute,
      );
      if (opens.getTime() > from.getTime()) candidates.push(opens);
    }
  }
  candidates.sort((a, b) => a.getTime() - b.getTime());
  for (const candidate of candidates) {
    // A DST gap can move the opening a little: step a minute at a time over it.
    for (let step = 0; step <= 60; step += 1) {
      const probe = new Date(candidate.getTime() + step * 60_000);
      if (isWithinCallingHours(probe, zones, window)) return probe;
    }
  }
  return undefined;
}

/** One per zone: making a formatter costs far more than formatting with it (a start makes one). */
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock rendering of an instant in the candidate's zone, for the start answer. */
export function formatLocalTime(instant: Date, zone: string): string {
  let formatter = wallClockFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    wallClockFormatters.set(zone, formatter);
  }
  return formatter.format(instant);
}
