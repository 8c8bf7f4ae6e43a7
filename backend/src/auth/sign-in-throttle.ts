import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { withRecruiterTables, type RecruiterDatabase } from './auth-tables.js';

export interface ThrottleLimits {
  /** Failures allowed per key within the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

/** WEB-1: 5 failures in 15 minutes per account and per IP. */
export const SIGN_IN_LIMITS: ThrottleLimits = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Counts failed sign-ins per key (`account:<email>`, `ip:<address>`) in the database, so every
 * replica sees the same counts. Unknown emails are counted like real ones: the answers are the same.
 */
export class SignInThrottle {
  private readonly db: Kysely<RecruiterDatabase>;

  constructor(
    db: Kysely<Database>,
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = withRecruiterTables(db);
  }

  static keysFor(email: string, ip: string): string[] {
    return [`account:${email.trim().toLowerCase()}`, `ip:${ip}`];
  }

  /** Seconds until an attempt is allowed again for any of the keys, or 0 when it is allowed now. */
  async retryAfterS(keys: string[]): Promise<number> {
    const now = this.now().getTime();
    const since = new Date(now - this.limits.windowMs);
    let waitMs = 0;
    for (const key of keys) {
      const recent = await this.db
        .selectFrom('sign_in_failures')
        .select('created_at')
        .where('key', '=', key)
        .where('created_at', '>', since)
        .orderBy('created_at', 'desc')
        .limit(this.limits.maxFailures)
        .execute();
      const oldestCounted = recent[this.limits.maxFailures - 1];
      if (oldestCounted !== undefined) {
        // Allowed again once the oldest of the last maxFailures failures leaves the window.
        waitMs = Math.max(waitMs, oldestCounted.created_at.getTime() + this.limits.windowMs - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  async recordFailure(keys: string[]): Promise<void> {
    const now = this.now();
    await this.db
      .insertInto('sign_in_failures')
      .values(keys.map((key) => ({ key, created_at: now })))
      .execute();
    // Rows past the window count for nothing; dropping them here keeps the table small.
    await this.db
      .deleteFrom('sign_in_failures')
      .where('created_at', '<', new Date(now.getTime() - this.limits.windowMs))
      .execute();
  }

  /** A successful sign-in clears the account's count (the IP's stays: it may be guessing others). */
  async clearAccount(email: string): Promise<void> {
    const [accountKey] = SignInThrottle.keysFor(email, '');
    if (accountKey === undefined) return;
    await this.db.deleteFrom('sign_in_failures').where('key', '=', accountKey).execute();
  }
}
