import type { InterviewRecord } from '../db/repositories/interview-store.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { CANDIDATE_IDENTITY } from './agent-token.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import { roomOfWebScreen } from './web-screen-room.js';

/**
 * The candidate ends their web screen from the page ("End the screen"). Leaving the room alone
 * would read as a reload, which the agent waits a minute for: the removal tells it the candidate
 * is done, and it ends the call at once as their hang-up, with its report, as on the phone.
 * A candidate not in the room (not joined yet, or away mid-reconnect) has nobody to tell: the
 * screen is ended here, then its room closed.
 */
export async function endWebCall(
  deps: { callPlacer: CallPlacer; lifecycle: InterviewLifecycle },
  interview: InterviewRecord,
): Promise<void> {
  const { callPlacer, lifecycle } = deps;
  const [roomName, removeCandidate] = roomOfWebScreen(
    interview,
    callPlacer.removeWebCandidate?.bind(callPlacer),
  );
  if (await removeCandidate(roomName, CANDIDATE_IDENTITY)) return;
  await lifecycle.apply(
    interview.id,
    interview.status === 'in_progress'
      ? { type: 'call_ended', reason: 'candidate_hung_up', hasAnswers: 'unknown' }
      : { type: 'canceled', by: 'candidate' },
    { eventType: 'candidate_ended_screen' },
  );
  await callPlacer.hangUp(roomName);
}
