import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isUuid } from '../db/repositories/jobs-repository.js';
import type { WebhookEventType } from './webhook-events.js';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  includeTranscript: boolean;
  includeResumeText: boolean;
  createdAt: string;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
}

/** One logged attempt, for the Settings page. */
export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  eventType: string;
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
function createSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const ENDPOINT_COLUMNS = [
  'id',
  'url',
  'events',
  'include_transcript',
  'include_resume_text',
  'created_at',
  'failing_since',
  'disabled_at',
  'disabled_reason',
] as const;

/** Webhook endpoints and their attempt log. */
export class WebhookEndpointsRepository {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Adds an endpoint; the secret is returned here once and never shown again. */
  async create(input: {
    url: string;
    events: WebhookEventType[];
    includeTranscript: boolean;
    includeResumeText: boolean;
    createdBy: string;
  }): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const secret = createSigningSecret();
    const row = await this.db
      .insertInto('webhook_endpoints')
      .values({
        url: input.url,
        events: JSON.stringify(input.events),
        secret,
        include_transcript: input.includeTranscript,
        include_resume_text: input.includeResumeText,
        created_by: input.createdBy,
      })
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirstOrThrow();
    return { endpoint: toEndpoint(row), secret };
  }

  async list(): Promise<WebhookEndpoint[]> {
    const rows = await this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .orderBy('created_at')
      .execute();
    return rows.map(toEndpoint);
  }

  async find(id: string): Promise<WebhookEndpoint | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toEndpoint(row);
  }

  /** Removes an endpoint with its deliveries and attempts; false when there was none. */
  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const row = await this.db
      .deleteFrom('webhook_endpoints')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Turns a disabled endpoint back on; its failure clock starts again. */
  async enable(id: string): Promise<WebhookEndpoint | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set({ disabled_at: null, disabled_reason: null, failing_since: null })
      .where('id', '=', id)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst();
    return row === undefined ? undefined : toEndpoint(row);
  }

  /** The latest attempts of an endpoint, newest first. */
  async attempts(endpointId: string, limit: number): Promise<WebhookAttempt[]> {
    const rows = await this.db
      .selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select([
        'a.id',
        'a.delivery_id',
        'd.event_type',
        'a.attempt',
        'a.http_status',
        'a.error',
        'a.duration_ms',
        'a.created_at',
      ])
      .where('a.endpoint_id', '=', endpointId)
      .orderBy('a.created_at', 'desc')
      .orderBy('a.attempt', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      deliveryId: row.delivery_id,
      eventType: row.event_type,
      attempt: row.attempt,
      httpStatus: row.http_status,
      error: row.error,
      durationMs: row.duration_ms,
      createdAt: row.created_at.toISOString(),
    }));
  }
}

function toEndpoint(row: {
  id: string;
  url: string;
  events: string[];
  include_transcript: boolean;
  include_resume_text: boolean;
  created_at: Date;
  failing_since: Date | null;
  disabled_at: Date | null;
  disabled_reason: string | null;
}): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    includeTranscript: row.include_transcript,
    includeResumeText: row.include_resume_text,
    createdAt: row.created_at.toISOString(),
    failingSince: row.failing_since?.toISOString() ?? null,
    disabledAt: row.disabled_at?.toISOString() ?? null,
    disabledReason: row.disabled_reason,
  };
}
