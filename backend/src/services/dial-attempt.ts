import type { InterviewStore } from '../db/repositories/interview-store.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import type { CallPlacer, PlaceCallResult } from '../telephony/call-placer.js';
import type { DialPolicy } from './dial-policy.js';

export interface DialAttemptDeps {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
  callPlacer: CallPlacer;
  dialPolicy?: DialPolicy | undefined;
}

/**
 * Places one attempt of an interview that is already `dialing` (never to a suppressed number).
 * When the phone answers the interview is in progress; when the placer refuses, the attempt ends
 * with the refusal's status (and the SIP response, for the recruiter's timeline) and goes to the
 * retry policy. Used by the start and by queued callbacks, so both treat a dial the same way.
 * A phone dial resolves only when the phone answered or gave up: run it in the background.
 */
export async function dialAttempt(
  deps: DialAttemptDeps,
  attempt: { interviewId: string; attempt: number; roomName: string; phoneE164: string | null },
): Promise<PlaceCallResult> {
  const { interviewId } = attempt;
  // LAW-3: an opt-out is for good, so a callback or retry queued before it never rings. A web
  // call (no number) rings nothing: the candidate joins from the browser.
  if (attempt.phoneE164 !== null && (await deps.store.isNumberSuppressed(attempt.phoneE164))) {
    await deps.lifecycle.apply(
      interviewId,
      { type: 'dial_dropped', reason: 'number_suppressed' },
      { eventType: 'dial_dropped', data: { reason: 'number_suppressed' } },
    );
    return {
      outcome: 'failed',
      status: 'canceled',
      reason: 'number_suppressed',
      isRetryable: false,
    };
  }
  const result = await deps.callPlacer.placeCall({
    ...attempt,
    agentMetadata:
      (await deps.dialPolicy?.agentMetadata(interviewId)) ?? JSON.stringify({ interviewId }),
  });
  if (result.outcome === 'answered') {
    // LiveKit's own word that the SIP leg is active; the agent's report may have moved it first.
    await deps.lifecycle.apply(interviewId, { type: 'answered' }, { data: { source: 'dial' } });
  }
  if (result.outcome === 'failed') {
    const data = {
      reason: result.reason,
      isRetryable: result.isRetryable,
      ...(result.detail === undefined ? {} : { detail: result.detail }),
      ...(result.sip === undefined
        ? {}
        : { sipStatusCode: result.sip.code, sipStatus: result.sip.reason }),
      ...(result.message === undefined ? {} : { liveKitMessage: result.message }),
    };
    // Canceled while the dial waited for the trunk: it never left, and the cancel was written.
    if (result.reason === 'canceled' || result.reason === 'number_suppressed') {
      await deps.lifecycle.record(interviewId, { eventType: 'dial_dropped', data });
    } else if (result.reason === 'job_closed') {
      // The job closed while the dial waited: it never left, and the screen ends job_closed.
      await deps.lifecycle.apply(
        interviewId,
        { type: 'dial_dropped', reason: 'job_closed' },
        { eventType: 'dial_dropped', data },
      );
    } else {
      await deps.lifecycle.apply(
        interviewId,
        { type: 'dial_failed', outcome: result.reason },
        { eventType: 'dial_failed', data },
      );
    }
  }
  return result;
}
