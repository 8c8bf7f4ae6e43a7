import { createHash, randomUUID } from 'node:crypto';
import { SAMPLE_RESUME, type ParsedResume } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp, type BuildAppOptions } from '../app.js';
import type { DatabaseHandle } from '../db/database.js';
import { seedDemoData } from '../db/seed.js';
import { parseEnv } from '../env.js';
import { hashToken, createToken } from '../lib/tokens.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { openTestDatabase, type TestEngine } from './test-database.js';
import { createInterviewRuntime, type InterviewRuntime } from '../interviews/interview-runtime.js';

/** The app with a runtime the test can wait on, on a fresh seeded database. */
export interface InterviewTestApp {
  app: FastifyInstance;
  runtime: InterviewRuntime;
  database: DatabaseHandle;
  jobId: string;
  close(): Promise<void>;
}

/** Builds the real app for interview tests: fast rings, a short queue poll, the given settings. */
export async function buildInterviewTestApp(
  engine: TestEngine,
  envOverrides: Record<string, string> = {},
  options: { callPlacer?: CallPlacer; webhooks?: BuildAppOptions['webhooks'] } = {},
): Promise<InterviewTestApp> {
  const database = await openTestDatabase(engine);
  await seedDemoData(database.db);
  const env = parseEnv({
    NODE_ENV: 'test',
    SIMULATED_RING_MS: '20',
    SILENCE_TIMEOUT_S: '30',
    RATE_LIMIT_PER_IP_PER_HOUR: '1000',
    ...envOverrides,
  });
  // The test waits on the runtime's bus, so it builds the runtime and hands it to the app.
  const runtime = await createInterviewRuntime({
    env,
    database,
    log: pino({ level: 'silent' }),
    queuePollingIntervalSeconds: 0.5,
    ...(options.callPlacer === undefined ? {} : { callPlacer: options.callPlacer }),
  });
  const withRuntime = await buildApp({
    env,
    database,
    frontendDir: '/nonexistent',
    interviewRuntime: runtime,
    ...(options.webhooks === undefined ? {} : { webhooks: options.webhooks }),
  });
  await withRuntime.ready();
  const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
  return {
    app: withRuntime,
    runtime,
    database,
    jobId: job.id,
    close: async () => {
      await withRuntime.close();
      await database.close();
    },
  };
}

/** Stores a resume row as the resume intake would (the parsed fields are what the screen uses). */
export async function insertResume(
  database: DatabaseHandle,
  parsed: ParsedResume = SAMPLE_RESUME,
): Promise<string> {
  const text = JSON.stringify(parsed);
  const row = await database.db
    .insertInto('resumes')
    .values({
      file_name: 'resume.json',
      sha256: createHash('sha256').update(`${text}${randomUUID()}`).digest('hex'),
      media_type: 'application/json',
      size_bytes: Buffer.byteLength(text),
      storage_key: randomUUID(),
      text,
      parsed: text,
      warnings: '[]',
      parser_version: 'fixture',
      token_hash: hashToken(createToken()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
