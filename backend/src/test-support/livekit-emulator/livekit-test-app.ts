import { randomBytes } from 'node:crypto';
import type { InterviewStatus } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { pino } from 'pino';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv, type Env } from '../../env.js';
import type { InterviewRuntime } from '../../interviews/interview-runtime.js';
import { createToken, hashToken } from '../../lib/tokens.js';
import { CALLBACK_QUEUE, SCORE_QUEUE } from '../../services/interview-conversations.js';
import { openTestDatabase, type TestEngine } from '../../test/test-database.js';
import { createMayDial } from '../../services/dial-policy.js';
import { prepareAgentMetadata } from '../../services/agent-token.js';
import {
  createLiveKitTelephony,
  type LiveKitTelephony,
} from '../../telephony/livekit-telephony.js';
import { startLiveKitEmulator, type LiveKitEmulator } from './livekit-emulator.js';
import type { SipScript } from './sip-script.js';
import type { Database } from '../../db/schema.js';

export const TEST_API_KEY = 'APItestapp';
export const TEST_API_SECRET = 'test-app-secret-test-app-secret-test-app-00';
export const TEST_TRUNK = 'ST_testapp';

export interface QueuedRetry {
  interviewId: string;
  attempt: number;
  at: Date;
}

/** The real app (`buildApp`) in phone mode on a real database, with the emulator as its LiveKit. */
export interface LiveKitTestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  db: Kysely<Database>;
  emulator: LiveKitEmulator;
  /** The app's runtime: its store and lifecycle, and its durable queue. */
  runtime: InterviewRuntime;
  /** A placer on the same emulator, for tests that dial as the start flow would. */
  telephony: LiveKitTelephony;
  env: Env;
  /** Dials queued on the app's durable queue (callbacks and retries), oldest first. */
  queued(): Promise<QueuedRetry[]>;
  /** Queues the dial of `attempt` now, as at its time, and waits until the worker has done it. */
  runQueuedCall(interviewId: string, attempt: number): Promise<void>;
  /** Interviews queued on the app's durable queue for their scorecard. */
  scored(): Promise<string[]>;
  /** Inserts a candidate, resume and interview; answers the ids and the candidate's token. */
  createInterview(input?: {
    status?: InterviewStatus;
    phone?: string;
    timezone?: string;
  }): Promise<{ interviewId: string; roomName: string; candidateToken: string }>;
  /** The dispatch metadata and its backend token, as the start flow prepares them. */
  prepareMetadata(interviewId: string): Promise<{ metadata: string; backendToken: string }>;
  /** Dials through the emulator and reports the answer as the agent does: the call is live. */
  answeredCall(phone: string): Promise<{
    interviewId: string;
    roomName: string;
    auth: Record<string, string>;
    candidateToken: string;
  }>;
  /** Posts one agent call report (`POST /api/agent/interviews/:id/events`); answers the JSON. */
  agentEvent(
    interviewId: string,
    auth: Record<string, string>,
    payload: Record<string, unknown>,
  ): Promise<unknown>;
  close(): Promise<void>;
}

export async function buildLiveKitTestApp(
  engine: TestEngine,
  options: { env?: Record<string, string>; scripts?: Record<string, SipScript> } = {},
): Promise<LiveKitTestApp> {
  const database = await openTestDatabase(engine);
  await seedDemoData(database.db);
  const db = database.db;
  const holder: { app?: FastifyInstance } = {};

  const emulator = await startLiveKitEmulator({
    apiKey: TEST_API_KEY,
    apiSecret: TEST_API_SECRET,
    sipTrunkIds: [TEST_TRUNK],
    departureTimeoutMs: 5,
    defaultScript: { kind: 'answer', afterMs: 30 },
    ...(options.scripts === undefined ? {} : { scripts: options.scripts }),
    deliverWebhook: async (webhook) => {
      await holder.app?.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        headers: webhook.headers,
        payload: webhook.body,
      });
    },
  });
  const env = parseEnv({
    NODE_ENV: 'test',
    LIVEKIT_URL: emulator.url,
    LIVEKIT_API_KEY: TEST_API_KEY,
    LIVEKIT_API_SECRET: TEST_API_SECRET,
    SIP_TRUNK_ID: TEST_TRUNK,
    SIP_CALLS_PER_SECOND: '100',
    CALLING_HOURS: '00:00-24:00',
    ...options.env,
  });
  const log = pino({ level: 'silent' });
  const telephony = createLiveKitTelephony({
    env,
    db,
    log,
    mayDial: createMayDial(db, env.DIALING_DISABLED),
  });
  if (telephony === undefined) throw new Error('LiveKit telephony was not created');
  const app = await buildApp({ env, database, frontendDir: '/nonexistent' });
  holder.app = app;
  await app.ready();
  const runtime = app.interviewRuntime;

  const queuedJobs = async (queue: string) => {
    const rows = await sql<{ data: Record<string, unknown>; start_after: Date }>`
      select data, start_after from pgboss.job where name = ${queue} order by created_on, start_after
    `.execute(db);
    return rows.rows;
  };

  const testApp: LiveKitTestApp = {
    app,
    database,
    db,
    emulator,
    runtime,
    telephony,
    env,
    async runQueuedCall(interviewId, attempt) {
      const queued = await runtime.queue.send(CALLBACK_QUEUE, { interviewId, attempt });
      const deadline = Date.now() + 15_000;
      for (;;) {
        const row = await sql<{
          state: string;
        }>`select state from pgboss.job where id = ${queued}`.execute(db);
        if (row.rows[0]?.state === 'completed') return;
        if (Date.now() > deadline) {
          throw new Error(`the queued call ended ${row.rows[0]?.state ?? 'missing'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async queued() {
      return (await queuedJobs(CALLBACK_QUEUE)).map((job) => ({
        interviewId: String(job.data.interviewId),
        attempt: Number(job.data.attempt),
        at: new Date(job.start_after),
      }));
    },
    async scored() {
      return (await queuedJobs(SCORE_QUEUE)).map((job) => String(job.data.interviewId));
    },
    async answeredCall(phone) {
      const { interviewId, roomName, candidateToken } = await testApp.createInterview({ phone });
      const { metadata, backendToken } = await testApp.prepareMetadata(interviewId);
      await telephony.callPlacer.placeCall({
        interviewId,
        attempt: 1,
        roomName,
        phoneE164: phone,
        agentMetadata: metadata,
      });
      await emulator.flushWebhooks();
      const auth = { authorization: `Bearer ${backendToken}` };
      const answered = await testApp.agentEvent(interviewId, auth, { event: 'answered' });
      if ((answered as { result?: string }).result !== 'applied') {
        throw new Error(`the answer was not applied: ${JSON.stringify(answered)}`);
      }
      return { interviewId, roomName, auth, candidateToken };
    },
    async agentEvent(interviewId, auth, payload) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/agent/interviews/${interviewId}/events`,
        headers: auth,
        payload,
      });
      return response.json();
    },
    async createInterview(input = {}) {
      const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
      const candidate = await db
        .insertInto('candidates')
        .values({ name: 'Test Candidate', phone_e164: input.phone ?? '+12133734253' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const resume = await db
        .insertInto('resumes')
        .values({
          candidate_id: candidate.id,
          file_name: 'resume.txt',
          sha256: randomBytes(32).toString('hex'),
          media_type: 'text/plain',
          size_bytes: 10,
          storage_key: randomBytes(8).toString('hex'),
          text: 'resume',
          parsed: '{}',
          warnings: '[]',
          parser_version: 'test',
          token_hash: hashToken(createToken()),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const candidateToken = createToken();
      const roomName = `screen-${randomBytes(8).toString('hex')}-1`;
      const interview = await db
        .insertInto('interviews')
        .values({
          job_id: job.id,
          candidate_id: candidate.id,
          resume_id: resume.id,
          mode: 'phone',
          status: input.status ?? 'dialing',
          phone_e164: input.phone ?? '+12133734253',
          timezone: input.timezone ?? null,
          room_name: roomName,
          candidate_token_hash: hashToken(candidateToken),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { interviewId: interview.id, roomName, candidateToken };
    },
    async prepareMetadata(interviewId) {
      const metadata = await prepareAgentMetadata(db, {
        interviewId,
        channel: 'phone',
        ttlS: telephony.agentTokenTtlS,
      });
      const parsed = JSON.parse(metadata) as { backendToken: string };
      return { metadata, backendToken: parsed.backendToken };
    },
    async close() {
      await app.close();
      await emulator.stop();
      await database.close();
    },
  };
  return testApp;
}
