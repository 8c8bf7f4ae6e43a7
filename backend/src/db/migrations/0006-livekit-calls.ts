import { sql, type Kysely } from 'kysely';

/**
 * What following a LiveKit call needs on the interview: the agent's per-interview token (hash and
 * expiry), the recording's location from `egress_ended`, and the last dial outcome for retries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table interviews
      add column agent_token_hash text,
      add column agent_token_expires_at timestamptz,
      add column recording_location text,
      add column egress_id text,
      add column last_outcome text`.execute(db);
  await sql`create index interviews_in_flight_idx on interviews (status, updated_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists interviews_in_flight_idx`.execute(db);
  await sql`
    alter table interviews
      drop column if exists agent_token_hash,
      drop column if exists agent_token_expires_at,
      drop column if exists recording_location,
      drop column if exists egress_id,
      drop column if exists last_outcome`.execute(db);
}
