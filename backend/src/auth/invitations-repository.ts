import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { isUuid } from '../db/repositories/jobs-repository.js';
import { createToken, hashToken } from '../lib/tokens.js';
import type { Recruiter, UserRole } from './users-repository.js';

/** An invitation link works this long. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export interface Invitation {
  id: string;
  email: string;
  role: UserRole;
  createdAt: string;
  expiresAt: string;
}

export type AcceptResult =
  { ok: true; user: Recruiter } | { ok: false; reason: 'invalid' | 'email_taken' };

const COLUMNS = ['id', 'email', 'role', 'created_at', 'expires_at'] as const;

/** One-time invitation links for new team members. */
export class InvitationsRepository {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db;
  }

  /** A new invitation; an older pending one for the same address stops working. */
  async create(input: {
    email: string;
    role: UserRole;
    invitedBy: string;
  }): Promise<{ invitation: Invitation; token: string }> {
    const token = createToken();
    const now = this.now();
    const row = await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('user_invitations')
        .set({ revoked_at: now })
        .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
      return trx
        .insertInto('user_invitations')
        .values({
          email: input.email,
          role: input.role,
          token_hash: hashToken(token),
          invited_by: input.invitedBy,
          expires_at: new Date(now.getTime() + INVITATION_TTL_MS),
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    });
    return { invitation: toInvitation(row), token };
  }

  /** Invitations not yet used, revoked or expired. */
  async listPending(): Promise<Invitation[]> {
    const rows = await this.db
      .selectFrom('user_invitations')
      .select(COLUMNS)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.now())
      .orderBy('created_at')
      .execute();
    return rows.map(toInvitation);
  }

  async revoke(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const row = await this.db
      .updateTable('user_invitations')
      .set({ revoked_at: this.now() })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The invitation a link stands for, while it still works. */
  async findUsable(token: string): Promise<Invitation | undefined> {
    const row = await this.db
      .selectFrom('user_invitations')
      .select(COLUMNS)
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row === undefined ? undefined : toInvitation(row);
  }

  /**
   * Uses the link once: the account is created and the invitation spent in one transaction, so
   * two clicks cannot make two accounts, and a refused one leaves the link usable.
   */
  async accept(
    token: string,
    input: { name: string; passwordHash: string },
  ): Promise<AcceptResult> {
    return this.db
      .transaction()
      .execute(async (trx): Promise<AcceptResult> => {
        const invitation = await trx
          .updateTable('user_invitations')
          .set({ accepted_at: this.now() })
          .where('token_hash', '=', hashToken(token))
          .where('accepted_at', 'is', null)
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', this.now())
          .returning(['email', 'role'])
          .executeTakeFirst();
        if (invitation === undefined) return { ok: false, reason: 'invalid' };
        const taken = await trx
          .selectFrom('users')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['email']), '=', invitation.email.toLowerCase()))
          .executeTakeFirst();
        if (taken !== undefined) {
          // Roll the acceptance back: nothing is half-written.
          throw new EmailTakenError();
        }
        const user = await trx
          .insertInto('users')
          .values({
            email: invitation.email,
            name: input.name,
            password_hash: input.passwordHash,
            role: invitation.role,
          })
          .returning(['id', 'email', 'name', 'role'])
          .executeTakeFirstOrThrow();
        return { ok: true, user };
      })
      .catch((error: unknown) => {
        if (error instanceof EmailTakenError) return { ok: false, reason: 'email_taken' } as const;
        throw error;
      });
  }
}

class EmailTakenError extends Error {}

function toInvitation(row: {
  id: string;
  email: string;
  role: UserRole;
  created_at: Date;
  expires_at: Date;
}): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}
