import { sql, type Kysely } from 'kysely';

/** Interview events that become webhook events; everything else never enters the outbox. */
const WEBHOOK_STATUSES = [
  'completed',
  'evaluated',
  'scheduled',
  'no_answer',
  'busy',
  'declined',
  'invalid_number',
  'voicemail',
  'failed',
  'canceled',
  'opted_out',
];

/**
 * Outbound webhooks for an ATS: endpoints, one delivery per (event, endpoint) with the exact body
 * sent (so every retry carries the same `webhook-id` and payload), and each attempt's outcome.
 * A trigger copies qualifying interview_events into an outbox in the same transaction as the
 * status change, so no event is lost between the change and its delivery, whatever code path
 * moved the interview.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_endpoints (
      id uuid primary key default gen_random_uuid(),
      url text not null,
      events jsonb not null,
      secret text not null,
      include_transcript boolean not null default false,
      include_resume_text boolean not null default false,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default clock_timestamp(),
      failing_since timestamptz,
      disabled_at timestamptz,
      disabled_reason text
    )`.execute(db);

  await sql`
    create table webhook_outbox (
      event_id uuid primary key references interview_events (id) on delete cascade,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index webhook_outbox_created_idx on webhook_outbox (created_at)`.execute(db);
  await sql
    .raw(
      `create function screenline_webhook_outbox() returns trigger language plpgsql as $$
      begin
        insert into webhook_outbox (event_id) values (new.id);
        return new;
      end $$`,
    )
    .execute(db);
  const statuses = WEBHOOK_STATUSES.map((status) => `'${status}'`).join(', ');
  await sql
    .raw(
      `create trigger interview_events_webhook_outbox after insert on interview_events
      for each row when (new.type = 'decision' or (new.type = 'status' and new.status in (${statuses})))
      execute function screenline_webhook_outbox()`,
    )
    .execute(db);

  // interview_id cascades: erasing a candidate also erases the copies of their data sent out.
  await sql`
    create table webhook_deliveries (
      id uuid primary key default gen_random_uuid(),
      endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
      event_id uuid not null,
      interview_id uuid not null references interviews (id) on delete cascade,
      event_type text not null,
      payload jsonb not null,
      status text not null default 'pending'
        check (status in ('pending', 'delivered', 'failed', 'canceled')),
      attempts integer not null default 0,
      next_attempt_at timestamptz,
      created_at timestamptz not null default clock_timestamp(),
      delivered_at timestamptz,
      unique (endpoint_id, event_id, event_type)
    )`.execute(db);
  await sql`create index webhook_deliveries_pending_idx on webhook_deliveries (status, next_attempt_at)`.execute(
    db,
  );

  await sql`
    create table webhook_attempts (
      id uuid primary key default gen_random_uuid(),
      delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
      endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
      attempt integer not null,
      http_status integer,
      error text,
      duration_ms integer not null,
      created_at timestamptz not null default clock_timestamp()
    )`.execute(db);
  await sql`create index webhook_attempts_endpoint_idx on webhook_attempts (endpoint_id, created_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists interview_events_webhook_outbox on interview_events`.execute(db);
  await sql`drop function if exists screenline_webhook_outbox()`.execute(db);
  for (const table of [
    'webhook_attempts',
    'webhook_deliveries',
    'webhook_outbox',
    'webhook_endpoints',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
