import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createPgliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'embedded' | 'postgres';

/** An open database: the query builder, which engine runs it, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The embedded engine, for the few features (LISTEN, pg-boss) that need the raw client. */
  pglite?: PGlite;
  /** The server pool, when running on PostgreSQL. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/** Raised when the database cannot be opened; the message is one line a person can act on. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

export type DatabaseLocation =
  { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string } | { kind: 'memory' };

/** Opens the database and checks that it answers. */
export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  return location.kind === 'postgres' ? openPostgres(location.url) : openEmbedded(location);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error'; without a listener that would crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseOpenError(
      `Cannot connect to PostgreSQL at ${describeUrl(url)}: ${errorSummary(error)}. Check DATABASE_URL, or unset it to use the embedded database.`,
      { cause: error },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    pool,
    close: () => db.destroy(),
  };
}

async function openEmbedded(
  location: { kind: 'embedded'; dataDir: string } | { kind: 'memory' },
): Promise<DatabaseHandle> {
  let pglite: PGlite;
  if (location.kind === 'embedded') {
    const directory = path.resolve(location.dataDir, 'pgdata');
    ensureWritableDirectory(location.dataDir);
    const releaseLock = lockDataDir(location.dataDir);
    try {
      pglite = await PGlite.create(directory);
    } catch (error) {
      releaseLock();
      throw new DatabaseOpenError(
        `Cannot open the embedded database in ${directory}: ${errorSummary(error)}. Is another Screenline using DATA_DIR?`,
        { cause: error },
      );
    }
  } else {
    pglite = await PGlite.create();
  }
  const db = new Kysely<Database>({ dialect: createPgliteDialect(pglite) });
  await sql`select 1`.execute(db);
  const releaseLock =
    location.kind === 'embedded' ? () => unlockDataDir(location.dataDir) : () => undefined;
  return {
    db,
    kind: 'embedded',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

/**
 * PGlite has no server to arbitrate writers: two processes on one folder would corrupt it.
 * A pid file refuses the second one while the first is alive, and is taken over when stale.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.resolve(dataDir, 'screenline.pid');
  let holder: number | undefined;
  try {
    holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
  } catch {
    // No lock file: nobody holds the folder.
  }
  if (holder !== undefined && holder !== process.pid && isProcessAlive(holder)) {
    throw new DatabaseOpenError(
      `Another Screenline (pid ${holder}) is using DATA_DIR ${path.resolve(dataDir)}. Stop it, or choose another DATA_DIR.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => unlockDataDir(dataDir);
}

function unlockDataDir(dataDir: string): void {
  rmSync(path.resolve(dataDir, 'screenline.pid'), { force: true });
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ensureWritableDirectory(directory: string): void {
  const absolute = path.resolve(directory);
  try {
    mkdirSync(absolute, { recursive: true });
    accessSync(absolute, constants.W_OK);
  } catch (error) {
    throw new DatabaseOpenError(
      `DATA_DIR ${absolute} is not writable (${errorSummary(error)}). Choose another folder with DATA_DIR.`,
      { cause: error },
    );
  }
}

/** host:port/database without credentials. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL (unparseable)';
  }
}

function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: string }).code;
    return code !== undefined ? `${code} ${error.message}`.trim() : error.message;
  }
  return String(error);
}
