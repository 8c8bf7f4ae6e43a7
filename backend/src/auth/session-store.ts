import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { createToken, hashToken } from '../lib/tokens.js';
import type { Recruiter } from './users-repository.js';

export interface SessionLifetimes {
  /** A session unused for this long is over. */
  idleTimeoutMs: number;
  /** A session is over this long after sign-in, however active. */
  maxAgeMs: number;
}

/** last_seen_at is written at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Server-side recruiter sessions. The cookie holds a random token; the table holds only its
 * SHA-256, so deleting the row ends the session everywhere, and a database copy holds no live token.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lifetimes: SessionLifetimes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a new session for a user; returns the token for the cookie. */
  async create(userId: string): Promise<string> {
    const token = createToken();
    const now = this.now();
    await this.db
      .insertInto('sessions')
      .values({
        id: hashToken(token),
        user_id: userId,
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(now.getTime() + this.lifetimes.maxAgeMs),
      })
      .execute();
    return token;
  }

  /** The signed-in recruiter for a token, or undefined when the session is unknown or over. */
  async resolve(token: string | undefined): Promise<Recruiter | undefined> {
    if (token === undefined || token === '') return undefined;
    const id = hashToken(token);
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.last_seen_at',
        'sessions.expires_at',
        'users.id',
        'users.email',
        'users.name',
        'users.role',
      ])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const now = this.now().getTime();
    const isIdle = now - row.last_seen_at.getTime() > this.lifetimes.idleTimeoutMs;
    if (now >= row.expires_at.getTime() || isIdle) {
      await this.db.deleteFrom('sessions').where('id', '=', id).execute();
      return undefined;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(now) })
        .where('id', '=', id)
        .execute();
    }
    return { id: row.id, email: row.email, name: row.name, role: row.role };
  }

  /** Ends a session on the server: the same cookie is refused from now on. */
  async revoke(token: string | undefined): Promise<void> {
    if (token === undefined || token === '') return;
    await this.db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
  }

  /** Ends every session of a user (after a password change). */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
}
