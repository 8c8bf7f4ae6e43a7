import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';

/**
 * Drives Kysely's PostgreSQL dialect with an embedded PGlite database. PGlite has a single
 * connection, so this pool hands it out to one holder at a time: a transaction owns it until it
 * commits, and other queries wait their turn, exactly as with a pool of size one.
 */
export function createPgliteDialect(pglite: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new PgliteSingleConnectionPool(pglite) });
}

const ROW_COUNT_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class PgliteSingleConnectionPool implements PostgresPool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    const pglite = this.pglite;
    return {
      async query(sql: string, parameters: readonly unknown[]) {
        const result = await pglite.query(sql, [...parameters]);
        // Kysely reads affected-row counts only for these commands; PGlite does not report the command.
        const command = sql.trimStart().split(/\s/, 1)[0]?.toUpperCase() ?? '';
        return {
          command: (ROW_COUNT_COMMANDS.has(command) ? command : 'SELECT') as 'SELECT',
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release,
    } as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.queue;
  }
}
