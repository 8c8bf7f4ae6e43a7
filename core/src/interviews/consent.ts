/**
 * What a disclosure agrees to: a call to the number entered (phone and simulated mode, which
 * rehearses it), or a conversation in the browser (web mode), which calls no number.
 */
export type ConsentChannel = 'phone' | 'web';

/** A version of the disclosure the candidate agrees to before the call (LAW-1). */
export interface ConsentDisclosure {
  version: string;
  channel: ConsentChannel;
  text: string;
}

/**
 * Every disclosure text ever shown, by version; append, never edit one that shipped, so a stored
 * consent always points at the words the candidate saw.
 */
export const CONSENT_DISCLOSURES: readonly ConsentDisclosure[] = [
  {
    version: '2026-11-01',
    channel: 'phone',
    text:
      'By clicking Call Me Now, I agree to receive a phone call at the number I entered from an AI voice ' +
      'assistant acting for the employer, about my application. The call uses an artificial voice, is ' +
      'recorded and transcribed, and the transcript is reviewed by the recruiting team. I can say "stop ' +
      'calling me" at any time and I will not be called again.',
  },
  {
    // The whole checkbox label, so the stored hash covers every word beside the box.
    version: '2026-11-25',
    channel: 'phone',
    text:
      'I agree that an AI assistant will call me now for {company}, and that the call is recorded ' +
      'and transcribed. By clicking Call Me Now, I agree to receive a phone call at the number I ' +
      'entered from an AI voice assistant acting for the employer, about my application. The call ' +
      'uses an artificial voice, is recorded and transcribed, and the transcript is reviewed by the ' +
      'recruiting team. I can say "stop calling me" at any time and I will not be called again. To ' +
      'opt out, do not tick this box, or say "stop calling me" during the call.',
  },
  {
    // Web mode: no number is asked for or called; the AI and recording disclosures stay.
    version: '2026-12-04-web',
    channel: 'web',
    text:
      'I agree to talk now, in this browser and with my microphone, with an AI assistant for ' +
      '{company}, and that the conversation is recorded and transcribed. By clicking Start My ' +
      'Screen, I agree to a screening conversation about my application with an AI voice assistant ' +
      'acting for the employer. It uses an artificial voice, is recorded and transcribed, and the ' +
      'transcript is reviewed by the recruiting team. I can leave at any time, and say "stop ' +
      'contacting me" so that I am not contacted about it again. To opt out, do not tick this box.',
  },
];

/** The latest disclosure of a channel: what the product shows now. */
function latestDisclosure(channel: ConsentChannel): ConsentDisclosure {
  return (
    CONSENT_DISCLOSURES.filter((disclosure) => disclosure.channel === channel).at(-1) ?? {
      version: 'none',
      channel,
      text: '',
    }
  );
}

/** The phone disclosure the product shows now (phone and simulated mode). */
export const CURRENT_CONSENT_DISCLOSURE: ConsentDisclosure = latestDisclosure('phone');

/** The browser-call disclosure the product shows now (web mode). */
export const CURRENT_WEB_CONSENT_DISCLOSURE: ConsentDisclosure = latestDisclosure('web');

/** The disclosure a mode shows: web mode calls no number, the others call (or rehearse a call). */
export function currentConsentDisclosure(mode: 'phone' | 'web' | 'simulated'): ConsentDisclosure {
  return mode === 'web' ? CURRENT_WEB_CONSENT_DISCLOSURE : CURRENT_CONSENT_DISCLOSURE;
}

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
