import { z } from 'zod';

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
});
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
  })
  .strict();
export type AgentTurnReport = z.infer<typeof ZAgentTurnReport>;

/** Call-level facts the agent reports: the candidate answered, voicemail, the end and why. */
export const ZAgentCallReport = z.discriminatedUnion('event', [
  z.object({ event: z.literal('answered') }).strict(),
  z.object({ event: z.literal('voicemail') }).strict(),
  z
    .object({
      event: z.literal('ended'),
      reason: z.string().min(1).max(64),
      /** Serialised engine state, so a re-dispatched agent resumes where this one stopped (REL-5). */
      engineState: z.unknown().optional(),
    })
    .strict(),
]);
export type AgentCallReport = z.infer<typeof ZAgentCallReport>;
