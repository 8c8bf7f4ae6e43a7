import { sql, type Kysely } from 'kysely';

/**
 * LAW-6: what was erased, when and why, with no personal data: the subject is an opaque id, the
 * details are counts. Kept after the candidate's rows are gone, as the proof the request was met.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table privacy_audit (
      id uuid primary key default gen_random_uuid(),
      action text not null,
      subject_id uuid,
      reason text not null check (reason in ('request', 'retention')),
      actor_id uuid,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index privacy_audit_created_idx on privacy_audit (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists privacy_audit`.execute(db);
}
