import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { planCallTime, planStartCallTime } from './calling-hours-plan.js';
import { resolveCallingZones, timeZonesForNumber } from './number-time-zones.js';

const WINDOW = { startMinute: 9 * 60, endMinute: 20 * 60 };

/** Local hour and minute by a route independent of the code under test (`toLocaleString`). */
function localMinute(zone: string, instant: Date): number {
  const text = instant.toLocaleString('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const [hour, minute] = text.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}

function isInside(zone: string, instant: Date): boolean {
  const minute = localMinute(zone, instant);
  return minute >= WINDOW.startMinute && minute < WINDOW.endMinute;
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('calling hours by number', () => {
  it('maps numbers to their zones', async () => {
    expect(timeZonesForNumber('+12133734253')).toEqual(['America/Los_Angeles']);
    expect(timeZonesForNumber('+19072345678')).toEqual(['America/Adak', 'America/Anchorage']);
    expect(resolveCallingZones({ phoneE164: '+12133734253', timezone: 'Europe/Paris' })).toEqual([
      'Europe/Paris',
    ]);
  });

  it('plans a start in the browser zone first, else in every zone of the number', async () => {
    // 05:00 UTC: 21:00 the day before in Los Angeles, 06:00 in Paris.
    const now = new Date('2026-01-15T05:00:00Z');
    const byNumber = await planStartCallTime({ phoneE164: '+12133734253', window: WINDOW, now });
    expect(byNumber).toMatchObject({ kind: 'later', zone: 'America/Los_Angeles' });
    if (byNumber.kind !== 'later') throw new Error('expected later');
    expect(byNumber.at.toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(byNumber.localTime).toBe('Thursday, 9:00 AM PST');
    const byBrowser = await planStartCallTime({
      phoneE164: '+12133734253',
      timezone: 'Europe/Paris',
      window: WINDOW,
      now: new Date('2026-01-15T09:00:00Z'),
    });
    expect(byBrowser).toEqual({ kind: 'now' });
  });

  it('places 0 calls outside the window over 10,000 random (number, instant) pairs', async () => {
    const next = random(20_261_125);
    const areaCodes = ['213', '907', '808', '212', '312', '415', '416', '604', '709', '867', '305'];
    let violations = 0;
    let checked = 0;
    const zoneCache = new Map<string, string[]>();
    while (checked < 10_000) {
      const area = areaCodes[Math.floor(next() * areaCodes.length)] ?? '213';
      const subscriber = String(2_000_000 + Math.floor(next() * 7_999_999));
      const phone = `+1${area}${subscriber}`;
      const parsed = parsePhoneNumberFromString(phone);
      if (parsed?.isValid() !== true) continue;
      let zones = zoneCache.get(phone.slice(0, 5));
      if (zones === undefined) {
        zones = timeZonesForNumber(phone);
        zoneCache.set(phone.slice(0, 5), zones);
      }
      const now = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365 * 24 * 60) * 60_000);
      const plan = planCallTime(now, zones, WINDOW);
      checked += 1;
      const at = plan.kind === 'now' ? now : plan.kind === 'later' ? plan.at : undefined;
      if (at === undefined) continue;
      const insideEverywhere = zones.length > 0 && zones.every((zone) => isInside(zone, at));
      const tooEarly = at.getTime() < now.getTime();
      // Minimal: one minute earlier (when after the request) is not callable everywhere.
      const earlier = new Date(at.getTime() - 60_000);
      const wasCallableEarlier =
        plan.kind === 'later' &&
        earlier.getTime() >= now.getTime() &&
        zones.every((zone) => isInside(zone, earlier));
      if (!insideEverywhere || tooEarly || wasCallableEarlier) violations += 1;
    }
    expect(violations).toBe(0);
  });
});
