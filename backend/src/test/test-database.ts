import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export type TestEngine = 'pglite' | 'postgres';

/**
 * The engines every database test runs on: PGlite always, and the PostgreSQL server named by
 * TEST_DATABASE_URL when it is set (CI sets it), so one suite proves both.
 */
export const TEST_ENGINES: TestEngine[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A fresh, migrated database of its own: in memory for PGlite, a new database on the server. */
export async function openTestDatabase(
  engine: TestEngine,
): Promise<
  DatabaseHandle & { /** Where a PostgreSQL one is, for a second process. */ url?: string }
> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ kind: 'memory' });
    await migrateToLatest(handle.db);
    return handle;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `screenline_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await withAdminClient(adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
