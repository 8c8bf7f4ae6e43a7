import { ServerError, SipCallError } from 'livekit-server-sdk';
import { outcomeForSipStatus, type CallOutcome } from './call-outcome.js';

/**
 * The outcome of an error thrown by a LiveKit API call: the SIP response when the server reports
 * one, configuration trouble for other 4xx answers, and LiveKit trouble (retry) for 5xx answers,
 * timeouts and refused connections.
 */
export function outcomeForLiveKitError(error: unknown): { outcome: CallOutcome; detail: string } {
  if (error instanceof SipCallError && error.sipStatusCode !== undefined) {
    return {
      outcome: outcomeForSipStatus(error.sipStatusCode),
      detail: `sip_${error.sipStatusCode}`,
    };
  }
  if (error instanceof ServerError) {
    if (error.status >= 400 && error.status < 500) {
      return {
        outcome: 'operator_error',
        detail: `livekit_${error.status}_${error.code ?? 'error'}`,
      };
    }
    return { outcome: 'livekit_error', detail: `livekit_${error.status}` };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { outcome: 'livekit_error', detail: 'livekit_timeout' };
  }
  return { outcome: 'livekit_error', detail: 'livekit_unreachable' };
}

/** True for LiveKit's answer that a room (or participant) does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ServerError && error.status === 404;
}
