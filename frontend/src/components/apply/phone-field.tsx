import { checkPhoneNumber } from '@screenline/core';
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { useId, useMemo } from 'react';
import { SelectField } from '../common/select-field';

export interface PhoneValue {
  country: CountryCode;
  input: string;
}

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

const ALL_COUNTRIES = getCountries();

/**
 * The number as typed, checked live with the same rules the server applies (FR-2). Which
 * countries are called is the operator's setting, so that part is left to the server's answer.
 */
export function checkPhoneInput(value: PhoneValue): PhoneCheck {
  const text = value.input.trim();
  if (text === '') return { ok: false, message: 'Enter the number we should call.' };
  const parsed = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : parsePhoneNumberFromString(text, value.country);
  if (parsed === undefined) {
    return { ok: false, message: 'This does not look like a phone number yet.' };
  }
  const gate = checkPhoneNumber(parsed.number, { allowedCountries: ALL_COUNTRIES });
  return gate.ok ? { ok: true, e164: gate.e164 } : { ok: false, message: gate.message };
}

/** A country from the number when it starts with +, so the picker follows what was pasted. */
export function countryOf(input: string): CountryCode | undefined {
  return input.trim().startsWith('+')
    ? parsePhoneNumberFromString(input.trim())?.country
    : undefined;
}

/** "Phone number" with a country picker and live validation. */
export function PhoneField({
  value,
  onChange,
  inputRef,
}: {
  value: PhoneValue;
  onChange: (value: PhoneValue) => void;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  const messageId = useId();
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames(undefined, { type: 'region' });
    return ALL_COUNTRIES.map((code) => ({
      code,
      label: `${names.of(code) ?? code} (+${getCountryCallingCode(code)})`,
    })).sort((a, b) => a.label.localeCompare(b.label));
  }, []);
  const check = checkPhoneInput(value);
  const hasTyped = value.input.trim() !== '';

  return (
    <div className="field-row phone-row">
      <SelectField
        label="Country"
        className="country-field"
        value={value.country}
        autoComplete="tel-country-code"
        onChange={(event) => onChange({ ...value, country: event.target.value as CountryCode })}
      >
        {countries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.label}
          </option>
        ))}
      </SelectField>
      <div className="field grow">
        <label className="field">
          <span>Phone number</span>
          <input
            ref={inputRef}
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={value.input}
            aria-invalid={hasTyped && !check.ok}
            aria-describedby={messageId}
            onChange={(event) => {
              const input = event.target.value;
              onChange({ country: countryOf(input) ?? value.country, input });
            }}
          />
        </label>
        <p
          id={messageId}
          className={`small ${hasTyped && !check.ok ? 'error' : 'muted'}`}
          aria-live="polite"
        >
          {!hasTyped
            ? 'The number we call now. Mobile or landline.'
            : check.ok
              ? `We will call ${check.e164}.`
              : check.message}
        </p>
      </div>
    </div>
  );
}
