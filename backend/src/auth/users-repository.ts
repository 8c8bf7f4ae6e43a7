import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type UserRole = 'admin' | 'recruiter';

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
}
