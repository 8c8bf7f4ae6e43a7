import { ACTIVE_INTERVIEW_STATUSES, type EndReason, type InterviewStatus } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import type { CallDatabase } from './call-tables.js';

/** Where a call is on its way; an event may only move it forward (webhooks arrive out of order). */
const PROGRESS_RANK: Partial<Record<InterviewStatus, number>> = {
  scheduled: 0,
  dialing: 1,
  ringing: 2,
  in_progress: 3,
};

/** The interview bus's LISTEN/NOTIFY channel (backend/src/interviews/interview-bus.ts). */
const INTERVIEW_CHANNEL = 'screenline_interview';

/** States in which LiveKit still has something to say about the call. */
export const IN_FLIGHT_STATUSES = ACTIVE_INTERVIEW_STATUSES;

/** Ends of an attempt after which the retry policy may queue another (REL-1). */
const RETRYABLE_ENDS: readonly InterviewStatus[] = [
  'no_answer',
  'busy',
  'declined',
  'voicemail',
  'failed',
];

/** True when a call-tracking event may move an interview from `from` to `to`. */
export function canMove(
  from: InterviewStatus,
  to: InterviewStatus,
  isRetry = false,
  isCallback = false,
): boolean {
  if (from === to) return false;
  // The candidate asked, during the call, to be called another time.
  if (isCallback) return from === 'in_progress' && to === 'scheduled';
  const fromRank = PROGRESS_RANK[from];
  // Only a failed attempt is tried again: never one that was canceled, opted out or completed.
  if (isRetry) return to === 'scheduled' && RETRYABLE_ENDS.includes(from);
  // End states (and completed) are final for the call; evaluation is another area's transition.
  if (fromRank === undefined) return false;
  const toRank = PROGRESS_RANK[to];
  if (toRank === undefined) return true;
  return toRank > fromRank;
}

export interface CallEventInput {
  interviewId: string;
  /** The audit trail's event type, e.g. `sip_participant_joined`, `dial_failed`, `agent_answered`. */
  type: string;
  status?: InterviewStatus;
  endReason?: EndReason;
  /** A LiveKit webhook id: the same delivery twice records once. */
  externalId?: string;
  data?: Record<string, unknown>;
  /** A retry moves an ended attempt back to `scheduled` (the queued callback dials attempt + 1). */
  isRetry?: boolean;
  /** A callback the candidate asked for moves the live call to `scheduled`. */
  isCallback?: boolean;
  /** Columns to set with the event, in the same transaction. */
  patch?: {
    recording_location?: string;
    egress_id?: string;
    last_outcome?: string;
    scheduled_for?: Date;
    engine_state?: string;
  };
}

export type CallEventResult =
  | { result: 'applied'; from: InterviewStatus; to: InterviewStatus | undefined }
  /** Recorded in the trail, but the status did not move (late or out-of-order event). */
  | { result: 'stale'; from: InterviewStatus }
  /** Recorded; the event asked for no status change. */
  | { result: 'recorded'; from: InterviewStatus }
  | { result: 'duplicate' }
  | { result: 'missing' };

const TERMINAL: readonly InterviewStatus[] = [
  'completed',
  'no_answer',
  'busy',
  'declined',
  'invalid_number',
  'voicemail',
  'failed',
  'canceled',
  'opted_out',
];

/**
 * Records one event of a call and moves the interview when the event allows it: one transaction,
 * the interview row locked, the event de-duplicated on its outside id.
 */
export async function recordCallEvent(
  db: Kysely<CallDatabase>,
  input: CallEventInput,
): Promise<CallEventResult> {
  return db.transaction().execute(async (trx) => {
    const interview = await trx
      .selectFrom('interviews')
      .select(['id', 'status'])
      .where('id', '=', input.interviewId)
      .forUpdate()
      .executeTakeFirst();
    if (interview === undefined) return { result: 'missing' } as const;
    const from = interview.status as InterviewStatus;
    const moves =
      input.status !== undefined && canMove(from, input.status, input.isRetry, input.isCallback);

    const inserted = await trx
      .insertInto('interview_events')
      .values({
        interview_id: input.interviewId,
        type: input.type,
        status: moves ? (input.status ?? null) : null,
        data: JSON.stringify({
          ...input.data,
          ...(input.status !== undefined && !moves ? { ignoredStatus: input.status } : {}),
        }),
        external_id: input.externalId ?? null,
      })
      .onConflict((conflict) => conflict.column('external_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) return { result: 'duplicate' } as const;

    const patch = input.patch ?? {};
    const to = moves ? input.status : undefined;
    if (to !== undefined || Object.keys(patch).length > 0) {
      await trx
        .updateTable('interviews')
        .set({
          updated_at: sql<Date>`now()`,
          ...(patch.recording_location === undefined
            ? {}
            : { recording_location: patch.recording_location }),
          ...(patch.egress_id === undefined ? {} : { egress_id: patch.egress_id }),
          ...(patch.last_outcome === undefined ? {} : { last_outcome: patch.last_outcome }),
          ...(patch.engine_state === undefined ? {} : { engine_state: patch.engine_state }),
          ...(to === undefined ? {} : { status: to }),
          ...(to === 'in_progress' ? { started_at: sql<Date>`coalesce(started_at, now())` } : {}),
          ...(to !== undefined && TERMINAL.includes(to)
            ? { ended_at: sql<Date>`now()`, end_reason: input.endReason ?? null }
            : {}),
          ...(to === 'scheduled'
            ? {
                scheduled_for: patch.scheduled_for ?? null,
                // A callback the candidate asked for ended this call; a retry starts afresh.
                ended_at: input.isCallback === true ? sql<Date>`now()` : null,
                end_reason: input.isCallback === true ? (input.endReason ?? null) : null,
                room_name: null,
              }
            : {}),
        })
        .where('id', '=', input.interviewId)
        .execute();
    }
    // Live status fan-out (the interview bus listens on this channel); delivered on commit.
    if (to !== undefined)
      await sql`select pg_notify(${INTERVIEW_CHANNEL}, ${input.interviewId})`.execute(trx);
    if (input.status === undefined) return { result: 'recorded', from } as const;
    return to === undefined
      ? ({ result: 'stale', from } as const)
      : ({ result: 'applied', from, to } as const);
  });
}
