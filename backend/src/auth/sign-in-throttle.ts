import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

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
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly limits: ThrottleLimits = SIGN_IN_LIMITS,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db;
  }

  static keysFor(email: string, ip: string): string[] {
    return [`account:${email.trim().toLowerCase()}`, `ip:${ip}`];
  }

  /**
   * Reserves one attempt for the keys, counted as a failure until it is released: parallel guesses
   * take their turn on a transaction lock per key, so each sees the others' reservations and no
   * more than `maxFailures` get past the check in a window. Answers the wait when refused.
   */
  async reserve(
    keys: string[],
  ): Promise<{ ok: true; attemptIds: string[] } | { ok: false; retryAfterS: number }> {
    return this.db.transaction().execute(async (trx) => {
      for (const key of [...keys].sort()) {
        await sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${key}`}))`.execute(trx);
      }
      const now = this.now();
      const retryAfterS = await this.retryAfterS(keys, trx, now);
      if (retryAfterS > 0) return { ok: false, retryAfterS };
      const rows = await trx
        .insertInto('sign_in_failures')
        .values(keys.map((key) => ({ key, created_at: now })))
        .returning('id')
        .execute();
      return { ok: true, attemptIds: rows.map((row) => row.id) };
    });
  }

  /** The attempt succeeded: it no longer counts against its keys. */
  async release(attemptIds: string[]): Promise<void> {
    if (attemptIds.length === 0) return;
    await this.db.deleteFrom('sign_in_failures').where('id', 'in', attemptIds).execute();
  }

  /** Seconds until an attempt is allowed again for any of the keys, or 0 when it is allowed now. */
  async retryAfterS(
    keys: string[],
    db: Kysely<Database> = this.db,
    at: Date = this.now(),
  ): Promise<number> {
    const now = at.getTime();
    const since = new Date(now - this.limits.windowMs);
    let waitMs = 0;
    for (const key of keys) {
      const recent = await db
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

  /** Drops failures past the window: they count for nothing, and the table stays small. */
  async forgetExpired(): Promise<void> {
    await this.db
      .deleteFrom('sign_in_failures')
      .where('created_at', '<', new Date(this.now().getTime() - this.limits.windowMs))
      .execute();
  }

  /** A successful sign-in clears the account's count (the IP's stays: it may be guessing others). */
  async clearAccount(email: string): Promise<void> {
    const [accountKey] = SignInThrottle.keysFor(email, '');
    if (accountKey === undefined) return;
    await this.db.deleteFrom('sign_in_failures').where('key', '=', accountKey).execute();
  }
}
