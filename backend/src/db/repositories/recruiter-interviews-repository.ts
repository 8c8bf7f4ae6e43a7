import {
  ZDecision,
  ZInterviewStatus,
  ZScorecard,
  ZTurnKnockout,
  type Decision,
  type InterviewReview,
  type InterviewSort,
  type InterviewStatus,
  type InterviewSummary,
  type Scorecard,
} from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import { isUuid } from './jobs-repository.js';
import type { Database } from '../schema.js';

export interface InterviewFilters {
  jobId?: string | undefined;
  status?: InterviewStatus | undefined;
  q?: string | undefined;
  sort: InterviewSort;
}

const ZSuggestion = ZScorecard.shape.suggestion;

/** What the recruiter reads about interviews: lists, the full review, decisions and notes. */
export class RecruiterInterviewsRepository {
  /** The recruiter's tables, and the interview columns of the telephony area (the recording). */
  private readonly db: Kysely<Database>;

  /** `hasRecordings`: recordings can be played here (`RECORDING_*` is set). */
  constructor(
    db: Kysely<Database>,
    private readonly options: { hasRecordings: boolean } = { hasRecordings: false },
  ) {
    this.db = db;
  }

  /** One page of interviews matching the filters, and how many match in all. */
  async list(
    filters: InterviewFilters,
    page: { limit: number; offset: number },
  ): Promise<{ interviews: InterviewSummary[]; total: number }> {
    const base = this.filtered(filters);
    const { total } = await base
      .select((eb) => eb.fn.countAll<string | number>().as('total'))
      .executeTakeFirstOrThrow();
    const rows = await this.ordered(this.withSummaryColumns(base), filters.sort)
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { interviews: rows.map(toSummary), total: Number(total) };
  }

  /** Every interview matching the filters, up to `limit` (the CSV export). */
  async listAll(filters: InterviewFilters, limit: number): Promise<InterviewSummary[]> {
    const rows = await this.ordered(this.withSummaryColumns(this.filtered(filters)), filters.sort)
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  async exists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const row = await this.db
      .selectFrom('interviews')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The whole interview as the recruiter reviews it, or undefined when there is none. */
  async review(id: string): Promise<InterviewReview | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .selectFrom('interviews as i')
      .innerJoin('jobs as j', 'j.id', 'i.job_id')
      .innerJoin('candidates as c', 'c.id', 'i.candidate_id')
      .leftJoin('resumes as r', 'r.id', 'i.resume_id')
      .leftJoin('users as u', 'u.id', 'i.decided_by')
      .leftJoin('scorecards as s', 's.interview_id', 'i.id')
      .select([
        'i.id',
        'i.status',
        'i.mode',
        'i.end_reason',
        'i.phone_e164',
        'i.created_at',
        'i.started_at',
        'i.ended_at',
        'i.decision',
        'i.decided_at',
        'i.recording_location',
        'u.name as decided_by_name',
        'c.id as candidate_id',
        'c.email',
        'j.id as job_id',
        'j.title as job_title',
        'j.knockouts',
        'j.rubric',
        's.data as scorecard',
        's.overall_score',
      ])
      .select(candidateNameSql().as('candidate_name'))
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;

    const [events, turns, notes] = await Promise.all([
      this.db
        .selectFrom('interview_events')
        .select(['id', 'type', 'status', 'data', 'created_at'])
        .where('interview_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('transcript_turns')
        .select(['id', 'seq', 'speaker', 'text', 'started_at', 'ended_at', 'metrics', 'knockout'])
        .where('interview_id', '=', id)
        .orderBy('seq')
        .execute(),
      this.db
        .selectFrom('interview_notes as n')
        .leftJoin('users as u', 'u.id', 'n.author_id')
        .select(['n.id', 'n.text', 'n.created_at', 'u.name as author_name'])
        .where('n.interview_id', '=', id)
        .orderBy('n.created_at')
        .execute(),
    ]);

    const decision = ZDecision.safeParse(row.decision);
    return {
      interview: {
        id: row.id,
        status: ZInterviewStatus.catch('failed').parse(row.status),
        mode: row.mode,
        endReason: row.end_reason,
        phone: row.phone_e164,
        createdAt: row.created_at.toISOString(),
        startedAt: row.started_at?.toISOString() ?? null,
        endedAt: row.ended_at?.toISOString() ?? null,
        recordingUrl:
          this.options.hasRecordings && row.recording_location !== null
            ? `/api/interviews/${row.id}/recording`
            : null,
      },
      candidate: { id: row.candidate_id, name: row.candidate_name, email: row.email },
      job: { id: row.job_id, title: row.job_title, knockouts: row.knockouts, rubric: row.rubric },
      timeline: events.map((event) => ({
        id: event.id,
        type: event.type,
        status: event.status,
        data: event.data,
        at: event.created_at.toISOString(),
      })),
      transcript: turns.map((turn) => ({
        id: turn.id,
        seq: turn.seq,
        speaker: turn.speaker,
        text: turn.text,
        startedAt: turn.started_at.toISOString(),
        endedAt: turn.ended_at?.toISOString() ?? null,
        metrics: turn.metrics,
        knockout: ZTurnKnockout.nullable().catch(null).parse(turn.knockout),
      })),
      scorecard: toScorecard(row.scorecard, row.overall_score),
      decision:
        decision.success && row.decided_at !== null
          ? {
              decision: decision.data,
              decidedBy: row.decided_by_name ?? null,
              decidedAt: row.decided_at.toISOString(),
            }
          : null,
      notes: notes.map((note) => ({
        id: note.id,
        text: note.text,
        authorName: note.author_name ?? null,
        at: note.created_at.toISOString(),
      })),
    };
  }

  /** Where egress saved the call's audio, when it did. */
  async recordingLocation(id: string): Promise<string | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .selectFrom('interviews')
      .select('recording_location')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.recording_location ?? undefined;
  }

  /** Records a person's decision, who made it and when, in the row and in the audit trail. */
  async decide(id: string, decision: Decision, userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const now = new Date();
      await trx
        .updateTable('interviews')
        .set({ decision, decided_by: userId, decided_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('interview_events')
        .values({
          interview_id: id,
          type: 'decision',
          status: null,
          data: JSON.stringify({ decision, decidedBy: userId }),
        })
        .execute();
    });
  }

  async addNote(id: string, text: string, authorId: string): Promise<void> {
    await this.db
      .insertInto('interview_notes')
      .values({ interview_id: id, text, author_id: authorId })
      .execute();
  }

  private filtered(filters: InterviewFilters) {
    let query = this.db
      .selectFrom('interviews as i')
      .innerJoin('jobs as j', 'j.id', 'i.job_id')
      .innerJoin('candidates as c', 'c.id', 'i.candidate_id')
      .leftJoin('resumes as r', 'r.id', 'i.resume_id')
      .leftJoin('scorecards as s', 's.interview_id', 'i.id');
    if (filters.jobId !== undefined) query = query.where('i.job_id', '=', filters.jobId);
    if (filters.status !== undefined) query = query.where('i.status', '=', filters.status);
    if (filters.q !== undefined && filters.q !== '') {
      const pattern = `%${filters.q.replaceAll(/[\\%_]/g, (match) => `\\${match}`)}%`;
      query = query.where((eb) =>
        eb.or([
          eb(candidateNameSql(), 'ilike', pattern),
          eb('c.email', 'ilike', pattern),
          eb('i.phone_e164', 'ilike', pattern),
          // A web call has no number; the one the candidate left as contact data still finds it.
          eb('c.phone_e164', 'ilike', pattern),
        ]),
      );
    }
    return query;
  }

  private withSummaryColumns(query: ReturnType<RecruiterInterviewsRepository['filtered']>) {
    return query
      .select([
        'i.id',
        'i.job_id',
        'j.title as job_title',
        'i.status',
        'i.mode',
        'i.decision',
        'i.created_at',
        's.overall_score',
        's.suggestion',
        's.data as scorecard',
      ])
      .select(candidateNameSql().as('candidate_name'));
  }

  private ordered(query: SummaryQuery, sort: InterviewSort): SummaryQuery {
    switch (sort) {
      case 'oldest':
        return query.orderBy('i.created_at', 'asc').orderBy('i.id');
      case 'score_desc':
        return query.orderBy(sql`s.overall_score desc nulls last`).orderBy('i.created_at', 'desc');
      case 'score_asc':
        return query.orderBy(sql`s.overall_score asc nulls last`).orderBy('i.created_at', 'desc');
      case 'name':
        return query.orderBy(sql`lower(${candidateNameSql()})`).orderBy('i.created_at', 'desc');
      case 'newest':
        return query.orderBy('i.created_at', 'desc').orderBy('i.id');
    }
  }
}

type SummaryQuery = ReturnType<RecruiterInterviewsRepository['withSummaryColumns']>;

/** The candidate's display name: the one given, else the parsed resume's, else a placeholder. */
function candidateNameSql() {
  return sql<string>`coalesce(nullif(c.name, ''), nullif(r.parsed->>'name', ''), 'Unnamed candidate')`;
}

function toSummary(row: {
  id: string;
  job_id: string;
  job_title: string;
  status: string;
  mode: string;
  decision: string | null;
  created_at: Date;
  overall_score: number | null;
  suggestion: string | null;
  candidate_name: string;
  scorecard?: unknown;
}): InterviewSummary {
  const scorecard = ZScorecard.safeParse(row.scorecard);
  return {
    id: row.id,
    candidateName: row.candidate_name,
    jobId: row.job_id,
    jobTitle: row.job_title,
    status: ZInterviewStatus.catch('failed').parse(row.status),
    mode: row.mode,
    overallScore: row.overall_score,
    suggestion: ZSuggestion.nullable().catch(null).parse(row.suggestion),
    decision: ZDecision.nullable().catch(null).parse(row.decision),
    createdAt: row.created_at.toISOString(),
    ...(scorecard.success
      ? {
          knockouts: scorecard.data.knockouts.map((knockout) => ({
            knockoutId: knockout.id,
            value: knockout.value ?? null,
            ...(knockout.range === undefined ? {} : { range: knockout.range }),
            ...(knockout.unit === undefined ? {} : { unit: knockout.unit }),
            passed: knockout.passed,
          })),
        }
      : {}),
  };
}

function toScorecard(
  data: unknown,
  overallScore: number | null,
): (Scorecard & { overallScore: number | null }) | null {
  if (data === null || data === undefined) return null;
  const parsed = ZScorecard.safeParse(data);
  return parsed.success ? { ...parsed.data, overallScore } : null;
}
