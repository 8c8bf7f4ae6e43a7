import type { InterviewStatus } from '@screenline/core';
import type { Kysely } from 'kysely';
import { DisconnectReason } from '@livekit/protocol';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { ScoringQueue } from './agent-call-ending.js';
import type { RecordingBucket } from '../recordings/recording-bucket.js';
import type { CallLog } from './call-log.js';
import { IN_FLIGHT_STATUSES, recordCallEvent, type CallEventResult } from './call-events.js';
import { outcomeForDisconnectReason } from './call-outcome.js';
import type { CallDatabase } from './call-tables.js';

/** `ParticipantInfo.Kind` values (numbers on the wire; the SDK does not export the enum). */
const KIND_STANDARD = 0;
const KIND_SIP = 3;
const KIND_AGENT = 4;
/**
 * The room went away under the callee: deleted by us or the agent (`ROOM_DELETED`, 5), or closed by
 * LiveKit (`ROOM_CLOSED`, 10). Either way the call was ended from our side, not by the callee.
 */
/** `sip.callStatus` values that move a call: the first 180/183, and the answer. */
const SIP_CALL_STATUS_MOVES: Partial<Record<string, InterviewStatus>> = {
  ringing: 'ringing',
  active: 'in_progress',
};

const ENDED_BY_US = new Set<number>([DisconnectReason.ROOM_DELETED, DisconnectReason.ROOM_CLOSED]);

export interface LiveKitEventDeps {
  db: Kysely<CallDatabase>;
  scoring: ScoringQueue;
  /** Present when `RECORDING_*` is configured: audio the candidate declined is deleted. */
  recordings?: Pick<RecordingBucket, 'delete'> | undefined;
  log: CallLog;
}

export type LiveKitEventResult = CallEventResult | { result: 'ignored' };

/**
 * Moves the interview a verified LiveKit webhook is about (found by its room). Late and repeated
 * deliveries are harmless: the event id de-duplicates, and states only move forward.
 */
export async function handleLiveKitEvent(
  deps: LiveKitEventDeps,
  event: WebhookEvent,
): Promise<LiveKitEventResult> {
  const roomName = event.room?.name ?? event.egressInfo?.roomName;
  if (roomName === undefined || roomName === '' || event.id === '') return { result: 'ignored' };
  const interview = await deps.db
    .selectFrom('interviews')
    .select(['id', 'status'])
    .where('room_name', '=', roomName)
    .executeTakeFirst();
  if (interview === undefined) return { result: 'ignored' };
  const status = interview.status as InterviewStatus;
  // Only a call under way moves; anything else (a late event after the end) is trail only.
  const isInFlight = (IN_FLIGHT_STATUSES as readonly string[]).includes(status);
  const base = { interviewId: interview.id, externalId: event.id };
  const participant = event.participant;
  const kind: number | undefined = participant?.kind;

  switch (event.event) {
    case 'participant_joined': {
      if (participant === undefined) return { result: 'ignored' };
      if (!isInFlight) return recordCallEvent(deps.db, { ...base, type: 'participant_joined' });
      if (kind === KIND_SIP) {
        // An outbound SIP participant joins while it is still `dialing`, before the phone rings:
        // joining is neither ringing nor an answer. Only the statuses themselves move the call.
        const callStatus = participant.attributes['sip.callStatus'] ?? '';
        const status = SIP_CALL_STATUS_MOVES[callStatus];
        return recordCallEvent(deps.db, {
          ...base,
          type: 'sip_participant_joined',
          ...(status === undefined ? {} : { status }),
          data: { callStatus },
        });
      }
      if (kind === KIND_AGENT) {
        return recordCallEvent(deps.db, { ...base, type: 'agent_joined' });
      }
      if (kind === KIND_STANDARD) {
        return recordCallEvent(deps.db, {
          ...base,
          type: 'candidate_joined',
          status: 'in_progress',
        });
      }
      return { result: 'ignored' };
    }
    case 'participant_left': {
      if (participant === undefined) return { result: 'ignored' };
      const reason: number = participant.disconnectReason;
      if (kind === KIND_AGENT) {
        return recordCallEvent(deps.db, { ...base, type: 'agent_left', data: { reason } });
      }
      if (kind !== KIND_SIP && kind !== KIND_STANDARD) return { result: 'ignored' };
      if (kind === KIND_SIP && (status === 'dialing' || status === 'ringing')) {
        // A dial that never answered: the dial itself waits for the answer and reports the SIP
        // code (486 and 603 leave with the same disconnect reason, and only one of them may be
        // dialled again), so this is trail only. A dial lost with its process is the reconciler's.
        return recordCallEvent(deps.db, {
          ...base,
          type: 'sip_participant_left',
          data: { reason, outcome: outcomeForDisconnectReason(reason) ?? null },
        });
      }
      if (!isInFlight) return recordCallEvent(deps.db, { ...base, type: 'candidate_left' });
      // Webhooks can overtake each other (LiveKit retries a failed delivery later): a browser
      // candidate who left after joining (`joinedAt` set) had the call, even when this arrives
      // before the joined event did. Never joined: the call failed.
      const hadTheCall =
        status === 'in_progress' || (kind === KIND_STANDARD && participant.joinedAt > 0n);
      return completeCall(
        deps,
        await recordCallEvent(deps.db, {
          ...base,
          type: 'candidate_left',
          status: hadTheCall ? 'completed' : 'failed',
          endReason: ENDED_BY_US.has(reason) ? 'finished' : 'candidate_hung_up',
          data: { reason },
        }),
        interview.id,
      );
    }
    case 'room_finished': {
      if (status === 'dialing' || status === 'ringing') {
        // Before an answer the dial is still waiting on LiveKit (or its process died, which is
        // the reconciler's): a failed dial closes its own room, and this event can overtake the
        // dial's answer. Deciding here would race it, and could redial a 603.
        return recordCallEvent(deps.db, { ...base, type: 'room_finished' });
      }
      return completeCall(
        deps,
        await recordCallEvent(deps.db, {
          ...base,
          type: 'room_finished',
          ...(status === 'in_progress'
            ? { status: 'completed' as const, endReason: 'finished' as const }
            : {}),
        }),
        interview.id,
      );
    }
    case 'egress_started': {
      const egressId = event.egressInfo?.egressId;
      return recordCallEvent(deps.db, {
        ...base,
        type: 'recording_started',
        ...(egressId === undefined ? {} : { patch: { egress_id: egressId } }),
      });
    }
    case 'egress_ended': {
      const location = event.egressInfo?.fileResults[0]?.location;
      if (
        location !== undefined &&
        location !== '' &&
        (await isRecordingDeclined(deps, interview.id))
      ) {
        // LAW-5: delete before recording the event, so a failed delete fails the delivery and
        // LiveKit sends it again rather than the audio being kept.
        await deps.recordings?.delete(location);
        return recordCallEvent(deps.db, { ...base, type: 'recording_discarded' });
      }
      return recordCallEvent(deps.db, {
        ...base,
        type: 'recording_saved',
        data: { status: event.egressInfo?.status ?? 0 },
        ...(location === undefined || location === ''
          ? {}
          : { patch: { recording_location: location } }),
      });
    }
    default:
      return { result: 'ignored' };
  }
}

/** A call that a webhook completed (the candidate hung up, the room closed) gets its scorecard. */
async function completeCall(
  deps: LiveKitEventDeps,
  recorded: CallEventResult,
  interviewId: string,
): Promise<CallEventResult> {
  if (recorded.result === 'applied' && recorded.to === 'completed') {
    await deps.scoring.enqueue(interviewId);
  }
  return recorded;
}

/** True when the candidate declined the recording on this call (LAW-5). */
async function isRecordingDeclined(deps: LiveKitEventDeps, interviewId: string): Promise<boolean> {
  const row = await deps.db
    .selectFrom('interview_events')
    .select('id')
    .where('interview_id', '=', interviewId)
    .where('type', '=', 'recording_declined')
    .executeTakeFirst();
  return row !== undefined;
}
