import { z } from 'zod';
import { ZConversationEndReason } from '../interviews/interview.js';

/**
 * What the backend puts in the agent's dispatch metadata (LK-4): an opaque interview id and a
 * short-lived token for the agent's internal API. Never personal data.
 */
export const ZAgentJobMetadata = z.object({
  interviewId: z.string().min(1).max(100),
  backendToken: z.string().min(16).max(512),
  /** How the candidate joins: a phone leg (SIP participant) or the browser. */
  channel: z.enum(['phone', 'web']),
  /** The candidate participant's identity in the room (opaque, no phone number). */
  participantIdentity: z.string().min(1).max(128),
  /**
   * In the browser: how long the agent waits for a candidate who left the room (a reload, a
   * dropped network) before the call is over. The backend sets it, and keeps the room that long.
   */
  rejoinGraceS: z.number().int().min(1).max(600).optional(),
});

/** How long a browser candidate who left has to come back, unless WEB_REJOIN_GRACE_S says. */
export const DEFAULT_WEB_REJOIN_GRACE_S = 60;
export type AgentJobMetadata = z.infer<typeof ZAgentJobMetadata>;

/** Per-turn latency the agent measures (milliseconds), shown to the recruiter and benchmarked. */
export const ZTurnLatency = z
  .object({
    endOfUtteranceDelayMs: z.number().nonnegative().optional(),
    llmTimeToFirstTokenMs: z.number().nonnegative().optional(),
    ttsTimeToFirstByteMs: z.number().nonnegative().optional(),
  })
  .strict();
export type TurnLatency = z.infer<typeof ZTurnLatency>;

/** One turn the agent reports as it happens; `id` makes a redelivery harmless (REL-6). */
export const ZAgentTurnReport = z
  .object({
    id: z.string().min(1).max(128),
    speaker: z.enum(['agent', 'candidate']),
    text: z.string().min(1).max(8000),
    startedAt: z.iso.datetime().optional(),
    endedAt: z.iso.datetime().optional(),
    latency: ZTurnLatency.optional(),
    /** The engine state after this turn: a re-dispatched agent resumes from it (REL-5). */
    engineState: z.unknown().optional(),
  })
  .strict();
export type AgentTurnReport = z.infer<typeof ZAgentTurnReport>;

/** Call-level facts the agent reports: the candidate answered, voicemail, the end and why. */
export const ZAgentCallReport = z.discriminatedUnion('event', [
  /** The phone rings: the SIP leg's first 180/183 (`sip.callStatus = ringing`). */
  z.object({ event: z.literal('ringing') }).strict(),
  z.object({ event: z.literal('answered') }).strict(),
  z.object({ event: z.literal('voicemail') }).strict(),
  /** "Stop calling me": sent the moment it is heard, so a crash before the end cannot lose it. */
  z.object({ event: z.literal('opted_out') }).strict(),
  /** LAW-5: the candidate declined the recording; the backend stops it and keeps no audio. */
  z.object({ event: z.literal('recording_declined') }).strict(),
  z
    .object({
      event: z.literal('ended'),
      /** Only the reasons an agent ends a call with; the backend's own are refused. */
      reason: z.enum(ZConversationEndReason.options, {
        error: `is not a reason an agent ends a call with; use one of ${ZConversationEndReason.options.join(', ')}`,
      }),
      /** Serialised engine state, so a re-dispatched agent resumes where this one stopped (REL-5). */
      engineState: z.unknown().optional(),
      /** With reason `callback_requested`: when the candidate asked to be called back. */
      callback: z
        .object({
          requestedText: z.string().max(500),
          /** Null when the words named no time the engine could read: the backend picks one. */
          requestedAt: z.iso.datetime({ offset: true }).nullable(),
          /** Someone else answered the candidate's phone and said when to reach them. */
          askedBy: z.enum(['candidate', 'someone_else']).optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
]);
export type AgentCallReport = z.infer<typeof ZAgentCallReport>;

/**
 * The agent's internal API on the backend, authorised by `Authorization: Bearer <backendToken>`
 * from the dispatch metadata. Reports are idempotent: turns by `id`, call events by their kind.
 */
export const AGENT_API = {
  /** GET → `ZAgentContext`: the plan, saved turns and engine state to resume from. */
  context: (interviewId: string) =>
    `/api/agent/interviews/${encodeURIComponent(interviewId)}/context`,
  /** POST `ZAgentTurnReport` → 200/201. */
  turns: (interviewId: string) => `/api/agent/interviews/${encodeURIComponent(interviewId)}/turns`,
  /** POST `ZAgentCallReport` → 200. */
  events: (interviewId: string) =>
    `/api/agent/interviews/${encodeURIComponent(interviewId)}/events`,
} as const;

/** What the agent needs to hold (or resume) the interview. */
export const ZAgentContext = z.object({
  interviewId: z.string(),
  /** An `InterviewPlan` (validated by the engine that consumes it). */
  plan: z.unknown(),
  /** The engine state saved at the last report, or null for a fresh start. */
  engineState: z.unknown().nullable(),
  /** Turns already saved, oldest first, so a re-dispatched agent continues the numbering. */
  turns: z.array(
    z.object({ id: z.string(), speaker: z.enum(['agent', 'candidate']), text: z.string() }),
  ),
  /** The candidate's IANA time zone, when known (for reading callback times). */
  timezone: z.string().nullable(),
});
export type AgentContext = z.infer<typeof ZAgentContext>;
