import type { Knockout } from '../jobs/job.js';
import type { InterviewPlan, PlanStep } from './interview-plan.js';
import { readKnockoutAnswer } from './understanding/read-answer.js';
import { readTurn } from './understanding/read-turn.js';

/** A knock-out answer as read from one candidate turn. */
export interface KnockoutAnswer {
  knockoutId: string;
  /** true/false for yes_no, a number (the low end of a range) for number and duration_days, text otherwise. */
  value: boolean | number | string | null;
  /** For ranges such as a salary band. */
  range: { low: number; high: number } | null;
  /** What the candidate said, verbatim. */
  text: string;
  turnId: string;
  /** Whether the answer meets the job's accept rule; null when it is not determined. */
  passed: boolean | null;
}

/**
 * Reads a knock-out answer from the candidate's words and checks it against the job's rule. An
 * answer that does not address the question is not determined (`passed: null`), never met.
 */
export function extractKnockoutAnswer(
  knockout: Knockout,
  text: string,
  turnId: string,
  now: Date,
  timeZone?: string,
): KnockoutAnswer {
  const reading = readKnockoutAnswer(knockout, text, {
    now,
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  return {
    knockoutId: knockout.id,
    text,
    turnId,
    value: reading.value,
    range: reading.range,
    passed: reading.status === 'unclear' ? null : reading.status === 'met',
  };
}

/** A knock-out recorded as not determined: asked twice, never answered clearly. */
export function undeterminedAnswer(
  knockout: Knockout,
  text: string,
  turnId: string,
): KnockoutAnswer {
  return { knockoutId: knockout.id, text, turnId, value: null, range: null, passed: null };
}

/**
 * A knock-out answer read from a whole turn as the deterministic reader sees it: a turn that is
 * not an answer (an instruction to the interviewer, a question back, a third person) is not
 * determined, whatever numbers or yeses it contains ("pretend I said two weeks").
 */
export function readKnockoutTurn(
  plan: InterviewPlan,
  step: PlanStep,
  text: string,
  turnId: string,
  now: Date,
  timeZone?: string,
): KnockoutAnswer | null {
  const knockout = plan.knockouts.find((item) => item.id === step.knockoutId);
  if (knockout === undefined) return null;
  const reading = readTurn(text, {
    plan,
    step,
    isAwaitingCallbackTime: false,
    now,
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  if (reading.intent !== 'answer' || reading.knockout === null) {
    return undeterminedAnswer(knockout, text, turnId);
  }
  return extractKnockoutAnswer(knockout, text, turnId, now, timeZone);
}
