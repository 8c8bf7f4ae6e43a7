import type { EndReason } from '@screenline/core';
import type { FactMeta, FactResult, InterviewLifecycle } from './interview-lifecycle.js';

/** Without a time we can read (or with one already past), a callback is tried the next day. */
const UNREAD_CALLBACK_DELAY_MS = 24 * 3_600_000;

export interface CallEnding {
  reason: EndReason;
  /** With `callback_requested`: the time the candidate asked for (null: none the engine could read). */
  callback?:
    | {
        requestedAt: string | null;
        requestedText: string;
        /** Someone else who answered said when to reach the candidate. */
        askedBy?: 'candidate' | 'someone_else' | undefined;
      }
    | undefined;
  /** False when the call recorded no answer; 'unknown' when the reporter cannot tell. */
  hasAnswers: boolean | 'unknown';
}

/**
 * The end of a conversation, the same whoever held it (the in-process engine of a simulated call,
 * or the agent on a real one): a callback schedules the next attempt at a time still ahead, an
 * opt-out suppresses the number, anything else completes the call (and queues its scorecard).
 */
export function endCall(
  lifecycle: InterviewLifecycle,
  interviewId: string,
  ending: CallEnding,
  meta: FactMeta & { now?: Date } = {},
): Promise<FactResult> {
  const now = meta.now ?? new Date();
  if (ending.reason === 'callback_requested') {
    const asked = ending.callback?.requestedAt;
    const at =
      asked != null && new Date(asked).getTime() > now.getTime()
        ? new Date(asked)
        : new Date(now.getTime() + UNREAD_CALLBACK_DELAY_MS);
    return lifecycle.apply(
      interviewId,
      { type: 'callback_requested', at },
      {
        ...meta,
        data: {
          ...meta.data,
          scheduledFor: at.toISOString(),
          requestedText: ending.callback?.requestedText ?? null,
          // The recruiter's page labels that person's words as theirs, not the candidate's.
          ...(ending.callback?.askedBy === 'someone_else' ? { askedBy: 'someone_else' } : {}),
        },
      },
    );
  }
  return lifecycle.apply(
    interviewId,
    { type: 'call_ended', reason: ending.reason, hasAnswers: ending.hasAnswers },
    meta,
  );
}
