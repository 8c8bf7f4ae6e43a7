import { renderConsentText, type ConsentDisclosure } from '@screenline/core';

/**
 * LAW-1: unticked until the candidate ticks it. The label is the versioned disclosure from core
 * for the server's mode (a phone call, or a conversation in the browser in web mode), word for
 * word with the employer filled in (the server stores the hash of that same text): it begins
 * "I agree", says that an AI assistant will talk with them and that it is recorded and
 * transcribed, and how to opt out. The start sends `disclosure.version` so the server stores it.
 */
export function ConsentCheckbox({
  disclosure,
  company,
  isChecked,
  onChange,
}: {
  disclosure: ConsentDisclosure;
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
      <span>{renderConsentText(disclosure, company)}</span>
    </label>
  );
}
