import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { openTestDatabase, TEST_ENGINES } from '../test/test-database.js';
import { createJobQueue, type JobQueue } from './job-queue.js';

describe.each(TEST_ENGINES)('job queue on %s', (engine) => {
  let database: DatabaseHandle | undefined;
  let queue: JobQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    await database?.close();
  });

  it('runs a job sent while Kysely works on the same database, and keeps a delayed one', async () => {
    database = await openTestDatabase(engine);
    queue = createJobQueue(database, { pollingIntervalSeconds: 0.5 });
    await queue.start();
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      void queue!.work<{ word: string }>('test-job', async ({ word }) => {
        seen.push(word);
        resolve();
      });
    });
    await Promise.all([
      queue.send('test-job', { word: 'hello' }),
      database.db.transaction().execute(async (trx) => {
        await trx.selectFrom('jobs').select('id').execute();
      }),
    ]);
    await done;
    expect(seen).toEqual(['hello']);
    const later = await queue.send(
      'test-job-later',
      { word: 'later' },
      { startAfter: new Date(Date.now() + 3_600_000) },
    );
    expect(later).toEqual(expect.any(String));
  });
});
