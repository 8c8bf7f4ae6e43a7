import { AppError } from '@screenline/core';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** One limit: at most `limit` hits per `windowS` seconds for a key. */
export interface RateLimitRule {
  /** What is limited, for the message: "this number", "your network"... */
  label: string;
  key: string;
  limit: number;
  windowS: number;
}

/**
 * Fixed-window counters in PostgreSQL, so every replica shares them (FR-4). Counting runs in the
 * caller's transaction: a refused or failed start rolls its increments back, and concurrent starts
 * serialise on the counter row, so no request slips past a limit.
 */
export async function consumeRateLimits(
  trx: Transaction<Database>,
  rules: readonly RateLimitRule[],
  now: Date,
): Promise<void> {
  for (const rule of rules) {
    if (rule.limit <= 0) continue;
    const windowMs = rule.windowS * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const expiresAt = new Date(windowStart.getTime() + windowMs);
    const row = await trx
      .insertInto('rate_limit_counters')
      .values({ key: rule.key, window_start: windowStart, count: 1, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .columns(['key', 'window_start'])
          .doUpdateSet({ count: sql`rate_limit_counters.count + 1` }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    if (row.count > rule.limit) {
      const retryAfterS = Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', {
        message: `Too many call requests for ${rule.label}. Try again in ${describeWait(retryAfterS)}.`,
        retryAfterS,
      });
    }
  }
}

/** Deletes counters whose window has passed (run now and then; they are small). */
export async function purgeExpiredRateLimits(
  db: { deleteFrom: Transaction<Database>['deleteFrom'] },
  now: Date,
): Promise<void> {
  await db.deleteFrom('rate_limit_counters').where('expires_at', '<', now).execute();
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  if (seconds < 5400) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}
