import { sql, type Kysely } from 'kysely';

/**
 * One call per (resume, job) counts a scheduled one too: a callback or a call deferred to calling
 * hours is as pending as one that rings, and a second click must not add a second call (REL-3).
 * Callbacks dial again on the same row, so the index never blocks them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists interviews_one_active_idx`.execute(db);
  await sql`
    create unique index interviews_one_active_idx on interviews (resume_id, job_id)
    where status in ('scheduled', 'dialing', 'ringing', 'in_progress')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists interviews_one_active_idx`.execute(db);
  await sql`
    create unique index interviews_one_active_idx on interviews (resume_id, job_id)
    where status in ('dialing', 'ringing', 'in_progress')`.execute(db);
}
