import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { firstRunSetupPath } from './auth/first-run-setup.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoData } from './db/seed.js';
import { loadDotenvFiles, parseEnv, type Env } from './env.js';

/** Starts Screenline: configuration, database, migrations, seed, HTTP. Failures end in one line. */
async function main(): Promise<void> {
  loadDotenvFiles();
  const env = parseEnv(process.env);
  const database = await openDatabase(
    env.DATABASE_URL !== undefined
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'embedded', dataDir: env.DATA_DIR },
  );
  // Signals may arrive while migrating: shutdown closes whatever has been opened by then.
  const running: { app?: FastifyInstance } = {};
  installShutdown(() => running.app, database);

  await migrateToLatest(database.db);
  await seedDemoData(database.db);
  // A long-lived server runs the queue's schedules (the sweeps and the reconciler).
  const app = await buildApp({ env, database, runsSchedules: true });
  running.app = app;

  try {
    await app.listen({ host: env.HOST, port: env.PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StartupError(
        `Port ${env.PORT} is already in use. Stop the other program or start with PORT=<another port>.`,
      );
    }
    throw error;
  }
  await printReady(env, database, app);
}

async function printReady(env: Env, database: DatabaseHandle, app: FastifyInstance): Promise<void> {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const where = database.kind === 'embedded' ? `embedded, in ${env.DATA_DIR}` : 'PostgreSQL server';
  process.stdout.write(
    `Screenline is ready at http://${host}:${port}  (mode: ${env.mode}, database: ${where})\n`,
  );
  // Printed to the operator's terminal only, never logged: whoever opens it makes the first admin.
  const setupPath = await firstRunSetupPath(app);
  if (setupPath !== undefined) {
    process.stdout.write(
      `No recruiter account yet. Create the administrator (this link works once): http://${host}:${port}${setupPath}\n`,
    );
  }
}

function installShutdown(
  getApp: () => FastifyInstance | undefined,
  database: DatabaseHandle,
): void {
  let isClosing = false;
  const close = async (signal: NodeJS.Signals): Promise<void> => {
    if (isClosing) return;
    isClosing = true;
    process.stdout.write(`Received ${signal}, shutting down...\n`);
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await getApp()?.close();
      await database.close();
      process.exit(0);
    } catch {
      process.exit(1);
    }
  };
  process.once('SIGINT', (signal) => void close(signal));
  process.once('SIGTERM', (signal) => void close(signal));
}

/** A start-up failure the user can fix; printed as one line without a stack trace. */
class StartupError extends Error {
  override name = 'StartupError';
}

const EXPECTED_FAILURES = new Set(['ConfigError', 'DatabaseOpenError', 'StartupError']);

main().catch((error: unknown) => {
  if (error instanceof Error && EXPECTED_FAILURES.has(error.name)) {
    process.stderr.write(`Screenline cannot start: ${error.message}\n`);
  } else {
    process.stderr.write('Screenline failed to start:\n');
    console.error(error);
  }
  process.exit(1);
});
