import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_ENGINES, openTestDatabase } from '../test/test-database.js';
import { openDatabase, DatabaseOpenError, type DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import { JobsRepository } from './repositories/jobs-repository.js';
import { DEMO_JOB } from '@screenline/core';
import { seedDemoData } from './seed.js';

describe.each(TEST_ENGINES)('database on %s', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('creates every table of the schema', async () => {
    const rows = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name
    `.execute(database.db);
    const tables = rows.rows.map((row) => row.table_name);
    for (const table of [
      'candidates',
      'consents',
      'interview_events',
      'interviews',
      'jobs',
      'resumes',
      'scorecards',
      'sessions',
      'transcript_turns',
      'users',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('re-running migrations applies nothing new', async () => {
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('seeds the demo job once, with its knock-outs and rubric', async () => {
    expect(await seedDemoData(database.db)).toBe(true);
    expect(await seedDemoData(database.db)).toBe(false);
    const jobs = await new JobsRepository(database.db).listByStatus('open');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job?.title).toBe(DEMO_JOB.title);
    expect(job?.knockouts.map((k) => k.id)).toEqual([
      'work-authorization',
      'notice-period',
      'salary-expectation',
    ]);
    expect(job?.rubric).toHaveLength(4);
    expect(job?.rubric.reduce((sum, c) => sum + c.weight, 0)).toBeGreaterThan(0);
  });

  it('runs transactions that roll back as a unit', async () => {
    const before = await new JobsRepository(database.db).count();
    await expect(
      database.db.transaction().execute(async (trx) => {
        await new JobsRepository(trx).create({ ...DEMO_JOB, title: 'Rolled back job' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await new JobsRepository(database.db).count()).toBe(before);
  });

  it('treats a malformed id as not found instead of a database error', async () => {
    expect(await new JobsRepository(database.db).findById("1' or '1'='1")).toBeUndefined();
  });

  it('refuses a job with an invalid knock-out', async () => {
    await expect(
      new JobsRepository(database.db).create({
        ...DEMO_JOB,
        knockouts: [{ id: 'Bad Id', question: 'Q?', answerType: 'yes_no', accept: {} }],
      }),
    ).rejects.toThrow();
  });
});

describe('embedded database on disk', () => {
  it('keeps its data across a reopen', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-data-'));
    try {
      const first = await openDatabase({ kind: 'embedded', dataDir });
      await migrateToLatest(first.db);
      await seedDemoData(first.db);
      await first.close();

      const second = await openDatabase({ kind: 'embedded', dataDir });
      expect(await migrateToLatest(second.db)).toEqual([]);
      expect(await new JobsRepository(second.db).count()).toBe(1);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a DATA_DIR that another live process holds', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-locked-'));
    try {
      // The parent process is alive and is not us: it stands for another Screenline.
      writeFileSync(path.join(dataDir, 'screenline.pid'), String(process.ppid));
      await expect(openDatabase({ kind: 'embedded', dataDir })).rejects.toThrow(
        /Another Screenline \(pid \d+\) is using DATA_DIR/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('explains an unwritable DATA_DIR in one line', async () => {
    // A path under a regular file can never be created, even by root (who ignores permissions).
    const parent = mkdtempSync(path.join(tmpdir(), 'screenline-file-'));
    const blocker = path.join(parent, 'not-a-directory');
    writeFileSync(blocker, '');
    try {
      const attempt = openDatabase({ kind: 'embedded', dataDir: path.join(blocker, 'data') });
      await expect(attempt).rejects.toThrow(DatabaseOpenError);
      await attempt.catch((error: unknown) => {
        expect(String(error)).toMatch(/DATA_DIR .* is not writable/);
      });
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('explains an unreachable PostgreSQL in one line without credentials', async () => {
    const attempt = openDatabase({
      kind: 'postgres',
      url: 'postgres://someone:hunter2@127.0.0.1:1/nowhere',
    });
    await expect(attempt).rejects.toThrow(DatabaseOpenError);
    await attempt.catch((error: unknown) => {
      const message = String(error);
      expect(message).toContain('127.0.0.1:1/nowhere');
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('\n');
    });
  });
});
