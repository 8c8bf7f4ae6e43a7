import type { InsertQueryBuilder, InsertResult, Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { createToken, hashToken } from '../../lib/tokens.js';

/** A link works this long after the call's time (or after it was made, for a call under way). */
export const CANDIDATE_LINK_TTL_MS = 7 * 24 * 60 * 60_000;

export type LinkLookup =
  { kind: 'valid'; interviewId: string } | { kind: 'expired' } | { kind: 'unknown' };

/** The path of a candidate's link: the token in the fragment, which no server or referrer sees. */
export function candidateLinkPath(token: string): string {
  return `/my-call#token=${token}`;
}

/** A link as an answer gives it: its path (with the token) and when it stops working. */
export function candidateLinkAnswer(link: { token: string; expiresAt: Date }): {
  path: string;
  expiresAt: string;
} {
  return { path: candidateLinkPath(link.token), expiresAt: link.expiresAt.toISOString() };
}

/** Makes and reads the candidates' links to their calls. */
export class CandidateLinks {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db;
  }

  /** A new link; it lasts a week past the call's time, so a callback next week keeps one. */
  async create(
    interviewId: string,
    scheduledFor: Date | null,
  ): Promise<{ token: string; expiresAt: Date }> {
    const { token, expiresAt, write } = this.prepare(interviewId, scheduledFor);
    await write.execute();
    return { token, expiresAt };
  }

  /**
   * A new link as a write not yet sent, for a caller that writes it with other rows in one
   * statement (the start writes it with the interview it opens).
   */
  prepare(
    interviewId: string,
    scheduledFor: Date | null,
  ): {
    token: string;
    expiresAt: Date;
    write: InsertQueryBuilder<Database, 'candidate_links', InsertResult>;
  } {
    const token = createToken();
    const from = Math.max(this.now().getTime(), scheduledFor?.getTime() ?? 0);
    const expiresAt = new Date(from + CANDIDATE_LINK_TTL_MS);
    const write = this.db
      .insertInto('candidate_links')
      .values({ token_hash: hashToken(token), interview_id: interviewId, expires_at: expiresAt });
    return { token, expiresAt, write };
  }

  async find(token: string): Promise<LinkLookup> {
    const row = await this.db
      .selectFrom('candidate_links')
      .select(['interview_id', 'expires_at'])
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (row === undefined) return { kind: 'unknown' };
    if (row.expires_at.getTime() <= this.now().getTime()) return { kind: 'expired' };
    return { kind: 'valid', interviewId: row.interview_id };
  }

  /** A moved call keeps its link working until a week after the new time. */
  async extend(interviewId: string, scheduledFor: Date): Promise<void> {
    await this.db
      .updateTable('candidate_links')
      .set({ expires_at: new Date(scheduledFor.getTime() + CANDIDATE_LINK_TTL_MS) })
      .where('interview_id', '=', interviewId)
      .where('expires_at', '>', this.now())
      .where('expires_at', '<', new Date(scheduledFor.getTime() + CANDIDATE_LINK_TTL_MS))
      .execute();
  }
}
