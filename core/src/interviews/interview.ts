import { z } from 'zod';
import { ZMode } from '../config/mode.js';

/**
 * Interview states. The happy path is scheduled → dialing → ringing → in_progress → completed →
 * evaluated; the rest are end states. Every transition is one interview_events row.
 */
export const INTERVIEW_STATUSES = [
  'scheduled',
  'dialing',
  'ringing',
  'in_progress',
  'completed',
  'evaluated',
  'no_answer',
  'busy',
  'declined',
  'invalid_number',
  'voicemail',
  'failed',
  'canceled',
  'opted_out',
] as const;
export const ZInterviewStatus = z.enum(INTERVIEW_STATUSES);
export type InterviewStatus = z.infer<typeof ZInterviewStatus>;

/** States in which a call is under way (one active call per resume and job). */
export const ACTIVE_INTERVIEW_STATUSES = [
  'dialing',
  'ringing',
  'in_progress',
] as const satisfies readonly InterviewStatus[];

/**
 * States in which a call is still to come or under way: nothing may erase or duplicate it, and a
 * candidate may cancel it (a callback or a call deferred to calling hours is as pending as a ring).
 */
export const PENDING_INTERVIEW_STATUSES = [
  'scheduled',
  ...ACTIVE_INTERVIEW_STATUSES,
] as const satisfies readonly InterviewStatus[];

/**
 * The end reasons whoever holds the conversation reports (the interview engine, and the agent on
 * a real call); the others of ZEndReason (a cancel, a closed job, a lost agent, an error) are the
 * backend's own.
 */
export const ZConversationEndReason = z.enum([
  'finished',
  'callback_requested',
  'wrong_person',
  'no_response',
  'opted_out',
  'time_limit',
  'candidate_hung_up',
  'voicemail',
  /** The candidate withdrew from the process ("I already accepted another offer"), and confirmed it. */
  'withdrew',
]);
export type ConversationEndReason = z.infer<typeof ZConversationEndReason>;

/**
 * Ends with nothing to score: someone else answered, or the candidate withdrew. The screen
 * completes without a scorecard, whatever was said before.
 */
export const UNSCORED_END_REASONS = [
  'wrong_person',
  'withdrew',
] as const satisfies readonly ConversationEndReason[];

export function isScoredEnd(reason: string | null): boolean {
  return !(UNSCORED_END_REASONS as readonly (string | null)[]).includes(reason);
}

/** Why a conversation ended (pinned: callback_requested, wrong_person, no_response, ...). */
export const ZEndReason = z.enum([
  ...ZConversationEndReason.options,
  'canceled',
  /** The job closed while the call was still to come: nobody is called for it any more. */
  'job_closed',
  'error',
  /** The agent was lost mid-call more times than it is sent again (its job process kept dying). */
  'agent_lost',
]);
export type EndReason = z.infer<typeof ZEndReason>;

/**
 * `POST /api/interview/start-phone-screen` body (pinned). `phone` is required in phone and
 * simulated mode (the server says so with a 400); web mode calls no number and needs none.
 */
export const ZStartPhoneScreenRequest = z
  .object({
    jobId: z.string().min(1).max(100),
    resumeId: z.string().min(1).max(100),
    phone: z.string().trim().min(3).max(32).optional(),
    consent: z.literal(true, {
      error: 'consent must be true: the candidate must agree to the call',
    }),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(320).optional(),
    timezone: z.string().trim().min(1).max(64).optional(),
    consentTextVersion: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type StartPhoneScreenRequest = z.infer<typeof ZStartPhoneScreenRequest>;

/** Web mode: what the browser needs to join the LiveKit room. */
export const ZWebCall = z.object({ url: z.string(), token: z.string(), room: z.string() });

/** `POST /api/interview/start-phone-screen` answer (pinned). */
export const ZStartPhoneScreenResponse = z.object({
  interview: z.object({ id: z.string(), status: ZInterviewStatus, mode: ZMode }),
  candidateToken: z.string(),
  webCall: ZWebCall.optional(),
  /** The candidate's own page for this call (token in the fragment), to check, move or cancel it. */
  candidateLink: z.object({ path: z.string(), expiresAt: z.string() }).optional(),
  /**
   * Present when the start fell outside calling hours (LAW-4): in phone mode the call is scheduled
   * for `nextCallAt`; in simulated and web mode the screen went ahead, and this says when phone
   * mode would have called. `localTime` is that moment in the candidate's zone.
   */
  callingHours: z
    .object({
      nextCallAt: z.string(),
      localTime: z.string(),
      timeZone: z.string(),
      isScheduled: z.boolean(),
    })
    .optional(),
});
export type StartPhoneScreenResponse = z.infer<typeof ZStartPhoneScreenResponse>;

/** One utterance of the conversation. */
export const ZTranscriptTurn = z.object({
  id: z.string(),
  speaker: z.enum(['agent', 'candidate']),
  text: z.string(),
  at: z.string().optional(),
});
export type TranscriptTurn = z.infer<typeof ZTranscriptTurn>;

/** `POST /api/interviews/:id/turns` body (pinned): a non-empty candidate utterance. */
export const ZCandidateTurnRequest = z
  .object({ text: z.string().trim().min(1, 'say something: text must not be empty').max(4000) })
  .strict();

/** A knock-out answer's typed value, kept with the turn that gave it. */
export const ZTurnKnockout = z.object({
  knockoutId: z.string(),
  /** yes/no, the amount, the days, or the words; null when it was not determined. */
  value: z.union([z.boolean(), z.number(), z.string(), z.null()]),
  range: z.object({ low: z.number(), high: z.number() }).optional(),
  unit: z.string().optional(),
  passed: z.boolean().nullable(),
});
export type TurnKnockout = z.infer<typeof ZTurnKnockout>;

/** "14 days", "yes", "160000 to 175000 USD per year": a knock-out value as a recruiter reads it. */
export function formatKnockoutValue(
  knockout: Pick<TurnKnockout, 'value' | 'range' | 'unit'>,
): string {
  const { value, range, unit } = knockout;
  if (value === null) return 'not determined';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  const amount =
    range === undefined ? String(value) : `${String(range.low)} to ${String(range.high)}`;
  return unit === undefined ? amount : `${amount} ${unit}`;
}

/** The scorecard the recruiter reads; it suggests, a person decides. */
export const ZScorecard = z.object({
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      score: z.number().int().min(1).max(5),
      evidence: z.array(z.object({ quote: z.string(), turnId: z.string() })),
      /** Why this score, in terms of the quotes (how many, how broad, how specific). */
      explanation: z.string().optional(),
    }),
  ),
  knockouts: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      passed: z.boolean().nullable(),
      answer: z.string().nullable(),
      turnId: z.string().nullable(),
      /** The typed value read from the answer: yes/no, the amount, the days, the words (null: not determined). */
      value: z.union([z.boolean(), z.number(), z.string(), z.null()]).optional(),
      /** For a range ("one sixty to one seventy five"): both ends. */
      range: z.object({ low: z.number(), high: z.number() }).optional(),
      /** The knock-out's unit (days, USD per year...), so the value reads on its own. */
      unit: z.string().optional(),
    }),
  ),
  summary: z.string(),
  suggestion: z.enum(['advance', 'review', 'decline_suggested']),
});
export type Scorecard = z.infer<typeof ZScorecard>;
