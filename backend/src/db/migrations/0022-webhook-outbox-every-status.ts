import { sql, type Kysely } from 'kysely';

/**
 * Every status change enters the webhook outbox, whoever wrote it. 0013 matched only events of type
 * `status`, which simulated calls wrote; a phone call's end recorded under what happened
 * (`agent_ended`, `candidate_left`, `dial_failed`...) never reached an ATS.
 */
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

export async function up(db: Kysely<unknown>): Promise<void> {
  const statuses = WEBHOOK_STATUSES.map((status) => `'${status}'`).join(', ');
  await sql`drop trigger if exists interview_events_webhook_outbox on interview_events`.execute(db);
  await sql
    .raw(
      `create trigger interview_events_webhook_outbox after insert on interview_events
      for each row when (new.type = 'decision' or new.status in (${statuses}))
      execute function screenline_webhook_outbox()`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statuses = WEBHOOK_STATUSES.map((status) => `'${status}'`).join(', ');
  await sql`drop trigger if exists interview_events_webhook_outbox on interview_events`.execute(db);
  await sql
    .raw(
      `create trigger interview_events_webhook_outbox after insert on interview_events
      for each row when (new.type = 'decision' or (new.type = 'status' and new.status in (${statuses})))
      execute function screenline_webhook_outbox()`,
    )
    .execute(db);
}
