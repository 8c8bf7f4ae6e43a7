import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
type Json<T> = ColumnType<T, string, string>;

/** Tables of migration 0013 (outbound webhooks), typed here so the shared schema stays small. */
// A type, not an interface: Kysely's withTables needs the implicit index signature only types have.
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions
export type WebhookTables = {
  webhook_endpoints: {
    id: Generated<string>;
    url: string;
    events: Json<string[]>;
    /** The signing secret (`whsec_...`); kept readable because every delivery is signed with it. */
    secret: string;
    include_transcript: ColumnType<boolean, boolean | undefined, boolean>;
    include_resume_text: ColumnType<boolean, boolean | undefined, boolean>;
    created_by: string | null;
    created_at: Timestamp;
    failing_since: NullableTimestamp;
    disabled_at: NullableTimestamp;
    disabled_reason: string | null;
  };
  webhook_outbox: {
    event_id: string;
    created_at: Timestamp;
  };
  webhook_deliveries: {
    id: Generated<string>;
    endpoint_id: string;
    event_id: string;
    interview_id: string;
    event_type: string;
    payload: Json<unknown>;
    status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
    attempts: ColumnType<number, number | undefined, number>;
    next_attempt_at: NullableTimestamp;
    created_at: Timestamp;
    delivered_at: NullableTimestamp;
  };
  webhook_attempts: {
    id: Generated<string>;
    delivery_id: string;
    endpoint_id: string;
    attempt: number;
    http_status: number | null;
    error: string | null;
    duration_ms: number;
    created_at: Timestamp;
  };
};

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'canceled';

export type WebhookDatabase = Database & WebhookTables;

/** The app's query builder with the webhook tables known. */
export function withWebhookTables(db: Kysely<Database>): Kysely<WebhookDatabase> {
  return db.withTables<WebhookTables>();
}
