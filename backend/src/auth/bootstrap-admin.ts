import type { FastifyBaseLogger } from 'fastify';
import { hashPassword } from './password.js';
import type { UsersRepository } from './users-repository.js';

/**
 * Creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD when there is no user at all.
 * There is never a default account: without both variables nobody can sign in until
 * `npx screenline create-admin` is run.
 */
export async function bootstrapFirstAdmin(
  users: UsersRepository,
  admin: { email: string | undefined; password: string | undefined },
  log: FastifyBaseLogger,
): Promise<boolean> {
  if ((await users.count()) > 0) return false;
  if (admin.email === undefined || admin.password === undefined) {
    log.warn(
      'no recruiter account yet: open the one-time setup link printed at start-up, set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npx screenline create-admin`',
    );
    return false;
  }
  await users.create({
    email: admin.email,
    name: 'Administrator',
    passwordHash: await hashPassword(admin.password),
    role: 'admin',
  });
  log.info('first admin account created from ADMIN_EMAIL');
  return true;
}
