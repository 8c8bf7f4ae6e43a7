import type { AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import type { CallLog } from './call-log.js';
import { isNotFound, outcomeForLiveKitError } from './livekit-errors.js';
import { isAgentParticipant } from './participant-kind.js';

export interface AgentRedispatcherOptions {
  dispatch: Pick<AgentDispatchClient, 'createDispatch'>;
  rooms: Pick<RoomServiceClient, 'listParticipants'>;
  agentName: string;
  log: CallLog;
}

export type RedispatchResult = 'dispatched' | 'room_gone' | 'agent_present' | 'failed';

/**
 * REL-5: sends a new agent into a live call whose agent was lost. LiveKit re-dispatches a job only
 * when its worker goes away; when the job process alone dies (killed, out of memory) the worker
 * stays connected and no agent ever comes back, so the backend dispatches one itself. The new
 * agent gets a fresh backend token (the lost one's dies with it) and resumes from the saved turns.
 * The lifecycle decides whether to send one (at most twice a call); this only carries it out.
 */
export class AgentRedispatcher {
  constructor(private readonly options: AgentRedispatcherOptions) {}

  /**
   * `agentMetadata` makes the new agent's dispatch metadata (with a fresh backend token, which
   * retires the lost agent's): asked only once a new agent is really going.
   */
  async redispatch(
    interviewId: string,
    roomName: string,
    agentMetadata: () => Promise<string>,
  ): Promise<RedispatchResult> {
    const { options } = this;
    try {
      // An agent already in the room (the lost one came back on its own) needs no second one;
      // a room already gone has nobody to resume for (its room_finished ends the call).
      const participants = await options.rooms.listParticipants(roomName);
      if (participants.some((participant) => isAgentParticipant(participant))) {
        options.log.info({ interviewId, room: roomName }, 'agent back on its own; none sent');
        return 'agent_present';
      }
      const metadata = await agentMetadata();
      await options.dispatch.createDispatch(roomName, options.agentName, { metadata });
      options.log.warn({ interviewId, room: roomName }, 'agent lost mid-call; a new one was sent');
      return 'dispatched';
    } catch (error) {
      if (isNotFound(error)) return 'room_gone';
      // Not thrown: the webhook's retry would be a duplicate and send nothing. The call stays
      // live without an agent until the candidate hangs up or the reconciler ends it.
      const { detail } = outcomeForLiveKitError(error);
      options.log.error({ interviewId, room: roomName, detail }, 'agent re-dispatch failed');
      return 'failed';
    }
  }
}
