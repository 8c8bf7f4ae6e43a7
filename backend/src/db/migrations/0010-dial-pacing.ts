import { sql, type Kysely } from 'kysely';

/**
 * LOAD-2 across replicas: the next free dial slot of each trunk, shared by every server, so the
 * carrier's calls-per-second limit holds however many replicas dial.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table dial_pacing (
      trunk_id text primary key,
      next_slot_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists dial_pacing`.execute(db);
}
