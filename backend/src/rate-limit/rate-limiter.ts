import { AppError } from '@screenline/core';
import { sql, type Kysely, type Transaction } from 'kysely';
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
 * serialise on the counter rows, so no request slips past a limit. Every rule is counted in one
 * statement, its rows taken in key order so that two requests never wait on each other's rows
 * crosswise; the caller counts last, so the rows stay locked only until its commit.
 */
export async function consumeRateLimits(
  trx: Transaction<Database>,
  rules: readonly RateLimitRule[],
  now: Date,
): Promise<void> {
  const windows = windowsOf(rules, now);
  if (windows.length === 0) return;
  const rows = await trx
    .insertInto('rate_limit_counters')
    .values(
      [...windows]
        .sort((a, b) => (a.rule.key < b.rule.key ? -1 : a.rule.key > b.rule.key ? 1 : 0))
        .map(({ rule, windowStart, expiresAt }) => ({
          key: rule.key,
          window_start: windowStart,
          count: 1,
          expires_at: expiresAt,
        })),
    )
    .onConflict((oc) =>
      oc
        .columns(['key', 'window_start'])
        .doUpdateSet({ count: sql`rate_limit_counters.count + 1` }),
    )
    .returning(['key', 'count'])
    .execute();
  refuseOverLimit(windows, new Map(rows.map((row) => [row.key, row.count])), 0, now);
}

/**
 * Refuses a request that a limit has already run out for, reading the counters without counting
 * or locking: before its writes, so a flood over the limit costs one read each, not a write
 * rolled back, and a refused request hears 429 before anything else. `consumeRateLimits`, after
 * the writes, stays the word that counts (two requests may both pass this read).
 */
export async function refuseIfOverRateLimits(
  db: Kysely<Database>,
  rules: readonly RateLimitRule[],
  now: Date,
): Promise<void> {
  const windows = windowsOf(rules, now);
  if (windows.length === 0) return;
  const rows = await db
    .selectFrom('rate_limit_counters')
    .select(['key', 'count'])
    .where((eb) =>
      eb.or(
        windows.map(({ rule, windowStart }) =>
          eb.and([eb('key', '=', rule.key), eb('window_start', '=', windowStart)]),
        ),
      ),
    )
    .execute();
  // One more than the limit is already refused: the next hit would be that one.
  refuseOverLimit(windows, new Map(rows.map((row) => [row.key, row.count])), 1, now);
}

interface RuleWindow {
  rule: RateLimitRule;
  windowStart: Date;
  expiresAt: Date;
}

/** The fixed window each counted rule's hit falls in. */
function windowsOf(rules: readonly RateLimitRule[], now: Date): RuleWindow[] {
  return rules
    .filter((rule) => rule.limit > 0)
    .map((rule) => {
      const windowMs = rule.windowS * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      return { rule, windowStart, expiresAt: new Date(windowStart.getTime() + windowMs) };
    });
}

/** Throws 429 for the first rule whose count, plus `pending` hits, is past its limit. */
function refuseOverLimit(
  windows: readonly RuleWindow[],
  counts: ReadonlyMap<string, number>,
  pending: number,
  now: Date,
): void {
  // The first rule broken, in the caller's order, names the wait.
  for (const { rule, expiresAt } of windows) {
    if ((counts.get(rule.key) ?? 0) + pending > rule.limit) {
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
