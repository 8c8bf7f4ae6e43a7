import { AppError } from '@screenline/core';
import type { InterviewRecord } from '../db/repositories/interview-store.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { CANDIDATE_IDENTITY } from './agent-token.js';
import { roomOfWebScreen } from './web-screen-room.js';

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
  const [roomName, rejoin] = roomOfWebScreen(interview, callPlacer.rejoinWebCall?.bind(callPlacer));
  const way = await rejoin(roomName, CANDIDATE_IDENTITY);
  if (way === null) {
    throw new AppError('CONFLICT', {
      message:
        'This screen has ended, so there is no room to go back to. Open your link to the screen to see where it is.',
    });
  }
  return way;
}
