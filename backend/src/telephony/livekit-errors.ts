import { ServerError, SipCallError } from 'livekit-server-sdk';
import { outcomeForSipStatus, type CallOutcome } from '@screenline/core';

/**
 * The outcome of an error thrown by a LiveKit API call: the SIP response when the server reports
 * one, configuration trouble for other 4xx answers, and LiveKit trouble (retry) for 5xx answers,
 * timeouts and refused connections.
 */
export function outcomeForLiveKitError(error: unknown): {
  outcome: CallOutcome;
  detail: string;
  /** LiveKit's own words ("requested sip trunk does not exist"), for the operator. */
  message?: string;
} {
  if (error instanceof SipCallError && error.sipStatusCode !== undefined) {
    return {
      outcome: outcomeForSipStatus(error.sipStatusCode),
      detail: `sip_${error.sipStatusCode}`,
    };
  }
  if (error instanceof ServerError) {
    const message = error.message.slice(0, 200);
    if (error.status >= 400 && error.status < 500) {
      return {
        outcome: 'operator_error',
        detail: `livekit_${error.status}_${error.code ?? 'error'}`,
        message,
      };
    }
    return { outcome: 'livekit_error', detail: `livekit_${error.status}`, message };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { outcome: 'livekit_error', detail: 'livekit_timeout' };
  }
  return { outcome: 'livekit_error', detail: 'livekit_unreachable' };
}

/** How a dial that waited for the answer ended, with the phone's own SIP response when there was one. */
export interface DialFailure {
  outcome: CallOutcome;
  detail: string;
  message?: string;
  /** The callee's (or carrier's) final response, e.g. `{ code: 486, reason: 'Busy Here' }`. */
  sip?: { code: number; reason: string };
}

/**
 * The outcome of a `createSipParticipant` with `waitUntilAnswered` that threw. LiveKit reports the
 * SIP final response as `SipCallError`; a phone that rang out the ringing timeout comes back as
 * Twirp `canceled` ("sip request timed out", HTTP 408) with no SIP code (livekit/sip v1.11.0), which
 * is no answer, not a configuration error. Everything else reads as any LiveKit error.
 */
export function outcomeForDialError(error: unknown): DialFailure {
  if (error instanceof SipCallError && error.sipStatusCode !== undefined) {
    return {
      ...outcomeForLiveKitError(error),
      sip: { code: error.sipStatusCode, reason: error.sipStatus ?? '' },
    };
  }
  if (error instanceof ServerError && error.code === 'canceled' && error.status === 408) {
    return { outcome: 'no_answer', detail: 'sip_ringing_timeout' };
  }
  return outcomeForLiveKitError(error);
}

/** True for LiveKit's answer that a room (or participant) does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ServerError && error.status === 404;
}
