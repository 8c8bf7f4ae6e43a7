import type { ColumnType, Kysely } from 'kysely';
import type { Database, InterviewsTable } from '../db/schema.js';

type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** Columns migration 0006 adds to interviews for following LiveKit calls. */
export interface CallColumns {
  agent_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  agent_token_expires_at: NullableTimestamp;
  recording_location: ColumnType<string | null, string | null | undefined, string | null>;
  egress_id: ColumnType<string | null, string | null | undefined, string | null>;
  last_outcome: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CallDatabase = Omit<Database, 'interviews'> & {
  interviews: InterviewsTable & CallColumns;
};

/** The same connection, typed with the interview columns this area owns. */
export function withCallColumns(db: Kysely<Database>): Kysely<CallDatabase> {
  return db as unknown as Kysely<CallDatabase>;
}
