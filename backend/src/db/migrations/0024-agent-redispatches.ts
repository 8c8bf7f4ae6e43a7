import { sql, type Kysely } from 'kysely';

/**
 * REL-5: how many times the backend sent a new agent into the current attempt's call after the
 * last one was lost (its job process died; LiveKit does not re-dispatch while the worker lives).
 * Counted on the row, under the lifecycle's lock, so two deliveries of one webhook dispatch once
 * and a call is never sent more agents than the lifecycle allows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table interviews add column agent_redispatches integer not null default 0`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table interviews drop column if exists agent_redispatches`.execute(db);
}
