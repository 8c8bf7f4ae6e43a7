import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumberType,
} from 'libphonenumber-js/max';

/** Countries a screen may call unless the operator configures others (ISO 3166-1 alpha-2). */
export const DEFAULT_ALLOWED_COUNTRIES: readonly string[] = ['US', 'CA'];

/**
 * Number types a screen may call. Everything else (premium rate, shared cost, toll free, personal,
 * pager, UAN, voicemail, VoIP, unknown) is refused: those are how toll fraud pays.
 */
const ALLOWED_TYPES: ReadonlySet<PhoneNumberType> = new Set<PhoneNumberType>([
  'MOBILE',
  'FIXED_LINE',
  'FIXED_LINE_OR_MOBILE',
]);

/** Why a number was refused; the message is for the person who typed it. */
export type NumberRefusal = 'unparseable' | 'invalid' | 'country_not_allowed' | 'type_not_allowed';

export type NumberGateResult =
  | { ok: true; e164: string; country: string; type: PhoneNumberType }
  | { ok: false; reason: NumberRefusal; message: string };

export interface NumberGateOptions {
  /** ISO country codes; checked on the number's country, never on its calling code (+1 876 is Jamaica). */
  allowedCountries?: readonly string[];
}

/**
 * FR-2, the number gate every dial passes, in every mode: a valid number, in an allowed country,
 * of an allowed type. Answers the E.164 form to store and dial.
 */
export function checkPhoneNumber(input: string, options: NumberGateOptions = {}): NumberGateResult {
  const allowed = new Set(
    (options.allowedCountries ?? DEFAULT_ALLOWED_COUNTRIES).map((code) => code.toUpperCase()),
  );
  const trimmed = input.trim();
  // Only international format: guessing a default country would dial the wrong place.
  const phone = trimmed.startsWith('+') ? parsePhoneNumberFromString(trimmed) : undefined;
  if (phone === undefined) {
    return {
      ok: false,
      reason: 'unparseable',
      message:
        'Enter the phone number in international format, starting with + and the country code.',
    };
  }
  if (!phone.isValid()) {
    return {
      ok: false,
      reason: 'invalid',
      message: 'This phone number is not valid. Check the digits and the country code.',
    };
  }
  const country: CountryCode | undefined = phone.country;
  if (country === undefined || !allowed.has(country)) {
    return {
      ok: false,
      reason: 'country_not_allowed',
      message: `We can only call numbers in ${[...allowed].join(', ')}. Enter a number from one of these countries.`,
    };
  }
  const type = phone.getType();
  if (type === undefined || !ALLOWED_TYPES.has(type)) {
    return {
      ok: false,
      reason: 'type_not_allowed',
      message:
        'We can only call mobile or landline numbers, not premium-rate, toll-free, shared-cost, personal or VoIP numbers.',
    };
  }
  return { ok: true, e164: phone.number, country, type };
}

/** The number without its last four digits: the unit of the per-prefix rate limit. */
export function phoneNumberPrefix(e164: string): string {
  return e164.slice(0, Math.max(1, e164.length - 4));
}
