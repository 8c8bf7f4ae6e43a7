import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Tables added by migration 0003: failed sign-ins and recruiters' notes. */
// A type alias, not an interface: Kysely's `withTables` needs an index-compatible record.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type RecruiterTables = {
  sign_in_failures: {
    id: Generated<string>;
    key: string;
    created_at: Timestamp;
  };
  interview_notes: {
    id: Generated<string>;
    interview_id: string;
    author_id: string | null;
    text: string;
    created_at: Timestamp;
  };
};

export type RecruiterDatabase = Database & RecruiterTables;

/** The same connection, typed with the tables this area owns. */
export function withRecruiterTables(db: Kysely<Database>): Kysely<RecruiterDatabase> {
  return db.withTables<RecruiterTables>();
}
