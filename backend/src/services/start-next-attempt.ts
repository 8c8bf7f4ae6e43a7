import type { FastifyBaseLogger } from 'fastify';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import { newStoredConversation, readStoredConversation } from './interview-conversations.js';

export interface StartNextAttemptDeps {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
  log: FastifyBaseLogger;
}

export interface NextAttempt {
  interviewId: string;
  attempt: number;
  roomName: string;
  phoneE164: string | null;
}

/**
 * Moves a scheduled interview (a callback, a retry) to its next attempt: the conversation starts
 * over on the same plan, in a room of its own. Undefined when another start won the race (the
 * lifecycle refuses a second active call for the application) or the interview moved meanwhile.
 * Used by the queued-call worker and by a web candidate starting their screen from their link,
 * so both begin an attempt the same way.
 */
export async function startNextAttempt(
  deps: StartNextAttemptDeps,
  interview: InterviewRecord,
): Promise<NextAttempt | undefined> {
  const { plan } = readStoredConversation(interview.engineState);
  const attempt = interview.attempt + 1;
  const roomName = `screen-${interview.id}-${attempt}`;
  await deps.store.saveEngineState(interview.id, newStoredConversation(plan));
  const moved = await deps.lifecycle
    .apply(
      interview.id,
      { type: 'dial_started', attempt, roomName },
      { eventType: 'dial_started', data: { attempt } },
    )
    .catch((error: unknown) => {
      // Another call for the same application is active: this attempt gives way to it.
      deps.log.warn({ err: error, interviewId: interview.id }, 'next attempt not started');
      return undefined;
    });
  if (moved?.result !== 'applied') return undefined;
  return { interviewId: interview.id, attempt, roomName, phoneE164: interview.phoneE164 };
}
