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

/** Every distinct line of every persona: the recogniser's expected speech. */
export async function allPersonaLines(subject: ScreenSubject = {}): Promise<string[]> {
  const lines = new Set<string>();
  for (const persona of PERSONA_NAMES) {
    for (const line of await personaLines(persona, subject)) lines.add(line);
  }
  return [...lines];
}
