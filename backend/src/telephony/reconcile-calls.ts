import type { InterviewStatus } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import type { RoomServiceClient } from 'livekit-server-sdk';
import type { ScoringQueue } from './agent-call-ending.js';
import type { CallLog } from './call-log.js';
import { IN_FLIGHT_STATUSES, recordCallEvent } from './call-events.js';
import type { CallRetries } from './call-retries.js';
import type { CallDatabase } from './call-tables.js';
import { isNotFound } from './livekit-errors.js';

export interface ReconcileOptions {
  db: Kysely<CallDatabase>;
  rooms: Pick<RoomServiceClient, 'listParticipants' | 'deleteRoom'>;
  retries: CallRetries;
  /** A call the reconciler completes is scored like any other. */
  scoring: ScoringQueue;
  log: CallLog;
  /** A dial still dialing or ringing after this long is asked about (ringing timeout + margin). */
  dialStaleAfterS: number;
  /** A call still in progress after this long is asked about (max call duration + margin). */
  callStaleAfterS: number;
}

export interface ReconcileSummary {
  checked: number;
  ended: number;
  advanced: number;
}

/** SIP participant kind on the wire. */
const KIND_SIP = 3;

/**
 * LiveKit may drop webhooks (LK-1): asks LiveKit about interviews that have stayed in flight too
 * long, and ends, advances or re-queues them so none stays stuck (REL-4).
 */
export async function reconcileCalls(options: ReconcileOptions): Promise<ReconcileSummary> {
  const { db, log } = options;
  const stale = await db
    .selectFrom('interviews')
    .select(['id', 'status', 'room_name'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', 'in', ['dialing', 'ringing']),
          eb(
            'updated_at',
            '<',
            sql<Date>`now() - make_interval(secs => ${options.dialStaleAfterS})`,
          ),
        ]),
        eb.and([
          eb('status', '=', 'in_progress'),
          eb(
            'updated_at',
            '<',
            sql<Date>`now() - make_interval(secs => ${options.callStaleAfterS})`,
          ),
        ]),
      ]),
    )
    .where('status', 'in', [...IN_FLIGHT_STATUSES])
    .limit(100)
    .execute();

  const summary: ReconcileSummary = { checked: stale.length, ended: 0, advanced: 0 };
  for (const interview of stale) {
    const status = interview.status as InterviewStatus;
    const room = interview.room_name;
    let participants: Awaited<ReturnType<ReconcileOptions['rooms']['listParticipants']>> = [];
    let isRoomGone = room === null;
    if (room !== null) {
      try {
        participants = await options.rooms.listParticipants(room);
      } catch (error) {
        if (!isNotFound(error)) {
          log.warn({ interviewId: interview.id }, 'reconciler could not reach LiveKit');
          continue;
        }
        isRoomGone = true;
      }
    }
    const callee = participants.find((participant) => (participant.kind as number) === KIND_SIP);

    if (isRoomGone) {
      const wasDialing = status !== 'in_progress';
      const recorded = await recordCallEvent(db, {
        interviewId: interview.id,
        type: wasDialing ? 'dial_failed' : 'reconciled',
        status: wasDialing ? 'failed' : 'completed',
        endReason: wasDialing ? 'error' : 'finished',
        data: { outcome: wasDialing ? 'livekit_error' : undefined, reason: 'room_gone' },
      });
      if (recorded.result === 'applied') {
        summary.ended += 1;
        if (wasDialing) await options.retries.afterFailure(interview.id, 'livekit_error');
        else await options.scoring.enqueue(interview.id);
      }
      continue;
    }
    if (status === 'in_progress') {
      // Past the maximum call length and still there: hang up; the webhooks end it as usual.
      if (room !== null) await options.rooms.deleteRoom(room).catch(() => undefined);
      const recorded = await recordCallEvent(db, {
        interviewId: interview.id,
        type: 'reconciled',
        status: 'completed',
        endReason: 'time_limit',
      });
      if (recorded.result === 'applied') {
        summary.ended += 1;
        await options.scoring.enqueue(interview.id);
      }
      continue;
    }
    if (callee?.attributes['sip.callStatus'] === 'active') {
      const recorded = await recordCallEvent(db, {
        interviewId: interview.id,
        type: 'reconciled',
        status: 'in_progress',
      });
      if (recorded.result === 'applied') summary.advanced += 1;
      continue;
    }
    // Still ringing past the ringing timeout, or the room holds no callee: hang up and retry.
    if (room !== null) await options.rooms.deleteRoom(room).catch(() => undefined);
    const recorded = await recordCallEvent(db, {
      interviewId: interview.id,
      type: 'dial_failed',
      status: 'no_answer',
      endReason: 'error',
      data: { outcome: 'no_answer', reason: 'reconciled' },
      patch: { last_outcome: 'no_answer' },
    });
    if (recorded.result === 'applied') {
      summary.ended += 1;
      await options.retries.afterFailure(interview.id, 'no_answer');
    }
  }
  return summary;
}
