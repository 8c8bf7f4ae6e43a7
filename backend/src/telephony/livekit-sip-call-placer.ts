import type { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import type { CallLog } from './call-log.js';
import type { CallPlacer, PlaceCallRequest, PlaceCallResult } from './call-placer.js';
import { outcomeForLiveKitError } from './livekit-errors.js';
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
   * Asked after the pacer's wait, right before the INVITE: a call canceled or a switch paused
   * while it waited must not ring (REL-3, FR-6).
   */
  mayDial?: (request: PlaceCallRequest) => Promise<'dial' | 'canceled' | 'paused'>;
  log: CallLog;
}

/**
 * Phone mode: dial first, then dispatch the agent into the room the SIP participant created (one
 * LiveKit round trip before the INVITE leaves). A server with `room.auto_create` on also creates a
 * missing room for a dispatch, so the two could go out together. A failed dispatch hangs up, so
 * nobody answers to silence.
 */
export class LiveKitSipCallPlacer implements CallPlacer {
  constructor(private readonly options: LiveKitSipCallPlacerOptions) {}

  async placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
    const { options } = this;
    const identity = readAgentMetadata(request).participantIdentity;
    const log = options.log;

    await options.pacer.take(options.trunkId);
    const verdict = (await options.mayDial?.(request)) ?? 'dial';
    if (verdict === 'canceled') {
      log.info({ interviewId: request.interviewId }, 'dial dropped: canceled while it waited');
      return { outcome: 'failed', status: 'canceled', reason: 'canceled', isRetryable: false };
    }
    if (verdict === 'paused') {
      // Retried like a carrier's brief refusal; the retry finds the switch and waits it out.
      log.warn(
        { interviewId: request.interviewId },
        'dial held: dialing was paused while it waited',
      );
      return failedAttempt('carrier_error');
    }
    try {
      await options.sip.createSipParticipant(options.trunkId, request.phoneE164, request.roomName, {
        participantIdentity: identity,
        ringingTimeout: options.ringingTimeoutS,
        maxCallDuration: options.maxCallDurationS,
        krispEnabled: true,
        waitUntilAnswered: false,
        timeout: options.requestTimeoutS,
      });
    } catch (error) {
      const { outcome, detail } = outcomeForLiveKitError(error);
      log.warn({ interviewId: request.interviewId, outcome, detail }, 'dial failed');
      // A timeout may hide an INVITE that did leave: delete the room so no phone rings unattended,
      // and once more after the request's own deadline, in case the server was still working on it.
      if (outcome === 'livekit_error') {
        await this.hangUpQuietly(request);
        setTimeout(() => void this.hangUpQuietly(request), options.requestTimeoutS * 1000).unref();
      }
      return failedAttempt(outcome, detail);
    }

    try {
      await options.dispatch.createDispatch(request.roomName, options.agentName, {
        metadata: request.agentMetadata,
      });
    } catch (error) {
      const { detail } = outcomeForLiveKitError(error);
      log.warn({ interviewId: request.interviewId, detail }, 'agent dispatch failed; hanging up');
      await this.hangUpQuietly(request);
      return failedAttempt('livekit_error', `dispatch_${detail}`);
    }
    log.info({ interviewId: request.interviewId, room: request.roomName }, 'dialing');
    return { outcome: 'dialing', participantIdentity: identity };
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
