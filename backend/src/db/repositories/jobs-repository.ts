import { ZJobInput, type Job, type JobInput, type JobStatus } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, JobRow } from '../schema.js';

/** Reads and writes jobs; returns API-shaped `Job` objects. */
export class JobsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listByStatus(status: JobStatus): Promise<Job[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('status', '=', status)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map(toJob);
  }

  async listAll(): Promise<Job[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .orderBy('created_at', 'asc')
      .execute();
    return rows.map(toJob);
  }

  async findById(id: string): Promise<Job | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toJob(row);
  }

  async count(): Promise<number> {
    const { count } = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  }

  async create(input: JobInput): Promise<Job> {
    const job = ZJobInput.parse(input);
    const row = await this.db
      .insertInto('jobs')
      .values({
        title: job.title,
        company: job.company,
        location: job.location,
        description: job.description,
        requirements: JSON.stringify(job.requirements),
        knockouts: JSON.stringify(job.knockouts),
        rubric: JSON.stringify(job.rubric),
        language: job.language,
        status: job.status,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toJob(row);
  }

  /** Applies the given fields (validated by the route with `ZJobPatch`); undefined when there is no such job. */
  async update(id: string, patch: JobPatch): Promise<Job | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db
      .updateTable('jobs')
      .set({
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.company !== undefined && { company: patch.company }),
        ...(patch.location !== undefined && { location: patch.location }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.requirements !== undefined && {
          requirements: JSON.stringify(patch.requirements),
        }),
        ...(patch.knockouts !== undefined && { knockouts: JSON.stringify(patch.knockouts) }),
        ...(patch.rubric !== undefined && { rubric: JSON.stringify(patch.rubric) }),
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.status !== undefined && { status: patch.status }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toJob(row);
  }
}

/** The fields a recruiter may change; absent ones stay as they are. */
export type JobPatch = { [K in keyof JobFields]?: JobFields[K] | undefined };
type JobFields = z.output<typeof ZJobInput>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL rejects a malformed uuid with an error; a lookup by one simply finds nothing. */
export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The API shape of a job row. */
export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    location: row.location,
    description: row.description,
    requirements: row.requirements,
    knockouts: row.knockouts,
    rubric: row.rubric,
    language: row.language,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
