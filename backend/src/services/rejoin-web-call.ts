import { AppError, isCallInFlight } from '@screenline/core';
import type { InterviewRecord } from '../db/repositories/interview-store.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { CANDIDATE_IDENTITY } from './agent-token.js';

/**
 * A fresh way back into a web screen under way, for a candidate whose page reloaded: the room
 * token it kept lasts fifteen minutes, the screen may outlast it, and the agent waits for them.
 * Only the room the screen is in now, only while it runs.
 */
export async function rejoinWebCall(
  deps: { callPlacer: CallPlacer },
  interview: InterviewRecord,
): Promise<{ url: string; token: string; room: string }> {
  const { callPlacer } = deps;
  if (interview.mode !== 'web' || callPlacer.rejoinWebCall === undefined) {
    throw new AppError('CONFLICT', {
      message: 'This screen is not taken in the browser, so there is no room to join.',
    });
  }
  if (!isCallInFlight(interview.status) || interview.roomName === null) {
    throw new AppError('CONFLICT', {
      message: 'This screen is not under way. Open your link to the screen to see where it is.',
    });
  }
  return callPlacer.rejoinWebCall(interview.roomName, CANDIDATE_IDENTITY);
}
