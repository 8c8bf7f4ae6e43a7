import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../db/schema.js';

export type { UserRole };

/** A recruiter account as the API shows it (never the password hash). */
export interface Recruiter {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Reads and writes recruiter accounts. Emails are matched case-insensitively. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const { count } = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async findForSignIn(email: string): Promise<(Recruiter & { passwordHash: string }) | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'password_hash'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      passwordHash: row.password_hash,
    };
  }

  async create(input: {
    email: string;
    name: string;
    passwordHash: string;
    role: UserRole;
  }): Promise<Recruiter> {
    const row = await this.db
      .insertInto('users')
      .values({
        email: input.email,
        name: input.name,
        password_hash: input.passwordHash,
        role: input.role,
      })
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirstOrThrow();
    return row;
  }

  async updatePassword(id: string, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  }

  /** Every account, for the team page (never a password hash). */
  async list(): Promise<(Recruiter & { createdAt: string })[]> {
    const rows = await this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'created_at'])
      .orderBy('created_at')
      .execute();
    return rows.map(({ created_at: createdAt, ...user }) => ({
      ...user,
      createdAt: createdAt.toISOString(),
    }));
  }

  async findById(id: string): Promise<Recruiter | undefined> {
    return this.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async countAdmins(): Promise<number> {
    const { count } = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async setRole(id: string, role: UserRole): Promise<Recruiter | undefined> {
    return this.db
      .updateTable('users')
      .set({ role })
      .where('id', '=', id)
      .returning(['id', 'email', 'name', 'role'])
      .executeTakeFirst();
  }

  /** Removes an account; its sessions and API keys go with it (foreign keys cascade). */
  async delete(id: string): Promise<boolean> {
    const row = await this.db
      .deleteFrom('users')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
