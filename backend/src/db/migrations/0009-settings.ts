import { sql, type Kysely } from 'kysely';

/**
 * Operator settings that must change at run time and hold in every replica at once, such as the
 * FR-6 kill switch: one row per key, read where it matters (just before a dial).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table settings (
      key text primary key,
      value jsonb not null,
      updated_by uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists settings`.execute(db);
}
