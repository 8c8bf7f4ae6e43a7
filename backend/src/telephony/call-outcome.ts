import { DisconnectReason } from '@livekit/protocol';
import type { CallOutcome } from '@screenline/core';

/**
 * The outcome of a SIP participant that left before answering, from LiveKit's disconnect reason
 * (the only signal when dialing without `waitUntilAnswered`). A rejection cannot be told from busy
 * here, so it counts as busy: at most two more rings, never a tight loop. Undefined: not a dial failure.
 */
export function outcomeForDisconnectReason(reason: number): CallOutcome | undefined {
  return OUTCOME_BY_DISCONNECT_REASON.get(reason);
}

/** A number key: the SDK's webhook events carry its own protocol copy's enum, equal in value. */
const OUTCOME_BY_DISCONNECT_REASON = new Map<number, CallOutcome>([
  [DisconnectReason.USER_UNAVAILABLE, 'no_answer'],
  [DisconnectReason.USER_REJECTED, 'busy'],
  [DisconnectReason.SIP_TRUNK_FAILURE, 'carrier_error'],
  [DisconnectReason.MEDIA_FAILURE, 'carrier_error'],
]);
