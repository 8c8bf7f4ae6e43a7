import type { CallOutcome, InterviewStatus } from '@screenline/core';

/** What the start flow asks of a telephony port once the interview row and its event exist. */
export interface PlaceCallRequest {
  interviewId: string;
  attempt: number;
  /** Derived from the attempt, so a retried request can never open a second room. */
  roomName: string;
  /**
   * E.164, already through the number gate; null for an interview started in web mode, which
   * asked for no number (only the SIP placer dials, and it refuses such an attempt).
   */
  phoneE164: string | null;
  /** JSON for the agent's dispatch: the interview id and a short-lived backend token, no personal data. */
  agentMetadata: string;
}

/**
 * The last word on a dial, right before the INVITE (after the pacer's wait): `dial`; or it must
 * not ring because the call was `canceled` or its job closed (`job_closed`) meanwhile; or hold it,
 * dialing is `paused`.
 */
export type DialVerdict = 'dial' | 'canceled' | 'job_closed' | 'paused';

/**
 * The result of placing a call. A phone call resolves once the phone answered or the attempt
 * failed (so it runs in the background); web and simulated calls resolve at once. Later progress
 * arrives as events (webhooks, agent reports).
 */
export type PlaceCallResult =
  /** Phone: the candidate picked up (LiveKit reports the SIP leg `active`); the agent is in the room. */
  | { outcome: 'answered'; participantIdentity: string }
  /** Web: the candidate joins the room from the browser with this token. */
  | { outcome: 'web_call'; webCall: { url: string; token: string; room: string } }
  /** Simulated: the in-process call has started. */
  | { outcome: 'simulated' }
  /** The call could not be placed; `status` is the interview's end state for this attempt. */
  | {
      outcome: 'failed';
      status: InterviewStatus;
      /**
       * The REL-1 outcome, or why the dial never left: `canceled` (the call was canceled while
       * the dial waited), `job_closed` (its job closed meanwhile), `number_suppressed` (LAW-3).
       */
      reason: CallOutcome | 'canceled' | 'job_closed' | 'number_suppressed';
      isRetryable: boolean;
      /** What LiveKit answered (`sip_486`, `livekit_404_not_found`...), for the recruiter's timeline. */
      detail?: string;
      /** The phone's (or carrier's) SIP final response, when LiveKit reported one. */
      sip?: { code: number; reason: string };
      /** LiveKit's own words when it refused the call itself (no trunk, its Redis down...). */
      message?: string;
    };

/**
 * The telephony port: simulated in-process, LiveKit web call, or LiveKit SIP. The start flow
 * depends on this interface only; tests of the LiveKit ones run against a strict emulator.
 */
export interface CallPlacer {
  placeCall(request: PlaceCallRequest): Promise<PlaceCallResult>;
  /** Ends the call for everyone (deletes the room, so a phone leg hangs up). Idempotent. */
  hangUp(roomName: string): Promise<void>;
  /**
   * Web calls only: a new way into a room already placed, for a candidate coming back to it (a
   * reload after the first token expired). Null when the room is gone (LiveKit closed it), so no
   * token is minted for a room that joining would only create again, empty. Absent where there
   * is no browser room.
   */
  rejoinWebCall?(
    roomName: string,
    identity: string,
  ): Promise<{ url: string; token: string; room: string } | null>;
  /**
   * Web calls only: removes the candidate from the room, which the agent takes as their hang-up
   * (a reload leaves differently, and is waited for). False when they were not in it.
   */
  removeWebCandidate?(roomName: string, identity: string): Promise<boolean>;
}
