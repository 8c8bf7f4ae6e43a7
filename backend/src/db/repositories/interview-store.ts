import {
  PENDING_INTERVIEW_STATUSES,
  type EndReason,
  type InterviewStatus,
  type JobStatus,
  type Mode,
  type Scorecard,
  type TranscriptTurn,
  type TurnKnockout,
} from '@screenline/core';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { isUuid } from './jobs-repository.js';
import { hashToken, isTokenValid } from '../../lib/tokens.js';
import type { InterviewBus } from '../../interviews/interview-bus.js';

/** An interview row as the runtime reads it. */
export interface InterviewRecord {
  id: string;
  jobId: string;
  resumeId: string;
  candidateId: string;
  mode: Mode;
  status: InterviewStatus;
  endReason: EndReason | null;
  /** The number dialled; null in web mode, which calls no number. */
  phoneE164: string | null;
  timezone: string | null;
  attempt: number;
  roomName: string | null;
  idempotencyKey: string | null;
  candidateTokenHash: string;
  engineState: unknown;
  scheduledFor: Date | null;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
}

/** One row of the audit trail. */
export interface InterviewEventRecord {
  id: string;
  type: string;
  status: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reads interviews and writes what is not their status: turns, trail events, scorecards, the
 * suppression list. Status changes are the lifecycle's alone (services/interview-lifecycle.ts).
 */
export class InterviewStore {
  readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly bus: InterviewBus,
  ) {
    this.db = db;
  }

  async find(id: string, db: Db = this.db): Promise<InterviewRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toInterviewRecord(row);
  }

  async findByIdempotencyKey(key: string, db: Db = this.db): Promise<InterviewRecord | undefined> {
    const row = await db
      .selectFrom('interviews')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : toInterviewRecord(row);
  }

  /** The call still to come or under way for one application (resume and job), if any. */
  async findPending(resumeId: string, jobId: string): Promise<InterviewRecord | undefined> {
    if (!isUuid(resumeId) || !isUuid(jobId)) return undefined;
    const row = await this.db
      .selectFrom('interviews')
      .selectAll()
      .where('resume_id', '=', resumeId)
      .where('job_id', '=', jobId)
      .where('status', 'in', PENDING_INTERVIEW_STATUSES)
      .executeTakeFirst();
    return row === undefined ? undefined : toInterviewRecord(row);
  }

  /** The job's calls still to come (deferred, callbacks, retries): none has been placed yet. */
  async listScheduledIds(jobId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('interviews')
      .select('id')
      .where('job_id', '=', jobId)
      .where('status', '=', 'scheduled')
      .execute();
    return rows.map((row) => row.id);
  }

  /** True when the token is the interview's candidate token (or one handed out on a replay). */
  async isCandidateTokenValid(
    interview: InterviewRecord,
    token: string | undefined,
  ): Promise<boolean> {
    if (token === undefined) return false;
    if (isTokenValid(token, interview.candidateTokenHash)) return true;
    const extra = await this.db
      .selectFrom('interview_access_tokens')
      .select('token_hash')
      .where('token_hash', '=', hashToken(token))
      .where('interview_id', '=', interview.id)
      .executeTakeFirst();
    return extra !== undefined;
  }

  async addAccessToken(interviewId: string, token: string): Promise<void> {
    await this.db
      .insertInto('interview_access_tokens')
      .values({ token_hash: hashToken(token), interview_id: interviewId })
      .execute();
  }

  /** The job an interview is for, as the candidate's page names it. */
  async findJobSummary(
    jobId: string,
  ): Promise<{ title: string; company: string; status: JobStatus }> {
    return this.db
      .selectFrom('jobs')
      .select(['title', 'company', 'status'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
  }

  /** True when the interview's trail holds an event of this type. */
  async hasEvent(interviewId: string, type: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('interview_events')
      .select('id')
      .where('interview_id', '=', interviewId)
      .where('type', '=', type)
      .executeTakeFirst();
    return row !== undefined;
  }

  async saveEngineState(id: string, engineState: unknown): Promise<void> {
    await this.db
      .updateTable('interviews')
      .set({ engine_state: JSON.stringify(engineState), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Appends a turn with the next sequence number; the id is derived from it, so a retry cannot duplicate. */
  async appendTurn(
    interviewId: string,
    speaker: 'agent' | 'candidate',
    text: string,
  ): Promise<TranscriptTurn> {
    const turn = await this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('transcript_turns')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('interview_id', '=', interviewId)
        .executeTakeFirst();
      const seq = (last?.seq ?? 0) + 1;
      const id = `${interviewId}-${String(seq).padStart(4, '0')}`;
      const row = await trx
        .insertInto('transcript_turns')
        .values({ id, interview_id: interviewId, seq, speaker, text })
        .returning(['id', 'speaker', 'text', 'started_at'])
        .executeTakeFirstOrThrow();
      return { id: row.id, speaker: row.speaker, text: row.text, at: row.started_at.toISOString() };
    });
    await this.bus.publish(interviewId);
    return turn;
  }

  async listTurns(
    interviewId: string,
    afterSeq = 0,
  ): Promise<(TranscriptTurn & { seq: number })[]> {
    const rows = await this.db
      .selectFrom('transcript_turns')
      .select(['id', 'seq', 'speaker', 'text', 'started_at'])
      .where('interview_id', '=', interviewId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      speaker: row.speaker,
      text: row.text,
      at: row.started_at.toISOString(),
    }));
  }

  async listEvents(interviewId: string): Promise<InterviewEventRecord[]> {
    const rows = await this.db
      .selectFrom('interview_events')
      .select(['id', 'type', 'status', 'data', 'created_at'])
      .where('interview_id', '=', interviewId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      status: row.status,
      data: row.data,
      createdAt: row.created_at,
    }));
  }

  async addEvent(interviewId: string, type: string, data: Record<string, unknown>): Promise<void> {
    await this.db
      .insertInto('interview_events')
      .values({ interview_id: interviewId, type, status: null, data: JSON.stringify(data) })
      .execute();
    await this.bus.publish(interviewId);
  }

  async saveScorecard(
    interviewId: string,
    scorecard: Scorecard,
    overall: number | null,
  ): Promise<void> {
    await this.db
      .insertInto('scorecards')
      .values({
        interview_id: interviewId,
        suggestion: scorecard.suggestion,
        overall_score: overall,
        data: JSON.stringify(scorecard),
      })
      .onConflict((oc) =>
        oc.column('interview_id').doUpdateSet({
          suggestion: scorecard.suggestion,
          overall_score: overall,
          data: JSON.stringify(scorecard),
        }),
      )
      .execute();
    // Each knock-out's typed value goes with the turn that gave it.
    for (const knockout of scorecard.knockouts) {
      if (knockout.turnId === null) continue;
      const kept: TurnKnockout = {
        knockoutId: knockout.id,
        value: knockout.value ?? null,
        ...(knockout.range === undefined ? {} : { range: knockout.range }),
        ...(knockout.unit === undefined ? {} : { unit: knockout.unit }),
        passed: knockout.passed,
      };
      await this.db
        .updateTable('transcript_turns')
        .set({ knockout: JSON.stringify(kept) })
        .where('interview_id', '=', interviewId)
        .where('id', '=', knockout.turnId)
        .execute();
    }
  }

  async findScorecard(interviewId: string): Promise<Scorecard | null> {
    const row = await this.db
      .selectFrom('scorecards')
      .select('data')
      .where('interview_id', '=', interviewId)
      .executeTakeFirst();
    return (row?.data as Scorecard | undefined) ?? null;
  }

  async suppressNumber(
    phoneE164: string,
    interviewId: string | null,
    reason: string,
  ): Promise<void> {
    await this.db
      .insertInto('suppressed_numbers')
      .values({ phone_e164: phoneE164, interview_id: interviewId, reason })
      .onConflict((oc) => oc.column('phone_e164').doNothing())
      .execute();
  }

  async isNumberSuppressed(phoneE164: string, db: Db = this.db): Promise<boolean> {
    const row = await db
      .selectFrom('suppressed_numbers')
      .select('phone_e164')
      .where('phone_e164', '=', phoneE164)
      .executeTakeFirst();
    return row !== undefined;
  }
}

/** The runtime's view of an interview row. */
export function toInterviewRecord(row: {
  id: string;
  job_id: string;
  resume_id: string;
  candidate_id: string;
  mode: string;
  status: string;
  end_reason: string | null;
  phone_e164: string | null;
  timezone: string | null;
  attempt: number;
  room_name: string | null;
  idempotency_key: string | null;
  candidate_token_hash: string;
  engine_state: unknown;
  scheduled_for: Date | null;
  started_at: Date | null;
  ended_at: Date | null;
  created_at: Date;
}): InterviewRecord {
  return {
    id: row.id,
    jobId: row.job_id,
    resumeId: row.resume_id,
    candidateId: row.candidate_id,
    mode: row.mode as Mode,
    status: row.status as InterviewStatus,
    endReason: row.end_reason as EndReason | null,
    phoneE164: row.phone_e164,
    timezone: row.timezone,
    attempt: row.attempt,
    roomName: row.room_name,
    idempotencyKey: row.idempotency_key,
    candidateTokenHash: row.candidate_token_hash,
    engineState: row.engine_state,
    scheduledFor: row.scheduled_for,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
  };
}
