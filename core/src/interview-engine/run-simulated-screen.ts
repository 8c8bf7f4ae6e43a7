import {
  isScoredEnd,
  type EndReason,
  type Scorecard,
  type TranscriptTurn,
} from '../interviews/interview.js';
import type { SynonymSource } from '../nlp/synonym-source.js';
import type { ParsedResume } from '../resume/parsed-resume.js';
import {
  InterviewEngine,
  type EngineAction,
  type InterviewEngineOptions,
} from './interview-engine.js';
import { buildInterviewPlan, type InterviewPlan, type PlanJob } from './interview-plan.js';
import { createPersona, type PersonaName } from './personas.js';
import { scoreInterview } from './score-interview.js';

/** The result of a screen run entirely in memory. */
export interface SimulatedScreen {
  plan: InterviewPlan;
  transcript: TranscriptTurn[];
  actions: EngineAction[];
  endReason: EndReason | null;
  scorecard: Scorecard | null;
}

/**
 * Runs a whole screen in memory: the engine against a persona, no database, no timers (a silent
 * persona triggers `onSilence()` directly). For unit tests and the benchmark; the product runs the
 * same engine through the API.
 */
export async function runSimulatedScreen(
  job: PlanJob,
  resume: ParsedResume,
  persona: PersonaName,
  options: InterviewEngineOptions & { maxTurns?: number; synonyms?: SynonymSource } = {},
): Promise<SimulatedScreen> {
  const plan = buildInterviewPlan(job, resume);
  const engine = new InterviewEngine(plan, options);
  const candidate = createPersona(persona, plan, resume);
  const transcript: TranscriptTurn[] = [];
  const actions: EngineAction[] = [];
  let endReason: EndReason | null = null;
  const push = (speaker: TranscriptTurn['speaker'], text: string): string => {
    const id = `turn-${transcript.length + 1}`;
    transcript.push({ id, speaker, text });
    return id;
  };
  let output = await engine.start();
  for (let turn = 0; turn < (options.maxTurns ?? 60); turn += 1) {
    if (output.utterance !== null) push('agent', output.utterance);
    actions.push(...output.actions);
    for (const action of output.actions) if (action.type === 'endCall') endReason = action.reason;
    if (output.isEnded) break;
    const said = candidate.reply(output.utterance ?? '');
    if (said === null) output = await engine.onSilence();
    else output = await engine.onCandidateTurn(said, push('candidate', said));
  }
  const scorecard = !isScoredEnd(endReason)
    ? null
    : scoreInterview(plan, transcript, {
        ...(options.now === undefined ? {} : { now: new Date(options.now()) }),
        ...(options.synonyms === undefined ? {} : { synonyms: options.synonyms }),
      });
  return { plan, transcript, actions, endReason, scorecard };
}
