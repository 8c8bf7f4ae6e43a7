import { describe, expect, it } from 'vitest';
import { checkPhoneNumber, phoneNumberPrefix } from './number-gate.js';

describe('checkPhoneNumber (FR-2 vectors)', () => {
  it.each([
    ['+12133734253', 'allow', undefined],
    ['+19005551234', 'reject', 'type_not_allowed'],
    ['+18005551234', 'reject', 'type_not_allowed'],
    ['+15002345678', 'reject', 'type_not_allowed'],
    ['+18765551234', 'reject', 'country_not_allowed'],
    ['+12845551234', 'reject', 'invalid'],
    ['+449090901234', 'reject', 'country_not_allowed'],
    ['+33899123456', 'reject', 'country_not_allowed'],
    ['+979123456789', 'reject', 'country_not_allowed'],
  ])('%s → %s', (input, verdict, reason) => {
    const result = checkPhoneNumber(input);
    expect(result.ok).toBe(verdict === 'allow');
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('refuses premium and non-geographic numbers even when their country is allowed', () => {
    const countries = ['US', 'CA', 'GB', 'FR', 'JM'];
    expect(checkPhoneNumber('+449090901234', { allowedCountries: countries })).toMatchObject({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(checkPhoneNumber('+33899123456', { allowedCountries: countries })).toMatchObject({
      ok: false,
      reason: 'type_not_allowed',
    });
    expect(checkPhoneNumber('+979123456789', { allowedCountries: countries }).ok).toBe(false);
  });

  it('checks the country, not the calling code', () => {
    expect(checkPhoneNumber('+18765551234', { allowedCountries: ['US'] })).toMatchObject({
      reason: 'country_not_allowed',
    });
  });

  it('normalises formatting to E.164', () => {
    expect(checkPhoneNumber(' +1 (213) 373-4253 ')).toMatchObject({
      ok: true,
      e164: '+12133734253',
      country: 'US',
    });
  });

  it('allows a configured country and refuses a national number without a country code', () => {
    expect(checkPhoneNumber('+447400123456', { allowedCountries: ['gb'] })).toMatchObject({
      ok: true,
      country: 'GB',
    });
    expect(checkPhoneNumber('2133734253').ok).toBe(false);
    expect(checkPhoneNumber('+1 hello').ok).toBe(false);
  });

  it('drops the last four digits for the prefix limit', () => {
    expect(phoneNumberPrefix('+12133734253')).toBe('+1213373');
  });
});
