import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { UserRole } from './users-repository.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** Tables of migration 0015: invitations and the audit log. */
// A type, not an interface: Kysely's withTables needs the implicit index signature only types have.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type TeamTables = {
  user_invitations: {
    id: Generated<string>;
    email: string;
    role: UserRole;
    token_hash: string;
    invited_by: string | null;
    created_at: Timestamp;
    expires_at: Timestamp;
    accepted_at: NullableTimestamp;
    revoked_at: NullableTimestamp;
  };
  audit_log: {
    id: Generated<string>;
    action: string;
    actor_id: string | null;
    api_key_id: string | null;
    target_type: string | null;
    target_id: string | null;
    details: ColumnType<Record<string, unknown>, string | undefined, string>;
    created_at: Timestamp;
  };
};

export type TeamDatabase = Database & TeamTables;

export function withTeamTables(db: Kysely<Database>): Kysely<TeamDatabase> {
  return db.withTables<TeamTables>();
}
