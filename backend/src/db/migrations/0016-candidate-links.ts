import { sql, type Kysely } from 'kysely';

/**
 * The candidate's own link to their call: only the token's SHA-256 is kept, with when it stops
 * working. The candidate token of the start stays what the call page uses; this one is the link
 * they keep after the tab is closed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table candidate_links (
      token_hash text primary key,
      interview_id uuid not null references interviews (id) on delete cascade,
      created_at timestamptz not null default clock_timestamp(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index candidate_links_interview_idx on candidate_links (interview_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('candidate_links').ifExists().execute();
}
