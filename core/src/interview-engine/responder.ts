import { z } from 'zod';
import type { InterviewPlan, PlanStep } from './interview-plan.js';

/** What the candidate's turn means for the conversation. */
export const CANDIDATE_INTENTS = [
  /** Answers the current question (or agrees at the opening and identity check). */
  'answer',
  /** Avoids or hedges the question ("not sure", "it depends"). */
  'vague',
  /** Says no at a yes/no step (no questions left, not the right person at the identity check...). */
  'decline',
  /** Not a good time now. */
  'not_good_time',
  /** Names when to call back (after a callback was offered). */
  'callback_time',
  /** This is not the person we are calling. */
  'wrong_person',
  /** Stop calling me: the call ends and the number is suppressed. */
  'opt_out',
  /** Objects to the recording: the audio stops and none is kept (LAW-5); the interview goes on. */
  'decline_recording',
  /** Asks to hear the last question again. */
  'repeat',
  /** Asks a question of their own. */
  'question',
  /** Talks about something unrelated to the question. */
  'off_topic',
] as const;
export const ZCandidateIntent = z.enum(CANDIDATE_INTENTS);
export type CandidateIntent = z.infer<typeof ZCandidateIntent>;

/** What a responder sees: the plan, the step being asked, and what was just said. */
export interface ResponderRequest {
  plan: InterviewPlan;
  step: PlanStep;
  candidateText: string;
  lastAgentUtterance: string;
  isAwaitingCallbackTime: boolean;
  /** The last few turns, oldest first, for context. */
  recentTurns: { speaker: 'agent' | 'candidate'; text: string }[];
  /** When the turn was said (ms since the epoch), for dates and callback times. */
  nowMs?: number;
  /** The candidate's IANA zone, for dates and callback times. */
  timeZone?: string;
}

/** A responder's reading of a turn; the engine's policy decides what happens next. */
export const ZResponderReply = z.object({
  intent: ZCandidateIntent,
  /** A short spoken acknowledgement before the next question (null: the engine picks one). */
  acknowledgement: z.string().max(300).nullable(),
  /** For `question`: the answer, from the job description only; null when it does not say. */
  answerToQuestion: z.string().max(600).nullable(),
  /**
   * For a knock-out answer: the value the reader took from it (yes/no, a number, days, text). The
   * engine checks it against its own deterministic reading: a value that would make the knock-out
   * met while the rules find it unclear or unmet is asked again, never recorded as met.
   */
  knockoutValue: z.union([z.boolean(), z.number(), z.string(), z.null()]).optional(),
  /** At the identity check: the person said they are the candidate. */
  confirmsIdentity: z.boolean().optional(),
});
export type ResponderReply = z.infer<typeof ZResponderReply>;

/** Reads candidate turns: `scripted` (deterministic rules) or `llm` (an OpenAI-compatible model). */
export interface Responder {
  readonly name: 'scripted' | 'llm';
  interpret(request: ResponderRequest): Promise<ResponderReply>;
}
