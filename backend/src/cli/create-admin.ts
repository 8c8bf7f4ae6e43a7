import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { MIN_ADMIN_PASSWORD_LENGTH, hashPassword } from '../auth/password.js';
import { SessionStore } from '../auth/session-store.js';
import { UsersRepository } from '../auth/users-repository.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadDotenvFiles, parseEnv } from '../env.js';
import type { CliCommand } from './commands.js';

/**
 * `screenline create-admin --email <email>`: creates an admin account on the configured database
 * (DATA_DIR or DATABASE_URL). The password comes from ADMIN_PASSWORD, a prompt, or standard input,
 * never from the command line, where other users of the machine could read it.
 */
export const createAdminCommand: CliCommand = {
  name: 'create-admin',
  usage: 'create-admin --email <email> [--name <name>] [--reset] [--json]',
  summary: 'Create a recruiter admin (password from ADMIN_PASSWORD or stdin)',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        reset: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    const email = values.email?.trim() ?? '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      process.stderr.write('create-admin: give the account email with --email you@example.com\n');
      return 2;
    }
    loadDotenvFiles();
    const env = parseEnv(process.env);
    const password = env.ADMIN_PASSWORD ?? (await readPassword());
    if (password.length < MIN_ADMIN_PASSWORD_LENGTH || password.length > 128) {
      process.stderr.write(
        `create-admin: the password must be ${MIN_ADMIN_PASSWORD_LENGTH} to 128 characters long\n`,
      );
      return 2;
    }

    const database = await openDatabase(
      env.DATABASE_URL !== undefined
        ? { kind: 'postgres', url: env.DATABASE_URL }
        : { kind: 'embedded', dataDir: env.DATA_DIR },
    );
    try {
      await migrateToLatest(database.db);
      const users = new UsersRepository(database.db);
      const existing = await users.findForSignIn(email);
      const passwordHash = await hashPassword(password);
      let action: 'created' | 'reset';
      if (existing === undefined) {
        await users.create({
          email,
          name: values.name ?? 'Administrator',
          passwordHash,
          role: 'admin',
        });
        action = 'created';
      } else if (values.reset) {
        await users.updatePassword(existing.id, passwordHash);
        // A new password ends every session opened with the old one.
        await new SessionStore(database.db, { idleTimeoutMs: 0, maxAgeMs: 0 }).revokeAllForUser(
          existing.id,
        );
        action = 'reset';
      } else {
        process.stderr.write(
          'create-admin: an account with this email exists; add --reset to set a new password\n',
        );
        return 1;
      }
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ email, action })}\n`
          : `Admin account ${email} ${action === 'created' ? 'created' : 'password reset'}. Sign in at /dashboard.\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};

/** The password from a prompt (input hidden) on a terminal, else the first line of standard input. */
async function readPassword(): Promise<string> {
  const isTerminal = process.stdin.isTTY;
  if (isTerminal) process.stderr.write('Password (12+ characters): ');
  const reader = createInterface({ input: process.stdin, terminal: isTerminal });
  if (isTerminal) {
    // Echo nothing while the password is typed.
    (reader as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () =>
      undefined;
  }
  try {
    for await (const line of reader) return line;
    return '';
  } finally {
    reader.close();
    if (isTerminal) process.stderr.write('\n');
  }
}
