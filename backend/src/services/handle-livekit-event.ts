import { DisconnectReason } from '@livekit/protocol';
import { isCallInFlight, type CallFact } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Database } from '../db/schema.js';
import type { RecordingBucket } from '../recordings/recording-bucket.js';
import type { FactResult, InterviewLifecycle } from './interview-lifecycle.js';
import type { CallLog } from '../telephony/call-log.js';
import { outcomeForDisconnectReason } from '../telephony/call-outcome.js';
import { PARTICIPANT_KIND } from '../telephony/participant-kind.js';

const { STANDARD: KIND_STANDARD, SIP: KIND_SIP, AGENT: KIND_AGENT } = PARTICIPANT_KIND;

/** `sip.callStatus` values that are facts of the call: the first 180/183, and the answer. */
const SIP_CALL_STATUS_FACTS: Partial<Record<string, CallFact>> = {
  ringing: { type: 'ringing' },
  active: { type: 'answered' },
};

/**
 * The room went away under the callee: deleted by us or the agent (`ROOM_DELETED`, 5), or closed by
 * LiveKit (`ROOM_CLOSED`, 10). Either way the call was ended from our side, not by the callee.
 */
const ENDED_BY_US = new Set<number>([DisconnectReason.ROOM_DELETED, DisconnectReason.ROOM_CLOSED]);

export interface LiveKitEventDeps {
  db: Kysely<Database>;
  lifecycle: InterviewLifecycle;
  /** Present when `RECORDING_*` is configured: audio the candidate declined is deleted. */
  recordings?: Pick<RecordingBucket, 'delete'> | undefined;
  log: CallLog;
}

export type LiveKitEventResult = FactResult | { result: 'ignored' };

/**
 * Turns a verified LiveKit webhook into the facts of the interview it is about (found by its room).
 * Late and repeated deliveries are harmless: the event id de-duplicates, and the lifecycle only
 * moves a call forward.
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
  const { lifecycle } = deps;
  const { status } = interview;
  const id = interview.id;
  const trail = (eventType: string, data?: Record<string, unknown>) =>
    lifecycle.record(id, {
      eventType,
      externalId: event.id,
      ...(data === undefined ? {} : { data }),
    });
  const fact = (value: CallFact, eventType: string, data?: Record<string, unknown>) =>
    lifecycle.apply(id, value, {
      eventType,
      externalId: event.id,
      ...(data === undefined ? {} : { data }),
    });
  const participant = event.participant;
  const kind: number | undefined = participant?.kind;
  const isPreAnswer = status === 'dialing' || status === 'ringing';

  switch (event.event) {
    case 'participant_joined': {
      if (participant === undefined) return { result: 'ignored' };
      if (kind === KIND_SIP) {
        // An outbound SIP participant joins while it is still `dialing`, before the phone rings:
        // joining is neither ringing nor an answer. Only the statuses themselves are facts.
        const callStatus = participant.attributes['sip.callStatus'] ?? '';
        const sipFact = SIP_CALL_STATUS_FACTS[callStatus];
        return sipFact === undefined
          ? trail('sip_participant_joined', { callStatus })
          : fact(sipFact, 'sip_participant_joined', { callStatus });
      }
      if (kind === KIND_AGENT) return trail('agent_joined');
      // A browser candidate joining is the answer of a web call.
      if (kind === KIND_STANDARD) return fact({ type: 'answered' }, 'candidate_joined');
      return { result: 'ignored' };
    }
    case 'participant_left': {
      if (participant === undefined) return { result: 'ignored' };
      const reason: number = participant.disconnectReason;
      if (kind === KIND_AGENT) {
        // The room going away takes the agent with it: that is the call's end, not a lost agent.
        if (ENDED_BY_US.has(reason)) return trail('agent_left', { reason });
        // Any other leave while the call is live is a lost agent (an agent that ends the call
        // reports the end first, and the candidate's own leave arrives before the agent's): the
        // lifecycle sends a new one, which resumes from the saved turns (REL-5). LiveKit itself
        // does not: its worker stays connected when only the job process dies.
        return fact({ type: 'agent_lost' }, 'agent_left', { reason });
      }
      if (kind === KIND_SIP && isPreAnswer) {
        // A dial that never answered: the dial itself waits for the answer and reports the SIP
        // code (486 and 603 leave with the same disconnect reason, and only one of them may be
        // dialled again), so this is trail only. A dial lost with its process is the reconciler's.
        return trail('sip_participant_left', {
          reason,
          outcome: outcomeForDisconnectReason(reason) ?? null,
        });
      }
      if (kind !== KIND_SIP && kind !== KIND_STANDARD) return { result: 'ignored' };
      if (!isCallInFlight(status)) return trail('candidate_left', { reason });
      // Webhooks can overtake each other (LiveKit retries a failed delivery later): a browser
      // candidate who left after joining (`joinedAt` set) had the call, even when this arrives
      // before the joined event did. One who never joined leaves nothing to end.
      if (isPreAnswer) {
        if (kind !== KIND_STANDARD || participant.joinedAt <= 0n) {
          return trail('candidate_left', { reason });
        }
        await lifecycle.apply(id, { type: 'answered' }, { eventType: 'candidate_joined' });
      }
      // A browser that leaves may come back (a reload, a dropped network): the agent waits for
      // it and ends the call itself, with its report, when it does not. Should the agent be gone
      // too, LiveKit closes the emptied room and room_finished ends the call.
      if (kind === KIND_STANDARD && !ENDED_BY_US.has(reason)) {
        // Removed is the candidate's "End the screen": the agent ends the call without waiting.
        return trail('candidate_left', {
          reason,
          mayRejoin: reason !== (DisconnectReason.PARTICIPANT_REMOVED as number),
        });
      }
      return fact(
        {
          type: 'call_ended',
          reason: ENDED_BY_US.has(reason) ? 'finished' : 'candidate_hung_up',
          hasAnswers: 'unknown',
        },
        'candidate_left',
        { reason },
      );
    }
    case 'room_finished':
      // Before an answer the dial is still waiting on LiveKit (or its process died, which is the
      // reconciler's): a failed dial closes its own room, and this event can overtake the dial's
      // answer. Deciding here would race it, and could redial a 603.
      if (status !== 'in_progress') return trail('room_finished');
      return fact(
        { type: 'call_ended', reason: 'finished', hasAnswers: 'unknown' },
        'room_finished',
      );
    case 'egress_started': {
      const egressId = event.egressInfo?.egressId;
      if (egressId !== undefined) await setRecordingColumns(deps.db, id, { egress_id: egressId });
      return trail('recording_started');
    }
    case 'egress_ended': {
      const location = event.egressInfo?.fileResults[0]?.location;
      if (location !== undefined && location !== '' && (await isRecordingDeclined(deps, id))) {
        // LAW-5: delete before recording the event, so a failed delete fails the delivery and
        // LiveKit sends it again rather than the audio being kept.
        await deps.recordings?.delete(location);
        return trail('recording_discarded');
      }
      if (location !== undefined && location !== '') {
        await setRecordingColumns(deps.db, id, { recording_location: location });
      }
      return trail('recording_saved', { status: event.egressInfo?.status ?? 0 });
    }
    default:
      return { result: 'ignored' };
  }
}

/** Where the call's recording is: its egress, and the file once it is saved. */
async function setRecordingColumns(
  db: Kysely<Database>,
  interviewId: string,
  columns: { egress_id?: string; recording_location?: string },
): Promise<void> {
  await db.updateTable('interviews').set(columns).where('id', '=', interviewId).execute();
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
