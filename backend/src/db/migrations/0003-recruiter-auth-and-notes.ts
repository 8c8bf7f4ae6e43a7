import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-ins (for throttling per account and per IP, shared by every replica through the
 * database) and the recruiters' notes on an interview.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sign_in_failures (
      id uuid primary key default gen_random_uuid(),
      key text not null,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index sign_in_failures_key_idx on sign_in_failures (key, created_at)`.execute(
    db,
  );

  await sql`
    create table interview_notes (
      id uuid primary key default gen_random_uuid(),
      interview_id uuid not null references interviews (id) on delete cascade,
      author_id uuid references users (id) on delete set null,
      text text not null,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index interview_notes_interview_idx on interview_notes (interview_id, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interview_notes').ifExists().execute();
  await db.schema.dropTable('sign_in_failures').ifExists().execute();
}
