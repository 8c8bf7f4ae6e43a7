import { DEMO_JOB } from '@screenline/core';
import type { Kysely } from 'kysely';
import { JobsRepository } from './repositories/jobs-repository.js';
import type { Database } from './schema.js';

/** Creates the demo job when the database has no jobs at all; returns whether it did. */
export async function seedDemoData(db: Kysely<Database>): Promise<boolean> {
  const jobs = new JobsRepository(db);
  if ((await jobs.count()) > 0) return false;
  await jobs.create(DEMO_JOB);
  return true;
}
