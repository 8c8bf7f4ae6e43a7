import type { Knockout } from '../../../jobs/job.js';
import type { ParsedResume } from '../../../resume/parsed-resume.js';
import { buildInterviewPlan, type InterviewPlan, type PlanStep } from '../../interview-plan.js';
import { extractKnockoutAnswer as baselineExtract } from '../baseline/baseline-extract-answer.js';
import { parseCallbackTime as baselineCallback } from '../baseline/baseline-callback-time.js';
import { interpretScripted as baselineInterpret } from '../baseline/baseline-scripted-responder.js';
import { CORPUS_JOBS, type CorpusJobName } from '../corpus/corpus-jobs.js';
import type { CorpusItem } from '../corpus/load-corpus.js';
import { readTurn } from '../read-turn.js';

/** When the corpus is read, and where the candidate is. */
export const CORPUS_NOW = new Date('2026-11-25T15:00:00Z');
export const CORPUS_ZONE = 'America/Chicago';

/** What a reader made of one utterance, in the corpus's own labels. */
export interface CorpusReading {
  label: string;
  /** For a knock-out step: true when the reading would record the knock-out as met. */
  isMet: boolean;
  value: number | boolean | string | null;
  high: number | null;
  callbackAt: string | null;
}

/** A reader under test: the baseline (main before issue 15), the new one, or the LLM one. */
export type CorpusReader = (
  item: CorpusItem,
  plan: InterviewPlan,
  step: PlanStep,
) => Promise<CorpusReading>;

const EMPTY_RESUME: ParsedResume = {
  name: null,
  email: null,
  phone: null,
  location: null,
  links: [],
  summary: null,
  skills: ['Forklifts'],
  experience: [
    { employer: 'Acme', title: 'Lead', start: '2020-01', end: 'present', description: null },
  ],
  education: [],
  languages: [],
  certifications: [],
};

const plans = new Map<CorpusJobName, InterviewPlan>();

/** The plan a corpus job is read against (built once). */
export function planFor(job: CorpusJobName): InterviewPlan {
  const cached = plans.get(job);
  if (cached !== undefined) return cached;
  const { job: planJob, candidateName } = CORPUS_JOBS[job];
  const plan = buildInterviewPlan(planJob, EMPTY_RESUME, { candidateName });
  plans.set(job, plan);
  return plan;
}

/** The plan step a corpus line answers. */
export function stepFor(plan: InterviewPlan, step: string): PlanStep {
  const found =
    plan.steps.find((item) => item.id === step) ??
    (step === 'tailored' ? plan.steps.find((item) => item.kind === 'tailored') : undefined);
  if (found === undefined) throw new Error(`no step ${step} in ${plan.jobId}`);
  return found;
}

function knockoutOf(plan: InterviewPlan, step: PlanStep): Knockout | undefined {
  return plan.knockouts.find((item) => item.id === step.knockoutId);
}

/** A knock-out reading in corpus labels. */
function knockoutLabel(
  knockout: Knockout,
  value: boolean | number | string | null,
  range: { low: number; high: number } | null,
): string {
  if (value === null) return 'unclear';
  switch (knockout.answerType) {
    case 'yes_no':
      return value === true ? 'yes' : 'no';
    case 'number':
      return range !== null && range.low !== range.high
        ? `n=${range.low}-${range.high}`
        : `n=${String(value)}`;
    case 'duration_days':
      return `d=${String(value)}`;
    case 'text':
      return 'text';
  }
}

function localIso(instant: string | null): string | null {
  if (instant === null) return null;
  const text = new Date(instant).toLocaleString('sv-SE', { timeZone: CORPUS_ZONE, hour12: false });
  return text.slice(0, 16).replace(' ', 'T');
}

const INTENT_LABEL: Record<string, string> = {
  opt_out: 'opt_out',
  decline_recording: 'no_recording',
  wrong_person: 'wrong_person',
  repeat: 'repeat',
  question: 'question',
  off_topic: 'off_topic',
  vague: 'unclear',
};

function labelFor(
  intent: string,
  step: PlanStep,
  callbackAt: string | null,
  isInstruction: boolean,
): string {
  if (isInstruction) return 'injection';
  if (intent === 'not_good_time' || intent === 'callback_time')
    return callbackAt === null ? 'not_now' : 'callback';
  if (intent === 'decline') {
    if (step.kind === 'candidate_questions') return 'done';
    if (step.kind === 'identity') return 'wrong_person';
    if (step.kind === 'opening') return 'not_now';
    return 'unclear';
  }
  if (intent === 'answer') return 'answer';
  return INTENT_LABEL[intent] ?? intent;
}

/** Today's reader on main before this work: the scripted rules, then the knock-out extraction. */
export const baselineReader: CorpusReader = (item, plan, step) => {
  const reply = baselineInterpret({
    plan,
    step,
    candidateText: item.text,
    lastAgentUtterance: step.prompt,
    isAwaitingCallbackTime: false,
    recentTurns: [],
  });
  const knockout = knockoutOf(plan, step);
  if (knockout !== undefined && reply.intent === 'answer') {
    const answer = baselineExtract(knockout, item.text, 'bench', CORPUS_NOW);
    return Promise.resolve({
      label: knockoutLabel(knockout, answer.value, answer.range),
      isMet: answer.passed === true,
      value: answer.value,
      high: answer.range?.high ?? null,
      callbackAt: null,
    });
  }
  const callbackAt =
    reply.intent === 'not_good_time' || reply.intent === 'callback_time'
      ? localIso(baselineCallback(item.text, CORPUS_NOW, CORPUS_ZONE).requestedAt)
      : null;
  const label =
    knockout !== undefined && reply.intent === 'vague'
      ? 'unclear'
      : labelFor(reply.intent, step, callbackAt, false);
  return Promise.resolve({ label, isMet: false, value: null, high: null, callbackAt });
};

/** The reader built for issue 15 (wink-nlp, chrono-node, the rules in understanding/). */
export const understandingReader: CorpusReader = (item, plan, step) => {
  const reading = readTurn(item.text, {
    plan,
    step,
    isAwaitingCallbackTime: false,
    now: CORPUS_NOW,
    timeZone: CORPUS_ZONE,
  });
  const knockout = knockoutOf(plan, step);
  if (knockout !== undefined && reading.intent === 'answer' && reading.knockout !== null) {
    return Promise.resolve({
      label: knockoutLabel(knockout, reading.knockout.value, reading.knockout.range),
      isMet: reading.knockout.status === 'met',
      value: reading.knockout.value,
      high: reading.knockout.range?.high ?? null,
      callbackAt: null,
    });
  }
  const callbackAt = localIso(reading.callback?.requestedAt ?? null);
  const label =
    knockout !== undefined && reading.intent === 'vague'
      ? 'unclear'
      : labelFor(reading.intent, step, callbackAt, reading.isInstruction);
  return Promise.resolve({ label, isMet: false, value: null, high: null, callbackAt });
};
