// The SDK's own protocol copy: its RoomServiceClient serialises these classes.
import {
  AccessToken,
  RoomAgentDispatch,
  TrackSource,
  type RoomServiceClient,
} from 'livekit-server-sdk';
import type { CallLog } from './call-log.js';
import type { CallPlacer, PlaceCallRequest, PlaceCallResult } from './call-placer.js';
import { isNotFound, outcomeForLiveKitError } from './livekit-errors.js';
import { deleteRoomIfPresent, failedAttempt, readAgentMetadata } from './livekit-placer-support.js';

/** LK-3: the candidate's room token lives at most this long. */
export const WEB_CALL_TOKEN_TTL_S = 15 * 60;

export interface LiveKitWebCallPlacerOptions {
  rooms: Pick<RoomServiceClient, 'createRoom' | 'deleteRoom' | 'listRooms' | 'removeParticipant'>;
  /** The URL the browser connects to (`wss://…`). */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  agentName: string;
  /** How long an unjoined room waits for the candidate before LiveKit closes it. */
  emptyTimeoutS: number;
  /** How long the room stays once the candidate left (a reload): longer than the agent waits. */
  departureTimeoutS?: number;
  log: CallLog;
}

/**
 * Web mode: the room is created with the agent's dispatch in it (one round trip, and the agent's
 * backend token stays server-side rather than riding in the candidate's token), and the candidate
 * gets a token for that one room, microphone only, for fifteen minutes.
 */
export class LiveKitWebCallPlacer implements CallPlacer {
  constructor(private readonly options: LiveKitWebCallPlacerOptions) {}

  async placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
    const { options } = this;
    const metadata = readAgentMetadata(request);
    try {
      await options.rooms.createRoom({
        name: request.roomName,
        emptyTimeout: options.emptyTimeoutS,
        ...(options.departureTimeoutS === undefined
          ? {}
          : { departureTimeout: options.departureTimeoutS }),
        agents: [
          new RoomAgentDispatch({ agentName: options.agentName, metadata: request.agentMetadata }),
        ],
      });
    } catch (error) {
      const { outcome, detail } = outcomeForLiveKitError(error);
      options.log.warn({ interviewId: request.interviewId, detail }, 'web call room failed');
      await this.hangUpQuietly(request.roomName);
      return failedAttempt(outcome);
    }
    const token = await mintCandidateToken(options, request.roomName, metadata.participantIdentity);
    return {
      outcome: 'web_call',
      webCall: { url: options.livekitUrl, token, room: request.roomName },
    };
  }

  hangUp(roomName: string): Promise<void> {
    return deleteRoomIfPresent(this.options.rooms, roomName);
  }

  async rejoinWebCall(
    roomName: string,
    identity: string,
  ): Promise<{ url: string; token: string; room: string } | null> {
    // LiveKit creates a room anyone joins (auto_create): a token for a room that closed (the
    // agent gone, the departure timeout over) would seat the candidate in a new, empty one.
    const open = await this.options.rooms.listRooms([roomName]);
    if (open.length === 0) return null;
    const token = await mintCandidateToken(this.options, roomName, identity);
    return { url: this.options.livekitUrl, token, room: roomName };
  }

  async removeWebCandidate(roomName: string, identity: string): Promise<boolean> {
    try {
      // LiveKit tells the agent this leave was a removal (PARTICIPANT_REMOVED), not a reload.
      await this.options.rooms.removeParticipant(roomName, identity);
      return true;
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return false;
    }
  }

  private async hangUpQuietly(roomName: string): Promise<void> {
    try {
      await this.hangUp(roomName);
    } catch {
      // LiveKit is unreachable; an empty room closes on its own after emptyTimeout.
    }
  }
}

/** One room, join and publish the microphone, subscribe to the agent; nothing else (LK-3). */
export async function mintCandidateToken(
  keys: { apiKey: string; apiSecret: string },
  roomName: string,
  identity: string,
): Promise<string> {
  const token = new AccessToken(keys.apiKey, keys.apiSecret, {
    identity,
    ttl: WEB_CALL_TOKEN_TTL_S,
  });
  token.addGrant({
    roomJoin: true,
    room: roomName,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE],
    canPublishData: false,
    canSubscribe: true,
    canUpdateOwnMetadata: false,
  });
  return token.toJwt();
}
