import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { Webhook } from 'standardwebhooks';
import type { JobQueue } from '../queue/job-queue.js';
import { sendWebhookRequest, type WebhookResponse } from './send-webhook-request.js';
import {
  parseWebhookUrl,
  resolveWebhookAddresses,
  WebhookUrlError,
  type HostResolver,
  type WebhookUrlPolicy,
} from './url-guard.js';
import type { Database } from '../db/schema.js';

/** The pg-boss queue of webhook deliveries: one job per attempt. */
export const WEBHOOK_QUEUE = 'webhook-delivery';

export interface DeliveryJob {
  deliveryId: string;
  /** Which attempt this job is; a job for an attempt already made does nothing (at least once, not twice). */
  attempt: number;
}

/** Attempts before a delivery gives up; with the 4 h cap they span more than a day. */
export const MAX_DELIVERY_ATTEMPTS = 18;
const RETRY_CAP_MS = 4 * 60 * 60_000;
/** An endpoint whose every delivery failed for this long is disabled (and the page says so). */
export const DISABLE_AFTER_FAILING_MS = 24 * 60 * 60_000;

export interface DeliveryContext {
  db: Kysely<Database>;
  queue: Pick<JobQueue, 'send'>;
  policy: WebhookUrlPolicy;
  resolver: HostResolver;
  log: FastifyBaseLogger;
  /** The first retry waits this long, each next one twice as long (10 s in production). */
  retryBaseMs: number;
  timeoutMs: number;
  now: () => Date;
}

/** Exponential backoff: base, 2×base, 4×base..., capped at four hours. */
export function retryDelayMs(failedAttempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** (failedAttempt - 1), RETRY_CAP_MS);
}

/** The Standard Webhooks message id of a delivery: the same on every retry, so receivers dedupe. */
export function messageIdOf(deliveryId: string): string {
  return `msg_${deliveryId}`;
}

/**
 * One attempt of one delivery: check the URL again after resolving it (SSRF: the name may point
 * somewhere else now), sign, POST, log the attempt, then mark it delivered or queue the next try.
 */
export async function deliverWebhook(context: DeliveryContext, job: DeliveryJob): Promise<void> {
  const { db } = context;
  const row = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select([
      'd.id',
      'd.status',
      'd.attempts',
      'd.payload',
      'd.event_type',
      'e.id as endpoint_id',
      'e.url',
      'e.secret',
      'e.disabled_at',
    ])
    .where('d.id', '=', job.deliveryId)
    .executeTakeFirst();
  if (row?.status !== 'pending' || row.attempts !== job.attempt - 1) return;
  if (row.disabled_at !== null) {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'canceled', next_attempt_at: null })
      .where('id', '=', row.id)
      .execute();
    return;
  }
  // Claim the attempt: of two jobs for it (a sweep's and the original), one goes ahead. The
  // next-attempt time becomes a lease, so the stalled sweep leaves an attempt in flight alone.
  const lease = new Date(context.now().getTime() + context.timeoutMs);
  const claimed = await db
    .updateTable('webhook_deliveries')
    .set({ attempts: job.attempt, next_attempt_at: lease })
    .where('id', '=', row.id)
    .where('attempts', '=', job.attempt - 1)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  if (claimed === undefined) return;

  const startedAt = Date.now();
  const outcome = await attempt(context, row.url, row.secret, row.id, row.payload);
  const durationMs = Date.now() - startedAt;
  await db
    .insertInto('webhook_attempts')
    .values({
      delivery_id: row.id,
      endpoint_id: row.endpoint_id,
      attempt: job.attempt,
      http_status: outcome.ok ? outcome.httpStatus : null,
      error: outcome.ok
        ? isSuccess(outcome)
          ? null
          : `HTTP ${String(outcome.httpStatus)}`
        : outcome.error,
      duration_ms: durationMs,
    })
    .execute();

  const now = context.now();
  if (isSuccess(outcome)) {
    await db
      .updateTable('webhook_deliveries')
      .set({ status: 'delivered', delivered_at: now })
      .where('id', '=', row.id)
      .execute();
    await db
      .updateTable('webhook_endpoints')
      .set({ failing_since: null })
      .where('id', '=', row.endpoint_id)
      .execute();
    context.log.info(
      { deliveryId: row.id, eventType: row.event_type, attempt: job.attempt },
      'webhook delivered',
    );
    return;
  }

  const failure = outcome.ok ? `HTTP ${String(outcome.httpStatus)}` : outcome.error;
  context.log.warn(
    { deliveryId: row.id, eventType: row.event_type, attempt: job.attempt, failure },
    'webhook delivery failed',
  );
  const endpoint = await db
    .updateTable('webhook_endpoints')
    .set({ failing_since: sql<Date>`coalesce(failing_since, ${now})` })
    .where('id', '=', row.endpoint_id)
    .returning('failing_since')
    .executeTakeFirst();
  const failingSince = endpoint?.failing_since ?? now;
  if (now.getTime() - failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
    await db
      .updateTable('webhook_endpoints')
      .set({
        disabled_at: now,
        disabled_reason: `Every delivery failed for a day (since ${failingSince.toISOString()}); the last one: ${failure}.`,
      })
      .where('id', '=', row.endpoint_id)
      .where('disabled_at', 'is', null)
      .execute();
    await markFailed(db, row.id);
    context.log.warn(
      { endpointId: row.endpoint_id },
      'webhook endpoint disabled after a day of failures',
    );
    return;
  }
  if (job.attempt >= MAX_DELIVERY_ATTEMPTS) {
    await markFailed(db, row.id);
    return;
  }
  const nextAt = new Date(now.getTime() + retryDelayMs(job.attempt, context.retryBaseMs));
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: nextAt })
    .where('id', '=', row.id)
    .execute();
  await context.queue.send(
    WEBHOOK_QUEUE,
    { deliveryId: row.id, attempt: job.attempt + 1 } satisfies DeliveryJob,
    { startAfter: nextAt, singletonKey: `${row.id}:${String(job.attempt + 1)}` },
  );
}

function isSuccess(outcome: WebhookResponse): boolean {
  return outcome.ok && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
}

async function markFailed(db: Kysely<Database>, deliveryId: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null })
    .where('id', '=', deliveryId)
    .execute();
}

async function attempt(
  context: DeliveryContext,
  rawUrl: string,
  secret: string,
  deliveryId: string,
  payload: unknown,
): Promise<WebhookResponse> {
  let url: URL;
  let addresses;
  try {
    url = parseWebhookUrl(rawUrl, context.policy);
    addresses = await resolveWebhookAddresses(url, context.policy, context.resolver);
  } catch (error) {
    if (error instanceof WebhookUrlError) return { ok: false, error: error.message };
    throw error;
  }
  const body = JSON.stringify(payload);
  const messageId = messageIdOf(deliveryId);
  const timestamp = context.now();
  const signature = new Webhook(secret).sign(messageId, timestamp, body);
  return sendWebhookRequest({
    url,
    addresses,
    body,
    timeoutMs: context.timeoutMs,
    headers: {
      'webhook-id': messageId,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    },
  });
}
