import { sql, type Kysely } from 'kysely';

/**
 * A knock-out answer's typed value with the turn that gave it (issue 15): the days, the amount,
 * yes or no, as read, beside the words, so the scorecard, the API and the CSV show what was said
 * and not only pass or fail. Null on every other turn.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table transcript_turns add column knockout jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table transcript_turns drop column if exists knockout`.execute(db);
}
