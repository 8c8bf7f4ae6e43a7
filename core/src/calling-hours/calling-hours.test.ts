import { describe, expect, it } from 'vitest';
import {
  exceedsLegalCallingHours,
  isKnownTimeZone,
  isWithinCallingHours,
  nextCallableInstant,
  parseCallingHours,
} from './calling-hours.js';

const DEFAULT = { startMinute: 9 * 60, endMinute: 20 * 60 };

describe('calling hours', () => {
  it('parses windows, including the always-open one, and refuses malformed ones', () => {
    expect(parseCallingHours('09:00-20:00')).toEqual(DEFAULT);
    expect(parseCallingHours('00:00-24:00')).toEqual({ startMinute: 0, endMinute: 1440 });
    for (const bad of ['9-20', '20:00-09:00', '09:60-10:00', '24:30-25:00', '', '09:00-24:01']) {
      expect(parseCallingHours(bad)).toBeUndefined();
    }
  });

  it('flags windows reaching outside 08:00-21:00', () => {
    expect(exceedsLegalCallingHours(DEFAULT)).toBe(false);
    expect(exceedsLegalCallingHours({ startMinute: 7 * 60, endMinute: 20 * 60 })).toBe(true);
    expect(exceedsLegalCallingHours({ startMinute: 0, endMinute: 1440 })).toBe(true);
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('America/Chicago')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });

  it('answers the same when asked again, in any spelling Intl accepts', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(isKnownTimeZone('Europe/Paris')).toBe(true);
      expect(isKnownTimeZone('europe/paris')).toBe(true);
      expect(isKnownTimeZone('US/Eastern')).toBe(true);
      expect(isKnownTimeZone('Europe/Pariss')).toBe(false);
      expect(isKnownTimeZone('')).toBe(false);
    }
  });

  it('is open only when every zone is inside the window', () => {
    // 16:30 UTC in January: 08:30 in Los Angeles, 11:30 in New York.
    const instant = new Date('2026-01-15T16:30:00Z');
    expect(isWithinCallingHours(instant, ['America/New_York'], DEFAULT)).toBe(true);
    expect(
      isWithinCallingHours(instant, ['America/New_York', 'America/Los_Angeles'], DEFAULT),
    ).toBe(false);
    expect(isWithinCallingHours(instant, [], DEFAULT)).toBe(false);
  });

  it('finds the next instant the window is open in all zones', () => {
    const instant = new Date('2026-01-15T16:30:00Z');
    const next = nextCallableInstant(instant, ['America/New_York', 'America/Los_Angeles'], DEFAULT);
    expect(next?.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    // 21:00 in Anchorage: the next opening is 09:00 next morning in Adak (an hour behind Anchorage).
    const late = new Date('2026-01-16T06:00:00Z');
    expect(
      nextCallableInstant(late, ['America/Anchorage', 'America/Adak'], DEFAULT)?.toISOString(),
    ).toBe('2026-01-16T19:00:00.000Z');
  });

  it('crosses a DST change on the local calendar', () => {
    // 2026-03-08 is the US spring-forward day: 09:00 in New York is 13:00 UTC (EDT).
    const saturdayNight = new Date('2026-03-08T02:00:00Z');
    expect(nextCallableInstant(saturdayNight, ['America/New_York'], DEFAULT)?.toISOString()).toBe(
      '2026-03-08T13:00:00.000Z',
    );
  });

  it('answers undefined when the zones never share an open minute', () => {
    const window = { startMinute: 9 * 60, endMinute: 10 * 60 };
    expect(
      nextCallableInstant(new Date(), ['Asia/Tokyo', 'America/New_York'], window),
    ).toBeUndefined();
  });
});
