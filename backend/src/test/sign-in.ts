import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '../auth/recruiter-auth.js';
import { hashPassword } from '../auth/password.js';
import type { UsersRepository, UserRole } from '../auth/users-repository.js';

/** Signs in and returns the cookies to send with `app.inject`. */
export async function signInCookies(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${String(response.statusCode)}`);
  return { [SESSION_COOKIE]: response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '' };
}

/** Creates an account directly (the invitation flow has its own tests) and signs it in. */
export async function createAndSignIn(
  app: FastifyInstance,
  users: UsersRepository,
  input: { email: string; role: UserRole; password?: string },
): Promise<Record<string, string>> {
  const password = input.password ?? 'a long enough password';
  await users.create({
    email: input.email,
    name: input.email.split('@')[0] ?? 'user',
    passwordHash: await hashPassword(password),
    role: input.role,
  });
  return signInCookies(app, input.email, password);
}
