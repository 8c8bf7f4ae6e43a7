import {
  CALL_QUEUING_FACTS,
  decide,
  type CallFact,
  type CallOutcome,
  type InterviewStatus,
  type LifecycleDecision,
  type LifecycleEffect,
} from '@screenline/core';
import {
  sql,
  type Insertable,
  type Kysely,
  type OperationNodeSource,
  type Selectable,
  type Transaction,
} from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, InterviewEventsTable, InterviewsTable } from '../db/schema.js';
import { toInterviewRecord, type InterviewRecord } from '../db/repositories/interview-store.js';
import type { InterviewBus } from '../interviews/interview-bus.js';

/** What a fact is called in the audit trail, and where it came from. */
export interface FactMeta {
  /** The trail's name for what happened (`candidate_left`, `agent_ended`...); the fact's type by default. */
  eventType?: string;
  /** A LiveKit webhook id: the same delivery twice is written once. */
  externalId?: string;
  /** Shown on the recruiter's timeline beside the status (the SIP code, the reason...). */
  data?: Record<string, unknown>;
}

export type FactResult =
  | { result: 'applied'; from: InterviewStatus; to: InterviewStatus | null; isFinal: boolean }
  /** Written to the trail; it moved nothing (late, out of order, or after the end). */
  | { result: 'stale'; from: InterviewStatus }
  /** Written to the trail; it asks for no status change. */
  | { result: 'recorded'; from: InterviewStatus }
  | { result: 'duplicate' }
  | { result: 'missing' };

/** How the lifecycle's effects reach the world; each one is optional where a mode has no such thing. */
export interface LifecyclePorts {
  /** Queues the scorecard of a completed call. */
  scoring: { enqueue(interviewId: string): Promise<void> };
  /** Queues the dial of attempt `attempt + 1` at `at`. */
  calls: { enqueue(job: { interviewId: string; attempt: number; at: Date }): Promise<void> };
  /** Ends the call for everyone in the room (the phone leg hangs up). */
  hangUp(roomName: string): Promise<void>;
  /** REL-1: when (if ever) to try a failed attempt again. Absent: no retries (simulated mode). */
  retries?: { nextAttemptAt(interviewId: string, outcome: CallOutcome): Promise<Date | undefined> };
  /** REL-5: sends a new agent into a live call whose agent was lost. Absent: simulated mode. */
  agents?: { redispatch(interviewId: string, roomName: string): Promise<void> };
}

type Db = Kysely<Database> | Transaction<Database>;

/** What running a decision left to do once its transaction has committed. */
interface PendingEffects {
  interviewId: string;
  attempt: number;
  roomName: string | null;
  effects: LifecycleEffect[];
}

/**
 * The one writer of an interview's status. A fact is applied in one transaction: the row locked,
 * the core lifecycle table consulted, the event written (de-duplicated on its outside id), the row
 * updated; subscribers hear of it once it commits, then the decision's effects run through ports.
 * Every mode, every source and every status change goes through here.
 */
export class InterviewLifecycle {
  private ports: LifecyclePorts | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly bus: InterviewBus,
    private readonly log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>,
  ) {}

  /** The ports are wired once the app has built them (the queue needs the runtime first). */
  connect(ports: LifecyclePorts): void {
    this.ports = ports;
  }

  /** Applies `fact` to the interview and runs what follows from it. */
  async apply(interviewId: string, fact: CallFact, meta: FactMeta = {}): Promise<FactResult> {
    const { result, pending } = await this.db
      .transaction()
      .execute((trx) => this.applyInTransaction(trx, interviewId, fact, meta));
    if (result.result === 'applied' || result.result === 'recorded') {
      await this.bus.publish(interviewId);
    }
    if (pending !== undefined) await this.runEffects(pending);
    return result;
  }

  /** Writes one trail event that moves nothing (an answer recorded, a webhook for the record). */
  async record(interviewId: string, meta: FactMeta & { eventType: string }): Promise<FactResult> {
    const result = await this.db.transaction().execute(async (trx) => {
      const row = await lockInterview(trx, interviewId);
      if (row === undefined) return { result: 'missing' } as const;
      const isNew = await insertEvent(trx, interviewId, meta, null, {});
      return isNew
        ? ({ result: 'recorded', from: row.status } as const)
        : ({ result: 'duplicate' } as const);
    });
    if (result.result === 'recorded') await this.bus.publish(interviewId);
    return result;
  }

  /**
   * Creates an interview with the status the lifecycle gives `screen_started` and its first trail
   * event, and with `alongside` (the start's candidate, consent and link): one statement, so it
   * is all written or none of it without a transaction of its own, and it answers the row as
   * written (so no one reads it back). Under load every round trip costs CPU on both sides of the
   * socket, and the start is CPU bound (issue 14). `db` may be the caller's transaction (the rate
   * limits it counted roll back with a refused start).
   */
  async create(
    db: Db,
    values: Omit<Insertable<InterviewsTable>, 'id' | 'status' | 'attempt' | 'scheduled_for'> & {
      id: string;
    },
    fact: Extract<CallFact, { type: 'screen_started' }>,
    meta: FactMeta = {},
    alongside: readonly OperationNodeSource[] = [],
  ): Promise<InterviewRecord> {
    const decision = decide(null, fact);
    if (decision.to === null) throw new Error('the lifecycle refused to create an interview');
    const status = decision.to;
    const interview = db
      .insertInto('interviews')
      .values({
        ...values,
        status,
        attempt: decision.changes.attempt ?? 1,
        scheduled_for: decision.changes.scheduledFor ?? null,
      })
      .returningAll();
    const event = db
      .insertInto('interview_events')
      .values(eventValues(values.id, { eventType: 'status', ...meta }, status, { isFinal: false }))
      .onConflict((conflict) => conflict.column('external_id').doNothing());
    // Data-modifying CTEs all run, used or not; the foreign keys (the event's interview, the
    // interview's candidate) are checked at the statement's end, when every row exists.
    const others = alongside.map(
      (write, index) => sql`, ${sql.raw(`alongside_${String(index)}`)} as (${write})`,
    );
    const { rows } = await sql<
      Selectable<InterviewsTable>
    >`with interview as (${interview}), event as (${event})${sql.join(others, sql``)} select * from interview`.execute(
      db,
    );
    const row = rows[0];
    if (row === undefined) throw new Error('the new interview was not written');
    return toInterviewRecord(row);
  }

  private async applyInTransaction(
    trx: Transaction<Database>,
    interviewId: string,
    fact: CallFact,
    meta: FactMeta,
  ): Promise<{ result: FactResult; pending?: PendingEffects }> {
    const row = await lockInterview(trx, interviewId);
    if (row === undefined) return { result: { result: 'missing' } };
    const isJobClosed = (CALL_QUEUING_FACTS as readonly string[]).includes(fact.type)
      ? await isJobClosedHeld(trx, row.job_id)
      : false;
    const decision = decide(row.status, fact, {
      agentRedispatches: row.agent_redispatches,
      isJobClosed,
    });
    const data = {
      ...factDetails(fact),
      ...(decision.ignoredBecause === undefined
        ? { isFinal: decision.isFinal }
        : { ignored: decision.ignoredBecause }),
      ...(decision.changes.endReason == null ? {} : { endReason: decision.changes.endReason }),
      ...(decision.changes.agentRedispatches === undefined
        ? {}
        : { agentRedispatches: decision.changes.agentRedispatches }),
    };
    const isNew = await insertEvent(trx, interviewId, meta, decision.to, data);
    if (!isNew) return { result: { result: 'duplicate' } };

    await updateRow(trx, interviewId, decision);
    if (decision.effects.some((effect) => effect.type === 'suppress_number')) {
      // LAW-3 is written with the fact that asked for it, never after it.
      await suppressNumber(trx, interviewId);
    }
    const pending: PendingEffects = {
      interviewId,
      attempt: decision.changes.attempt ?? row.attempt,
      roomName: row.room_name,
      effects: decision.effects.filter((effect) => effect.type !== 'suppress_number'),
    };
    const result: FactResult =
      decision.ignoredBecause === 'stale'
        ? { result: 'stale', from: row.status }
        : decision.to === null
          ? { result: 'recorded', from: row.status }
          : { result: 'applied', from: row.status, to: decision.to, isFinal: decision.isFinal };
    return { result, pending };
  }

  private async runEffects(pending: PendingEffects): Promise<void> {
    const ports = this.ports;
    if (ports === undefined || pending.effects.length === 0) return;
    const { interviewId } = pending;
    for (const effect of pending.effects) {
      switch (effect.type) {
        case 'score':
          await ports.scoring.enqueue(interviewId);
          break;
        case 'queue_call':
          await ports.calls.enqueue({ interviewId, attempt: pending.attempt, at: effect.at });
          break;
        case 'hang_up':
          if (pending.roomName !== null) await ports.hangUp(pending.roomName);
          break;
        case 'redispatch_agent':
          if (pending.roomName !== null)
            await ports.agents?.redispatch(interviewId, pending.roomName);
          break;
        case 'consider_retry': {
          const at = await ports.retries?.nextAttemptAt(interviewId, effect.outcome);
          if (at === undefined) break;
          await this.apply(
            interviewId,
            { type: 'retry_scheduled', at },
            { data: { outcome: effect.outcome } },
          );
          this.log.info(
            { interviewId, outcome: effect.outcome, at: at.toISOString() },
            'call retry scheduled',
          );
          break;
        }
        case 'suppress_number':
          // Written inside the fact's own transaction (above).
          break;
      }
    }
  }
}

async function lockInterview(trx: Transaction<Database>, interviewId: string) {
  const row = await trx
    .selectFrom('interviews')
    .select(['id', 'job_id', 'status', 'attempt', 'room_name', 'agent_redispatches'])
    .where('id', '=', interviewId)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : { ...row, status: row.status };
}

/**
 * Whether the job is closed, its row held until the fact is written: a close that lands meanwhile
 * waits for this call to be queued, and its sweep then finds it and cancels it.
 */
async function isJobClosedHeld(trx: Transaction<Database>, jobId: string): Promise<boolean> {
  const job = await trx
    .selectFrom('jobs')
    .select('status')
    .where('id', '=', jobId)
    .forShare()
    .executeTakeFirst();
  return job !== undefined && job.status !== 'open';
}

/** The trail row of a fact (its outside id, when it has one, de-duplicates it). */
function eventValues(
  interviewId: string,
  meta: FactMeta & { eventType?: string },
  status: InterviewStatus | null,
  decided: Record<string, unknown>,
): Insertable<InterviewEventsTable> {
  return {
    interview_id: interviewId,
    type: meta.eventType ?? 'status',
    status,
    data: JSON.stringify({ ...meta.data, ...decided }),
    external_id: meta.externalId ?? null,
  };
}

/** Inserts the event row; false when its outside id was seen before (a repeated delivery). */
async function insertEvent(
  db: Db,
  interviewId: string,
  meta: FactMeta & { eventType?: string },
  status: InterviewStatus | null,
  decided: Record<string, unknown>,
): Promise<boolean> {
  const inserted = await db
    .insertInto('interview_events')
    .values(eventValues(interviewId, meta, status, decided))
    .onConflict((conflict) => conflict.column('external_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** What the fact itself says, for the trail (times as ISO strings). */
function factDetails(fact: CallFact): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fact)
      .filter(([key]) => key !== 'type')
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

async function updateRow(
  trx: Transaction<Database>,
  interviewId: string,
  decision: LifecycleDecision,
): Promise<void> {
  const { to, changes } = decision;
  if (to === null && Object.keys(changes).length === 0) return;
  await trx
    .updateTable('interviews')
    .set({
      updated_at: sql<Date>`now()`,
      ...(to === null ? {} : { status: to }),
      ...(changes.endReason === undefined ? {} : { end_reason: changes.endReason }),
      ...(changes.endedAt === undefined
        ? {}
        : { ended_at: changes.endedAt === 'now' ? sql<Date>`now()` : null }),
      ...(changes.startedAt === 'now'
        ? { started_at: sql<Date>`coalesce(started_at, now())` }
        : {}),
      ...(changes.scheduledFor === undefined ? {} : { scheduled_for: changes.scheduledFor }),
      ...(changes.attempt === undefined ? {} : { attempt: changes.attempt }),
      ...(changes.roomName === undefined ? {} : { room_name: changes.roomName }),
      ...(changes.lastOutcome === undefined ? {} : { last_outcome: changes.lastOutcome }),
      ...(changes.agentRedispatches === undefined
        ? {}
        : { agent_redispatches: changes.agentRedispatches }),
    })
    .where('id', '=', interviewId)
    .execute();
}

/**
 * LAW-3: the interview's number is never dialled again. A web-mode interview dialled no number:
 * the number the candidate left as contact data, if any, is suppressed instead; with none, nothing
 * can ring, and the opted-out end state stops every retry and callback. Idempotent.
 */
async function suppressNumber(trx: Transaction<Database>, interviewId: string): Promise<void> {
  const number = sql<string>`coalesce(i.phone_e164, c.phone_e164)`;
  await trx
    .insertInto('suppressed_numbers')
    .columns(['phone_e164', 'interview_id', 'reason'])
    .expression((eb) =>
      eb
        .selectFrom('interviews as i')
        .innerJoin('candidates as c', 'c.id', 'i.candidate_id')
        .select([number.as('phone_e164'), 'i.id', eb.val('opted_out').as('reason')])
        .where('i.id', '=', interviewId)
        .where(number, 'is not', null),
    )
    .onConflict((conflict) => conflict.column('phone_e164').doNothing())
    .execute();
}
