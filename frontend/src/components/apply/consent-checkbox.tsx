import { CURRENT_CONSENT_DISCLOSURE } from '@screenline/core';

/** The version of the words the candidate agrees to, sent with the start so the server stores it. */
export const CONSENT_TEXT_VERSION = CURRENT_CONSENT_DISCLOSURE.version;

/**
 * LAW-1: unticked until the candidate ticks it. The label begins "I agree", says in plain words
 * that an AI assistant will call and that the call is recorded and transcribed, then gives the
 * recorded disclosure text word for word, which says how to opt out.
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
      <span>
        I agree that an AI assistant will call me now for {company}, and that the call is recorded
        and transcribed. {CURRENT_CONSENT_DISCLOSURE.text} To opt out, do not tick this box, or say
        “stop calling me” during the call.
      </span>
    </label>
  );
}
