import {
  PERSONA_NAMES,
  SAMPLE_JOB,
  SAMPLE_RESUME,
  runSimulatedScreen,
  type ParsedResume,
  type PersonaName,
  type PlanJob,
} from '@screenline/core';

/** The job and resume a persona answers for; by default the demo job and the sample resume. */
export interface ScreenSubject {
  job?: PlanJob;
  resume?: ParsedResume;
}

/**
 * What a persona says in a screen, in order: the candidate turns of core's simulated screen (the
 * scripted engine against the persona), so the clips match what the real engine will ask.
 */
export async function personaLines(
  persona: PersonaName,
  subject: ScreenSubject = {},
): Promise<string[]> {
  const screen = await runSimulatedScreen(
    subject.job ?? SAMPLE_JOB,
    subject.resume ?? SAMPLE_RESUME,
    persona,
  );
  return screen.transcript.filter((turn) => turn.speaker === 'candidate').map((turn) => turn.text);
}

/**
 * The personas whose lines the recogniser expects: the demo call's candidates. The personas added
 * for the interviewer's failure kinds (negations, wrong numbers...) speak near-copies of these lines
 * ("Yeah, that's Jordan."), and a language model biased to both confuses one for the other; their
 * clips are for the engine's tests, not for the phone.
 */
export const RECOGNISED_PERSONAS: readonly PersonaName[] = PERSONA_NAMES.slice(
  0,
  PERSONA_NAMES.indexOf('curious') + 1,
);

/** Every distinct line of the recognised personas: the recogniser's expected speech. */
export async function allPersonaLines(subject: ScreenSubject = {}): Promise<string[]> {
  const lines = new Set<string>();
  for (const persona of RECOGNISED_PERSONAS) {
    for (const line of await personaLines(persona, subject)) lines.add(line);
  }
  return [...lines];
}
