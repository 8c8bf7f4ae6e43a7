import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { openTestDatabase, TEST_ENGINES } from '../test/test-database.js';
import { SharedDialPacer } from './shared-dial-pacer.js';

describe.each(TEST_ENGINES)('SharedDialPacer (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('LOAD-2: two replicas dialing 20 calls at once on one trunk keep to its calls per second', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    // Two servers, one database: 10 calls per second means slots 100 ms apart between them.
    const replicas = [new SharedDialPacer(db, 10), new SharedDialPacer(db, 10)];
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        await replicas[index % 2]?.take('ST_shared');
        return performance.now() - started;
      }),
    );
    const sorted = [...times].sort((a, b) => a - b);
    const gaps = sorted.slice(1).map((time, index) => time - (sorted[index] ?? 0));
    // Timers fire a few milliseconds early or late; no two dials share a slot.
    expect(Math.min(...gaps)).toBeGreaterThan(60);
    expect(sorted.at(-1)).toBeGreaterThan(1_800);
  });

  it('another trunk does not wait behind the first', async () => {
    const db = database.db as unknown as Kysely<unknown>;
    const pacer = new SharedDialPacer(db, 1);
    await pacer.take('ST_busy');
    const started = performance.now();
    await pacer.take('ST_other');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
