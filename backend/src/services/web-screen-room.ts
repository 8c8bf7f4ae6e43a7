import { AppError, isCallInFlight } from '@screenline/core';
import type { InterviewRecord } from '../db/repositories/interview-store.js';

/**
 * The LiveKit room of a web screen under way, with what the call placer can do to it (join it
 * again, remove the candidate): what a candidate's page may do there. Anything else (a phone
 * screen, a screen not running, a placer with no browser rooms) is a conflict the page explains.
 */
export function roomOfWebScreen<Action>(
  interview: InterviewRecord,
  action: Action | undefined,
): [roomName: string, action: Action] {
  if (interview.mode !== 'web' || action === undefined) {
    throw new AppError('CONFLICT', {
      message: 'This screen is not taken in the browser, so there is no room to join.',
    });
  }
  if (!isCallInFlight(interview.status) || interview.roomName === null) {
    throw new AppError('CONFLICT', {
      message: 'This screen is not under way. Open your link to the screen to see where it is.',
    });
  }
  return [interview.roomName, action];
}
