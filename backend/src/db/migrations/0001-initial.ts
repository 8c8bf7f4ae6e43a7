import { sql, type Kysely } from 'kysely';

/** The first schema: every table the product needs, with the constraints that keep it honest. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      title text not null,
      company text not null,
      location text not null default '',
      description text not null default '',
      requirements jsonb not null default '[]',
      knockouts jsonb not null default '[]',
      rubric jsonb not null default '[]',
      language text not null default 'en',
      status text not null default 'open' check (status in ('open', 'closed')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index jobs_status_idx on jobs (status, created_at)`.execute(db);

  await sql`
    create table candidates (
      id uuid primary key default gen_random_uuid(),
      name text,
      email text,
      phone_e164 text,
      created_at timestamptz not null default now(),
      erased_at timestamptz
    )`.execute(db);

  await sql`
    create table resumes (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid references candidates (id) on delete set null,
      file_name text not null,
      sha256 text not null unique,
      media_type text not null,
      size_bytes integer not null check (size_bytes >= 0),
      storage_key text not null,
      text text not null,
      parsed jsonb not null,
      warnings jsonb not null default '[]',
      parser_version text not null,
      token_hash text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table interviews (
      id uuid primary key default gen_random_uuid(),
      job_id uuid not null references jobs (id),
      candidate_id uuid not null references candidates (id) on delete cascade,
      resume_id uuid not null references resumes (id) on delete cascade,
      mode text not null check (mode in ('phone', 'web', 'simulated')),
      status text not null,
      end_reason text,
      phone_e164 text not null,
      timezone text,
      attempt integer not null default 1,
      room_name text unique,
      idempotency_key text unique,
      candidate_token_hash text not null,
      engine_state jsonb,
      scheduled_for timestamptz,
      started_at timestamptz,
      ended_at timestamptz,
      decision text check (decision in ('advance', 'reject')),
      decided_by uuid,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index interviews_job_status_idx on interviews (job_id, status)`.execute(db);
  await sql`create index interviews_created_idx on interviews (created_at desc)`.execute(db);
  await sql`create index interviews_resume_job_idx on interviews (resume_id, job_id)`.execute(db);

  await sql`
    create table interview_events (
      id uuid primary key default gen_random_uuid(),
      interview_id uuid not null references interviews (id) on delete cascade,
      type text not null,
      status text,
      data jsonb not null default '{}',
      external_id text unique,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index interview_events_interview_idx on interview_events (interview_id, created_at)`.execute(
    db,
  );

  await sql`
    create table transcript_turns (
      id text primary key,
      interview_id uuid not null references interviews (id) on delete cascade,
      seq integer not null,
      speaker text not null check (speaker in ('agent', 'candidate')),
      text text not null,
      started_at timestamptz not null default clock_timestamp(),
      ended_at timestamptz,
      metrics jsonb,
      created_at timestamptz not null default clock_timestamp(),
      unique (interview_id, seq)
    )`.execute(db);

  await sql`
    create table scorecards (
      interview_id uuid primary key references interviews (id) on delete cascade,
      suggestion text not null check (suggestion in ('advance', 'review', 'decline_suggested')),
      overall_score double precision,
      data jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table consents (
      id uuid primary key default gen_random_uuid(),
      interview_id uuid references interviews (id) on delete cascade,
      candidate_id uuid not null references candidates (id) on delete cascade,
      phone_e164 text not null,
      text_version text not null,
      text_hash text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      role text not null default 'recruiter' check (role in ('admin', 'recruiter')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_idx on users (lower(email))`.execute(db);

  await sql`
    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sessions',
    'users',
    'consents',
    'scorecards',
    'transcript_turns',
    'interview_events',
    'interviews',
    'resumes',
    'candidates',
    'jobs',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
