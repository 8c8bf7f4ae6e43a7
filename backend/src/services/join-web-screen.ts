import { AppError, type StartPhoneScreenResponse } from '@screenline/core';
import type { FastifyBaseLogger } from 'fastify';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import { createToken } from '../lib/tokens.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { dialAttempt } from './dial-attempt.js';
import type { DialPolicy } from './dial-policy.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import { refuseIfJobClosed } from './job-closed-screens.js';
import { startNextAttempt } from './start-next-attempt.js';

export interface JoinWebScreenDeps {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
  callPlacer: CallPlacer;
  dialPolicy: DialPolicy | undefined;
  log: FastifyBaseLogger;
}

/** Whether the candidate's link may start this screen now (see `joinWebScreen`). */
export function canJoinFromLink(interview: Pick<InterviewRecord, 'mode' | 'status'>): boolean {
  return interview.mode === 'web' && interview.status === 'scheduled';
}

/**
 * A web screen the candidate put off (they asked for another time, or the browser never joined)
 * waits for them: nobody can ring a browser. From their link they start it when they are ready,
 * any time, as they started the first one: the next attempt begins (a fresh conversation in a new
 * room with the agent dispatched), and the answer carries what the page needs to join it and to
 * follow it live, shaped as the start's own answer.
 */
export async function joinWebScreen(
  deps: JoinWebScreenDeps,
  interview: InterviewRecord,
): Promise<StartPhoneScreenResponse> {
  if (interview.mode !== 'web') {
    throw new AppError('CONFLICT', {
      message: 'This screen is a phone call: we call you at the time shown on this page.',
    });
  }
  await refuseIfJobClosed(
    deps,
    interview,
    'This position has closed, so there is no screen to take. Thank you for your time.',
  );
  if (interview.status !== 'scheduled') {
    throw new AppError('CONFLICT', {
      message: `This screen is ${interview.status.replaceAll('_', ' ')}, so there is nothing to start. Reload the page to see where it is.`,
    });
  }
  const next = await startNextAttempt(deps, interview);
  if (next === undefined) {
    throw new AppError('CONFLICT', {
      message:
        'This screen started or changed a moment ago (perhaps in another tab). Reload the page to see where it is.',
    });
  }
  const result = await dialAttempt(deps, next);
  if (result.outcome !== 'web_call') {
    // The attempt is written as failed and the retry policy has it: the link can start it again.
    throw new AppError('SERVICE_UNAVAILABLE', {
      message:
        'We could not open the screen just now. Nothing was recorded; try again in a minute.',
    });
  }
  // The page follows the screen live with a candidate token of its own, as after the start.
  const candidateToken = createToken();
  await deps.store.addAccessToken(interview.id, candidateToken);
  const current = await deps.store.find(interview.id);
  deps.log.info(
    { interviewId: interview.id, attempt: next.attempt },
    'candidate started their screen from their link',
  );
  return {
    interview: { id: interview.id, status: current?.status ?? 'dialing', mode: interview.mode },
    candidateToken,
    webCall: result.webCall,
  };
}
