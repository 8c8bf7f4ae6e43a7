import { PENDING_INTERVIEW_STATUSES, type Job } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database } from '../schema.js';
import { toInterviewRecord, type InterviewRecord } from './interview-store.js';
import { isUuid, toJob } from './jobs-repository.js';

/** Everything "Call Me Now" checks before it writes, as one snapshot. */
export interface StartContext {
  /** The interview this Idempotency-Key already started, if any. */
  byIdempotencyKey: InterviewRecord | undefined;
  /** The call still to come or under way for this application (resume and job), if any. */
  pending: InterviewRecord | undefined;
  job: Job | undefined;
  resume: { id: string; candidate_id: string | null; parsed: unknown } | undefined;
  /** LAW-3: the number asked never to be called again. */
  isNumberSuppressed: boolean;
}

/** Never a row's id (ids are random v4 UUIDs): what a malformed id is looked up as. */
const NO_ROW = '00000000-0000-0000-0000-000000000000';

/**
 * Reads what the start needs in one statement instead of five: under load every round trip costs
 * CPU on both sides of the socket (PGlite: on the one thread), and the start is CPU bound.
 */
export async function readStartContext(
  db: Kysely<Database>,
  input: {
    jobId: string;
    resumeId: string;
    /** Null on a web start without a number: nothing to check against the suppression list. */
    phoneE164: string | null;
    idempotencyKey: string | undefined;
  },
): Promise<StartContext> {
  const jobId = isUuid(input.jobId) ? input.jobId : NO_ROW;
  const resumeId = isUuid(input.resumeId) ? input.resumeId : NO_ROW;
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('interviews')
          .selectAll()
          .where((where) =>
            where.or([
              input.idempotencyKey === undefined
                ? sql<boolean>`false`
                : where('idempotency_key', '=', input.idempotencyKey),
              where.and([
                where('resume_id', '=', resumeId),
                where('job_id', '=', jobId),
                where('status', 'in', PENDING_INTERVIEW_STATUSES),
              ]),
            ]),
          ),
      ).as('interviews'),
      jsonObjectFrom(eb.selectFrom('jobs').selectAll().where('id', '=', jobId)).as('job'),
      jsonObjectFrom(
        eb
          .selectFrom('resumes')
          .select(['id', 'candidate_id', 'parsed'])
          .where('id', '=', resumeId),
      ).as('resume'),
      eb
        .exists(
          eb
            .selectFrom('suppressed_numbers')
            .select('phone_e164')
            // No number (a web start): '' is never a stored E.164 number, so nothing matches.
            .where('phone_e164', '=', input.phoneE164 ?? ''),
        )
        .as('is_suppressed'),
    ])
    .executeTakeFirstOrThrow();
  // JSON carries times as text: they become Dates again here, as the driver would make them.
  const interviews = row.interviews.map((interview) =>
    toInterviewRecord({
      ...interview,
      scheduled_for: toDate(interview.scheduled_for),
      started_at: toDate(interview.started_at),
      ended_at: toDate(interview.ended_at),
      created_at: new Date(interview.created_at),
    }),
  );
  const job = row.job;
  return {
    byIdempotencyKey:
      input.idempotencyKey === undefined
        ? undefined
        : interviews.find((interview) => interview.idempotencyKey === input.idempotencyKey),
    pending: interviews.find(
      (interview) =>
        interview.resumeId === resumeId &&
        interview.jobId === jobId &&
        (PENDING_INTERVIEW_STATUSES as readonly string[]).includes(interview.status),
    ),
    job:
      job === null
        ? undefined
        : toJob({
            ...job,
            created_at: new Date(job.created_at),
            updated_at: new Date(job.updated_at),
          }),
    resume: row.resume ?? undefined,
    isNumberSuppressed: Boolean(row.is_suppressed),
  };
}

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
