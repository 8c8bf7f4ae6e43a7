import type { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import type { CallLog } from './call-log.js';
import type { CallPlacer, DialVerdict, PlaceCallRequest, PlaceCallResult } from './call-placer.js';
import { outcomeForDialError, outcomeForLiveKitError } from './livekit-errors.js';
import { deleteRoomIfPresent, failedAttempt, readAgentMetadata } from './livekit-placer-support.js';
import type { Pacer } from './shared-dial-pacer.js';

export interface LiveKitSipCallPlacerOptions {
  /** Built with `failover: false`: a replayed dial after a timeout could ring the candidate twice. */
  sip: Pick<SipClient, 'createSipParticipant'>;
  dispatch: Pick<AgentDispatchClient, 'createDispatch'>;
  rooms: Pick<RoomServiceClient, 'deleteRoom'>;
  trunkId: string;
  agentName: string;
  ringingTimeoutS: number;
  maxCallDurationS: number;
  /** Per LiveKit request; a dial that times out is hung up and retried, never left ringing. */
  requestTimeoutS: number;
  pacer: Pacer;
  /**
   * Asked after the pacer's wait, right before the INVITE: a call canceled, a job closed or a
   * switch paused while it waited must not ring (REL-3, FR-6).
   */
  mayDial?: (request: PlaceCallRequest) => Promise<DialVerdict>;
  log: CallLog;
}

/**
 * Phone mode. The dial waits for the callee's answer (`waitUntilAnswered`): only then does LiveKit
 * report the SIP code of a failed call (486, 603, 404...). The agent's dispatch goes out together
 * with the dial, not after it, so the agent is in the room before anyone can answer; a server with
 * `room.auto_create` on (the default) creates the room for whichever request arrives first. The
 * INVITE leaves one LiveKit round trip after the dial starts. Callers run this in the background:
 * it returns only once the phone answered or the attempt failed.
 */
export class LiveKitSipCallPlacer implements CallPlacer {
  constructor(private readonly options: LiveKitSipCallPlacerOptions) {}

  async placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
    const { options } = this;
    const identity = readAgentMetadata(request).participantIdentity;
    const log = options.log;
    const phoneE164 = request.phoneE164;
    if (phoneE164 === null) {
      // Started in web mode (no number asked for), dialled after a switch to phone mode.
      log.warn({ interviewId: request.interviewId }, 'dial refused: the interview has no number');
      return failedAttempt('invalid_number', 'no_number');
    }

    await options.pacer.take(options.trunkId);
    const verdict = (await options.mayDial?.(request)) ?? 'dial';
    if (verdict === 'canceled') {
      log.info({ interviewId: request.interviewId }, 'dial dropped: canceled while it waited');
      return { outcome: 'failed', status: 'canceled', reason: 'canceled', isRetryable: false };
    }
    if (verdict === 'job_closed') {
      log.info(
        { interviewId: request.interviewId },
        'dial dropped: the job closed while it waited',
      );
      return { outcome: 'failed', status: 'canceled', reason: 'job_closed', isRetryable: false };
    }
    if (verdict === 'paused') {
      // Retried like a carrier's brief refusal; the retry finds the switch and waits it out.
      log.warn(
        { interviewId: request.interviewId },
        'dial held: dialing was paused while it waited',
      );
      return failedAttempt('carrier_error');
    }

    const dispatch = options.dispatch
      .createDispatch(request.roomName, options.agentName, { metadata: request.agentMetadata })
      .then(
        () => undefined,
        (error: unknown) => outcomeForLiveKitError(error).detail,
      );
    // A failed dispatch hangs up at once: nobody must answer to an agent that is not coming.
    const dispatchFailure = dispatch.then(async (detail) => {
      if (detail === undefined) return undefined;
      log.warn({ interviewId: request.interviewId, detail }, 'agent dispatch failed; hanging up');
      await this.hangUpQuietly(request);
      return detail;
    });
    try {
      await options.sip.createSipParticipant(options.trunkId, phoneE164, request.roomName, {
        participantIdentity: identity,
        ringingTimeout: options.ringingTimeoutS,
        maxCallDuration: options.maxCallDurationS,
        krispEnabled: true,
        waitUntilAnswered: true,
        // The request outlasts the ringing: LiveKit answers when the phone does.
        timeout: options.ringingTimeoutS + options.requestTimeoutS,
      });
    } catch (error) {
      const { outcome, detail, sip, message } = outcomeForDialError(error);
      // A failed dispatch hung the phone up, so the dial's own ending says nothing of the callee;
      // with LiveKit itself failing, the dial's error is the clearer one.
      const failedDispatch = await dispatchFailure;
      if (failedDispatch !== undefined && outcome !== 'livekit_error') {
        return failedAttempt('livekit_error', `dispatch_${failedDispatch}`);
      }
      log.warn({ interviewId: request.interviewId, outcome, detail, message }, 'dial failed');
      // The dispatch may have opened the room with an agent waiting in it: close it. A timeout
      // may also hide an INVITE that did leave, so then once more after the request's own
      // deadline, in case the server was still working on it.
      await this.hangUpQuietly(request);
      if (outcome === 'livekit_error') {
        setTimeout(() => void this.hangUpQuietly(request), options.requestTimeoutS * 1000).unref();
      }
      return failedAttempt(outcome, detail, {
        ...(sip === undefined ? {} : { sip }),
        ...(message === undefined ? {} : { message }),
      });
    }
    const failedDispatch = await dispatchFailure;
    if (failedDispatch !== undefined) {
      return failedAttempt('livekit_error', `dispatch_${failedDispatch}`);
    }
    log.info({ interviewId: request.interviewId, room: request.roomName }, 'call answered');
    return { outcome: 'answered', participantIdentity: identity };
  }

  hangUp(roomName: string): Promise<void> {
    return deleteRoomIfPresent(this.options.rooms, roomName);
  }

  private async hangUpQuietly(request: PlaceCallRequest): Promise<void> {
    try {
      await this.hangUp(request.roomName);
    } catch (error) {
      // LiveKit is down: the room (if any) closes on its own timeout, and the reconciler checks it.
      const { detail } = outcomeForLiveKitError(error);
      this.options.log.warn({ interviewId: request.interviewId, detail }, 'hang-up failed');
    }
  }
}
