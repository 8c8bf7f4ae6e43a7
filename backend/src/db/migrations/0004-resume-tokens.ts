import { sql, type Kysely } from 'kysely';

/**
 * More than one candidate token per resume: the same file uploaded again answers with the same
 * resume and a new token, and the first uploader's token must keep working.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table resume_tokens (
      token_hash text primary key,
      resume_id uuid not null references resumes (id) on delete cascade,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index resume_tokens_resume_idx on resume_tokens (resume_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('resume_tokens').ifExists().execute();
}
