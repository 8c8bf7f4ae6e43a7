import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The stages of a job's screens, in order; each counts applications that got at least that far. */
export const FUNNEL_STAGES = [
  'applied',
  'called',
  'answered',
  'completed',
  'knockouts_passed',
  'advanced',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** How call attempts ended: the reasons a call fails, beside the ones that went through. */
export const CALL_OUTCOMES = [
  'completed',
  'busy',
  'no_answer',
  'voicemail',
  'declined',
  'invalid_number',
  'failed',
  'canceled',
  'opted_out',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface JobFunnel {
  jobId: string;
  from: string;
  to: string;
  stages: { stage: FunnelStage; count: number }[];
  outcomes: { outcome: CallOutcome; count: number }[];
}

/**
 * A job's funnel over the applications made in [from, to): applied → called (a dial went out) →
 * answered (the conversation began) → completed → knock-outs passed (every one, on the scorecard)
 * → advanced (a person's decision). Outcomes count every attempt's end, so retries show too.
 * Counts only: no candidate data leaves this query.
 */
export async function readJobFunnel(
  db: Kysely<Database>,
  jobId: string,
  from: Date,
  to: Date,
): Promise<JobFunnel> {
  const reached = (status: string) =>
    sql<boolean>`exists (select 1 from interview_events e where e.interview_id = i.id and e.type = 'status' and e.status = ${status})`;
  const row = await db
    .selectFrom('interviews as i')
    .leftJoin('scorecards as s', 's.interview_id', 'i.id')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('applied'),
      sql<string | number>`count(*) filter (where ${reached('dialing')})`.as('called'),
      sql<string | number>`count(*) filter (where ${reached('in_progress')})`.as('answered'),
      sql<string | number>`count(*) filter (where ${reached('completed')})`.as('completed'),
      sql<string | number>`count(*) filter (where s.interview_id is not null and not exists (
        select 1 from jsonb_array_elements(coalesce(s.data -> 'knockouts', '[]'::jsonb)) k
        where (k ->> 'passed') is distinct from 'true'))`.as('knockouts_passed'),
      sql<string | number>`count(*) filter (where i.decision = 'advance')`.as('advanced'),
    ])
    .where('i.job_id', '=', jobId)
    .where('i.created_at', '>=', from)
    .where('i.created_at', '<', to)
    .executeTakeFirstOrThrow();

  const outcomeRows = await db
    .selectFrom('interview_events as e')
    .innerJoin('interviews as i', 'i.id', 'e.interview_id')
    .select(['e.status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where('i.job_id', '=', jobId)
    .where('i.created_at', '>=', from)
    .where('i.created_at', '<', to)
    // Every status change is one event with its status set, whichever source wrote it.
    .where('e.status', 'in', CALL_OUTCOMES)
    .groupBy('e.status')
    .execute();
  const outcomeCounts = new Map(outcomeRows.map((r) => [r.status, Number(r.count)]));

  return {
    jobId,
    from: from.toISOString(),
    to: to.toISOString(),
    stages: FUNNEL_STAGES.map((stage) => ({ stage, count: Number(row[stage]) })),
    outcomes: CALL_OUTCOMES.map((outcome) => ({
      outcome,
      count: outcomeCounts.get(outcome) ?? 0,
    })),
  };
}
