import { ACTIVE_INTERVIEW_STATUSES } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Database } from '../db/schema.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import type { CallLog } from '../telephony/call-log.js';
import { isNotFound } from '../telephony/livekit-errors.js';

export interface ReconcileOptions {
  db: Kysely<Database>;
  rooms: Pick<RoomServiceClient, 'listParticipants' | 'deleteRoom'>;
  /** Retries and scorecards follow from the facts, as for any other call. */
  lifecycle: InterviewLifecycle;
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
  const { db, log, lifecycle } = options;
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
    .where('status', 'in', ACTIVE_INTERVIEW_STATUSES)
    .limit(100)
    .execute();

  const summary: ReconcileSummary = { checked: stale.length, ended: 0, advanced: 0 };
  const meta = { eventType: 'reconciled' };
  for (const interview of stale) {
    const { status, room_name: room } = interview;
    const id = interview.id;
    let participants: Awaited<ReturnType<ReconcileOptions['rooms']['listParticipants']>> = [];
    let isRoomGone = room === null;
    if (room !== null) {
      try {
        participants = await options.rooms.listParticipants(room);
      } catch (error) {
        if (!isNotFound(error)) {
          log.warn({ interviewId: id }, 'reconciler could not reach LiveKit');
          continue;
        }
        isRoomGone = true;
      }
    }
    const callee = participants.find((participant) => (participant.kind as number) === KIND_SIP);

    if (isRoomGone) {
      const recorded =
        status === 'in_progress'
          ? await lifecycle.apply(
              id,
              { type: 'call_ended', reason: 'finished', hasAnswers: 'unknown' },
              { ...meta, data: { reason: 'room_gone' } },
            )
          : await lifecycle.apply(
              id,
              { type: 'dial_failed', outcome: 'livekit_error' },
              { eventType: 'dial_failed', data: { reason: 'room_gone', source: 'reconciler' } },
            );
      if (recorded.result === 'applied') summary.ended += 1;
      continue;
    }
    if (status === 'in_progress') {
      // Past the maximum call length and still there: end it, then hang up.
      const recorded = await lifecycle.apply(
        id,
        { type: 'call_ended', reason: 'time_limit', hasAnswers: 'unknown' },
        meta,
      );
      if (room !== null) await options.rooms.deleteRoom(room).catch(() => undefined);
      if (recorded.result === 'applied') summary.ended += 1;
      continue;
    }
    if (callee?.attributes['sip.callStatus'] === 'active') {
      const recorded = await lifecycle.apply(id, { type: 'answered' }, meta);
      if (recorded.result === 'applied') summary.advanced += 1;
      continue;
    }
    // Still ringing past the ringing timeout, or the room holds no callee: hang up and retry.
    if (room !== null) await options.rooms.deleteRoom(room).catch(() => undefined);
    const recorded = await lifecycle.apply(
      id,
      { type: 'dial_failed', outcome: 'no_answer' },
      { eventType: 'dial_failed', data: { reason: 'reconciled' } },
    );
    if (recorded.result === 'applied') summary.ended += 1;
  }
  return summary;
}
