import { sql, type Kysely } from 'kysely';
import type { JobQueue } from '../queue/job-queue.js';
import { WEBHOOK_QUEUE, type DeliveryJob } from './deliver-webhook.js';
import {
  buildWebhookPayload,
  readInterviewFacts,
  webhookEventTypesFor,
  type SourceEvent,
} from './webhook-events.js';
import type { Database } from '../db/schema.js';

/** Outbox rows handled per pass; the next pass takes the rest. */
const BATCH_SIZE = 100;
/** A pending delivery with no attempt for this long lost its job (a crash after it was written). */
const STALLED_AFTER_MS = 5 * 60_000;

/**
 * Turns the outbox (interview events copied by the trigger) into deliveries, one per subscribed
 * endpoint and event type, and queues their first attempt. Safe to run in every replica at once:
 * a delivery is unique per (endpoint, event, type), and only the replica that wrote it queues it.
 * An outbox row is removed only after its deliveries are queued, so a crash means a retry, not a loss.
 */
export async function drainWebhookOutbox(
  db: Kysely<Database>,
  queue: Pick<JobQueue, 'send'>,
): Promise<number> {
  const rows = await db
    .selectFrom('webhook_outbox as o')
    .innerJoin('interview_events as e', 'e.id', 'o.event_id')
    .select(['e.id', 'e.interview_id', 'e.type', 'e.status', 'e.data', 'e.created_at'])
    .orderBy('o.created_at')
    .limit(BATCH_SIZE)
    .execute();
  if (rows.length === 0) return 0;
  const endpoints = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events', 'include_transcript', 'include_resume_text', 'created_at'])
    .where('disabled_at', 'is', null)
    .execute();

  for (const row of rows) {
    const event: SourceEvent = {
      id: row.id,
      interviewId: row.interview_id,
      type: row.type,
      status: row.status,
      data: row.data,
      createdAt: row.created_at,
    };
    const types = webhookEventTypesFor(event);
    // An endpoint hears of what happened after it was added, not of the past.
    const targets = endpoints.filter(
      (endpoint) =>
        endpoint.created_at.getTime() <= event.createdAt.getTime() &&
        types.some((type) => endpoint.events.includes(type)),
    );
    if (targets.length > 0) {
      const facts = await readInterviewFacts(db, event.interviewId, {
        includeTranscript: targets.some((endpoint) => endpoint.include_transcript),
        includeResumeText: targets.some((endpoint) => endpoint.include_resume_text),
      });
      // No facts: the interview was erased since; nothing of it may leave.
      for (const endpoint of targets) {
        if (facts === undefined) break;
        for (const type of types.filter((candidate) => endpoint.events.includes(candidate))) {
          const payload = buildWebhookPayload(type, event, facts, {
            includeTranscript: endpoint.include_transcript,
            includeResumeText: endpoint.include_resume_text,
          });
          const delivery = await db
            .insertInto('webhook_deliveries')
            .values({
              endpoint_id: endpoint.id,
              event_id: event.id,
              interview_id: event.interviewId,
              event_type: type,
              payload: JSON.stringify(payload),
            })
            .onConflict((oc) => oc.columns(['endpoint_id', 'event_id', 'event_type']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (delivery !== undefined) await queueAttempt(queue, delivery.id, 1);
        }
      }
    }
    await db.deleteFrom('webhook_outbox').where('event_id', '=', event.id).execute();
  }
  return rows.length;
}

/** Queues again the deliveries whose next attempt was lost; the attempt check makes a duplicate harmless. */
export async function requeueStalledDeliveries(
  db: Kysely<Database>,
  queue: Pick<JobQueue, 'send'>,
  now: Date,
): Promise<number> {
  const before = new Date(now.getTime() - STALLED_AFTER_MS);
  const stalled = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'attempts'])
    .where('status', '=', 'pending')
    .where(sql<Date>`coalesce(next_attempt_at, created_at)`, '<', before)
    .limit(BATCH_SIZE)
    .execute();
  for (const delivery of stalled) await queueAttempt(queue, delivery.id, delivery.attempts + 1);
  return stalled.length;
}

async function queueAttempt(
  queue: Pick<JobQueue, 'send'>,
  deliveryId: string,
  attempt: number,
): Promise<void> {
  await queue.send(WEBHOOK_QUEUE, { deliveryId, attempt } satisfies DeliveryJob, {
    singletonKey: `${deliveryId}:${String(attempt)}`,
  });
}
