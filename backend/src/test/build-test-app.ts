import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/database.js';
import { seedDemoData } from '../db/seed.js';
import { parseEnv } from '../env.js';
import { openTestDatabase, type TestEngine } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The real app on a fresh seeded database, for `app.inject()` tests (no port is opened). */
export async function buildTestApp(
  engine: TestEngine,
  envOverrides: Record<string, string> = {},
  options: { frontendDir?: string } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  await seedDemoData(database.db);
  const env = parseEnv({ NODE_ENV: 'test', ...envOverrides });
  const app = await buildApp({ env, database, ...options });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
