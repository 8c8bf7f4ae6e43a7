import { sql, type Kysely } from 'kysely';

/**
 * Team accounts and the audit log. An invitation is a one-time link an administrator passes on
 * (no mail server needed): only its token's SHA-256 is kept. The audit log records who did what
 * with ids only (no candidate names, emails, phones or text), and keeps its rows when an account
 * goes, so actor ids have no foreign key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_invitations (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      role text not null check (role in ('admin', 'recruiter')),
      token_hash text not null unique,
      invited_by uuid references users (id) on delete set null,
      created_at timestamptz not null default clock_timestamp(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index user_invitations_email_idx on user_invitations (lower(email))`.execute(db);

  await sql`
    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      action text not null,
      actor_id uuid,
      api_key_id uuid,
      target_type text,
      target_id text,
      details jsonb not null default '{}',
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index audit_log_created_idx on audit_log (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
  await db.schema.dropTable('user_invitations').ifExists().execute();
}
