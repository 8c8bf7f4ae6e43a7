/** A version of the disclosure the candidate agrees to before the call (LAW-1). */
export interface ConsentDisclosure {
  version: string;
  text: string;
}

/**
 * Every disclosure text ever shown, by version; append, never edit one that shipped, so a stored
 * consent always points at the words the candidate saw.
 */
export const CONSENT_DISCLOSURES: readonly ConsentDisclosure[] = [
  {
    version: '2026-11-01',
    text:
      'By clicking Call Me Now, I agree to receive a phone call at the number I entered from an AI voice ' +
      'assistant acting for the employer, about my application. The call uses an artificial voice, is ' +
      'recorded and transcribed, and the transcript is reviewed by the recruiting team. I can say "stop ' +
      'calling me" at any time and I will not be called again.',
  },
  {
    // The whole checkbox label, so the stored hash covers every word beside the box.
    version: '2026-11-25',
    text:
      'I agree that an AI assistant will call me now for {company}, and that the call is recorded ' +
      'and transcribed. By clicking Call Me Now, I agree to receive a phone call at the number I ' +
      'entered from an AI voice assistant acting for the employer, about my application. The call ' +
      'uses an artificial voice, is recorded and transcribed, and the transcript is reviewed by the ' +
      'recruiting team. I can say "stop calling me" at any time and I will not be called again. To ' +
      'opt out, do not tick this box, or say "stop calling me" during the call.',
  },
];

/** The disclosure the product shows now. */
export const CURRENT_CONSENT_DISCLOSURE: ConsentDisclosure = CONSENT_DISCLOSURES.at(-1) ?? {
  version: 'none',
  text: '',
};

/** The disclosure for a version, or undefined for one that never shipped. */
export function findConsentDisclosure(version: string): ConsentDisclosure | undefined {
  return CONSENT_DISCLOSURES.find((disclosure) => disclosure.version === version);
}

/**
 * The words the candidate sees beside the box for a job: the disclosure with the employer filled
 * in. The consent row stores the hash of exactly this text.
 */
export function renderConsentText(disclosure: ConsentDisclosure, company: string): string {
  return disclosure.text.replaceAll('{company}', company);
}
