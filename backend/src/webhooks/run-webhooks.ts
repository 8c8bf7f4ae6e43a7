import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../queue/job-queue.js';
import { deliverWebhook, WEBHOOK_QUEUE, type DeliveryJob } from './deliver-webhook.js';
import { drainWebhookOutbox, requeueStalledDeliveries } from './drain-webhook-outbox.js';
import type { HostResolver, WebhookUrlPolicy } from './url-guard.js';

/** Knobs a test turns down; production uses the defaults. */
export interface WebhookTuning {
  /** How often the outbox is looked at (one indexed read when there is nothing to do). */
  outboxPollMs?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export interface RunWebhooksOptions extends WebhookTuning {
  db: Kysely<Database>;
  queue: JobQueue;
  policy: WebhookUrlPolicy;
  resolver: HostResolver;
  log: FastifyBaseLogger;
}

const STALLED_SWEEP_MS = 60_000;
const DELIVERY_WORKERS = 4;

/** Starts the delivery worker and the outbox loop; the returned function stops the loop. */
export async function runWebhooks(options: RunWebhooksOptions): Promise<() => void> {
  const db = options.db;
  const now = options.now ?? (() => new Date());
  const context = {
    db,
    queue: options.queue,
    policy: options.policy,
    resolver: options.resolver,
    log: options.log,
    retryBaseMs: options.retryBaseMs ?? 10_000,
    timeoutMs: options.timeoutMs ?? 10_000,
    now,
  };
  // Several workers: one endpoint that answers slowly (up to the timeout) must not hold up the
  // deliveries to every other endpoint.
  for (let worker = 0; worker < DELIVERY_WORKERS; worker += 1) {
    await options.queue.work<DeliveryJob>(WEBHOOK_QUEUE, (job) => deliverWebhook(context, job));
  }

  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastSweep = 0;
  const pollMs = options.outboxPollMs ?? 1000;
  const pass = async (): Promise<void> => {
    try {
      // Drain until empty, so a burst of events does not wait one poll per hundred.
      while (!isStopped && (await drainWebhookOutbox(db, options.queue)) > 0);
      if (!isStopped && Date.now() - lastSweep >= STALLED_SWEEP_MS) {
        lastSweep = Date.now();
        await requeueStalledDeliveries(db, options.queue, now());
      }
    } catch (error) {
      // The next pass retries; nothing was lost (the outbox row stays until it is queued).
      if (!isStopped) options.log.error({ err: error }, 'webhook outbox pass failed');
    }
    if (!isStopped) timer = setTimeout(() => void pass(), pollMs);
  };
  timer = setTimeout(() => void pass(), pollMs);
  return () => {
    isStopped = true;
    clearTimeout(timer);
  };
}
