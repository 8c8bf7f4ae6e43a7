import { createToken, hashToken, isTokenValid } from '../lib/tokens.js';
import { hashPassword } from './password.js';
import type { FastifyInstance } from 'fastify';
import type { UsersRepository, Recruiter } from './users-repository.js';

/**
 * The first administrator, made in the browser: while there is no account at all, the server
 * holds a one-time setup token and prints a link with it where it was started (the operator's
 * terminal, never the logs). Whoever opens that link names the first administrator; the token
 * then stops working. No default account exists at any point.
 */
export class FirstRunSetup {
  private tokenHash: string | undefined;

  private constructor(
    private readonly users: UsersRepository,
    readonly token: string | undefined,
  ) {
    this.tokenHash = token === undefined ? undefined : hashToken(token);
  }

  /** A setup with a token when there is no account yet; without one otherwise. */
  static async open(users: UsersRepository): Promise<FirstRunSetup> {
    const isNeeded = (await users.count()) === 0;
    return new FirstRunSetup(users, isNeeded ? createToken() : undefined);
  }

  /** True while no account exists and the link has not been used. */
  async isPending(): Promise<boolean> {
    if (this.tokenHash === undefined) return false;
    if ((await this.users.count()) > 0) {
      // Someone made an account another way (the CLI, ADMIN_EMAIL): the link is spent.
      this.tokenHash = undefined;
      return false;
    }
    return true;
  }

  /** Creates the first administrator; undefined when the token is wrong or already used. */
  async createAdmin(input: {
    token: string;
    email: string;
    name: string;
    password: string;
  }): Promise<Recruiter | undefined> {
    const expected = this.tokenHash;
    if (expected === undefined || !(await this.isPending())) return undefined;
    // Another request may have used the link while this one waited.
    if (this.tokenHash !== expected) return undefined;
    if (!isTokenValid(input.token, expected)) return undefined;
    this.tokenHash = undefined;
    return this.users.create({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      role: 'admin',
    });
  }
}

const setups = new WeakMap<FastifyInstance, FirstRunSetup>();

/** Keeps the app's setup where the server start-up can find it, to print the link. */
export function attachFirstRunSetup(app: FastifyInstance, setup: FirstRunSetup): void {
  setups.set(app, setup);
}

/** The one-time setup path of a fresh install (token in the fragment), or undefined. */
export async function firstRunSetupPath(app: FastifyInstance): Promise<string | undefined> {
  const setup = setups.get(app);
  if (setup?.token === undefined || !(await setup.isPending())) return undefined;
  return `/dashboard/setup#token=${setup.token}`;
}
