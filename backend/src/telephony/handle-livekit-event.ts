import type { InterviewStatus } from '@screenline/core';
import type { Kysely } from 'kysely';
import { DisconnectReason } from '@livekit/protocol';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { ScoringQueue } from './agent-call-ending.js';
import type { RecordingBucket } from '../recordings/recording-bucket.js';
import type { CallLog } from './call-log.js';
import { IN_FLIGHT_STATUSES, recordCallEvent, type CallEventResult } from './call-events.js';
import { outcomeForDisconnectReason, ruleFor } from './call-outcome.js';
import type { CallRetries } from './call-retries.js';
import type { CallDatabase } from './call-tables.js';

/** `ParticipantInfo.Kind` values (numbers on the wire; the SDK does not export the enum). */
const KIND_STANDARD = 0;
const KIND_SIP = 3;
const KIND_AGENT = 4;
/**
 * The room went away under the callee: deleted by us or the agent (`ROOM_DELETED`, 5), or closed by
 * LiveKit (`ROOM_CLOSED`, 10). Either way the call was ended from our side, not by the callee.
 */
const ENDED_BY_US = new Set<number>([DisconnectReason.ROOM_DELETED, DisconnectReason.ROOM_CLOSED]);

export interface LiveKitEventDeps {
  db: Kysely<CallDatabase>;
  retries: CallRetries;
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
        const callStatus = participant.attributes['sip.callStatus'] ?? '';
        return recordCallEvent(deps.db, {
          ...base,
          type: 'sip_participant_joined',
          status: callStatus === 'active' ? 'in_progress' : 'ringing',
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
      const outcome = kind === KIND_SIP ? outcomeForDisconnectReason(reason) : undefined;
      if (outcome !== undefined && (status === 'dialing' || status === 'ringing')) {
        const recorded = await recordCallEvent(deps.db, {
          ...base,
          type: 'dial_failed',
          status: ruleFor(outcome).status,
          endReason: 'error',
          data: { outcome, reason },
          patch: { last_outcome: outcome },
        });
        if (recorded.result === 'applied') await deps.retries.afterFailure(interview.id, outcome);
        return recorded;
      }
      if (!isInFlight) return recordCallEvent(deps.db, { ...base, type: 'candidate_left' });
      return completeCall(
        deps,
        await recordCallEvent(deps.db, {
          ...base,
          type: 'candidate_left',
          status: status === 'in_progress' ? 'completed' : 'failed',
          endReason: ENDED_BY_US.has(reason) ? 'finished' : 'candidate_hung_up',
          data: { reason },
        }),
        interview.id,
      );
    }
    case 'room_finished': {
      if (status === 'dialing' || status === 'ringing') {
        // The room closed before any participant told us how the dial ended: LiveKit lost it.
        const recorded = await recordCallEvent(deps.db, {
          ...base,
          type: 'dial_failed',
          status: 'failed',
          endReason: 'error',
          data: { outcome: 'livekit_error', reason: 'room_finished' },
          patch: { last_outcome: 'livekit_error' },
        });
        if (recorded.result === 'applied') {
          await deps.retries.afterFailure(interview.id, 'livekit_error');
        }
        return recorded;
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
