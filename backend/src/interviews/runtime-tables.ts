import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables of migration 0002, typed here so the shared schema file stays small. */
// A type, not an interface: Kysely's withTables needs the implicit index signature only types have.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type RuntimeTables = {
  rate_limit_counters: {
    key: string;
    window_start: Timestamp;
    count: ColumnType<number, number | undefined, number>;
    expires_at: Timestamp;
  };
  interview_access_tokens: {
    token_hash: string;
    interview_id: string;
    created_at: Timestamp;
  };
  suppressed_numbers: {
    phone_e164: string;
    reason: string;
    interview_id: string | null;
    created_at: Timestamp;
  };
};

export type RuntimeDatabase = Database & RuntimeTables;

/** The app's query builder with the runtime tables known. */
export function withRuntimeTables(db: Kysely<Database>): Kysely<RuntimeDatabase> {
  return db.withTables<RuntimeTables>();
}
