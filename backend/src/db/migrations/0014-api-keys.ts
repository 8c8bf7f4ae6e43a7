import { sql, type Kysely } from 'kysely';

/**
 * API keys for machine access (an ATS reading results): only the SHA-256 of a key is kept, with a
 * short prefix to tell keys apart on the page. A key belongs to the administrator who made it and
 * goes with their account; revoking keeps the row, so the list shows what was revoked and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      scope text not null check (scope in ('read', 'write')),
      key_hash text not null unique,
      key_prefix text not null,
      created_by uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default clock_timestamp(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('api_keys').ifExists().execute();
}
