import { sql, type Kysely } from 'kysely';

/**
 * What a live screen needs beyond the first schema: one active call per (resume, job) enforced by
 * the database, rate-limit counters shared by every replica, extra candidate tokens (an idempotent
 * replay hands out a new one), and numbers that asked never to be called again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unique index interviews_one_active_idx on interviews (resume_id, job_id)
    where status in ('dialing', 'ringing', 'in_progress')`.execute(db);

  await sql`
    create table rate_limit_counters (
      key text not null,
      window_start timestamptz not null,
      count integer not null default 0,
      expires_at timestamptz not null,
      primary key (key, window_start)
    )`.execute(db);
  await sql`create index rate_limit_counters_expires_idx on rate_limit_counters (expires_at)`.execute(
    db,
  );

  await sql`
    create table interview_access_tokens (
      token_hash text primary key,
      interview_id uuid not null references interviews (id) on delete cascade,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index interview_access_tokens_interview_idx on interview_access_tokens (interview_id)`.execute(
    db,
  );

  await sql`
    create table suppressed_numbers (
      phone_e164 text primary key,
      reason text not null,
      interview_id uuid references interviews (id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists interviews_one_active_idx`.execute(db);
  for (const table of ['suppressed_numbers', 'interview_access_tokens', 'rate_limit_counters']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
