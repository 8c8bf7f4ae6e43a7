import { CURRENT_CONSENT_DISCLOSURE, renderConsentText } from '@screenline/core';

/** The version of the words the candidate agrees to, sent with the start so the server stores it. */
export const CONSENT_TEXT_VERSION = CURRENT_CONSENT_DISCLOSURE.version;

/**
 * LAW-1: unticked until the candidate ticks it. The label is the versioned disclosure from core,
 * word for word with the employer filled in (the server stores the hash of that same text): it
 * begins "I agree", says that an AI assistant will call and that the call is recorded and
 * transcribed, and how to opt out.
 */
export function ConsentCheckbox({
  company,
  isChecked,
  onChange,
}: {
  company: string;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
}) {
  return (
    <label className="consent">
      <input
        type="checkbox"
        checked={isChecked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{renderConsentText(CURRENT_CONSENT_DISCLOSURE, company)}</span>
    </label>
  );
}
