// The real agent worker (agent/src/main.ts, the production entry) against LiveKit's own server
// (`npm run test:livekit`): it registers under its name, takes the dispatch with the pinned
// metadata, fetches its context from the backend, and says nothing while no candidate has answered.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';
import { prepareAgentMetadata } from '../../services/agent-token.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const stackIp = process.env.STACK_IP ?? '';
const url = process.env.LIVEKIT_URL ?? '';
const key = process.env.LIVEKIT_API_KEY ?? '';
const secret = process.env.LIVEKIT_API_SECRET ?? '';
const httpUrl = url.replace(/^ws/, 'http');
const AGENT_NAME = `screenline-stack-test-${process.pid}`;
/** The port the stack's livekit.yaml sends webhooks to (scripts/livekit-stack.mjs). */
const BACKEND_PORT = 3900;
/** ParticipantInfo.Kind.AGENT on the wire. */
const KIND_AGENT = 4;
/** The SDK's kind enum comes from its own protocol copy: compare the number on the wire. */
const isAgent = (participant: { kind: unknown }): boolean => participant.kind === KIND_AGENT;

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the real agent worker on the real livekit-server', () => {
  let worker: ChildProcess | undefined;
  let app: FastifyInstance | undefined;
  let database: DatabaseHandle | undefined;
  let workerLog = '';

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemoData(database.db);
    app = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        LIVEKIT_URL: url,
        LIVEKIT_API_KEY: key,
        LIVEKIT_API_SECRET: secret,
        CALLING_HOURS: '00:00-24:00',
      }),
      database,
      frontendDir: '/nonexistent',
    });
    await app.listen({ host: stackIp, port: BACKEND_PORT });
    worker = spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      ['--conditions=source', path.join(root, 'agent/src/main.ts'), 'start'],
      {
        cwd: path.join(root, 'agent'),
        env: {
          ...process.env,
          LIVEKIT_URL: url,
          LIVEKIT_API_KEY: key,
          LIVEKIT_API_SECRET: secret,
          AGENT_NAME,
          BACKEND_URL: `http://${stackIp}:${BACKEND_PORT}`,
          // The suite's machine is busy: do not let the worker call itself full.
          AGENT_LOAD_THRESHOLD: '1.5',
          AGENT_HTTP_PORT: '0',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so the job processes it forks stop with it.
        detached: true,
      },
    );
    const collect = (chunk: Buffer): void => {
      workerLog += chunk.toString();
    };
    worker.stdout?.on('data', collect);
    worker.stderr?.on('data', collect);
    // A dispatch made before the worker registers is dropped silently: wait for the registration.
    await waitFor(
      () => Promise.resolve(workerLog),
      (log) => log.includes('registered worker'),
      100_000,
    );
    if (!workerLog.includes('registered worker')) {
      throw new Error(`the agent worker did not register:\n${workerLog.slice(-2000)}`);
    }
  }, 120_000);

  afterAll(async () => {
    if (worker?.pid !== undefined) process.kill(-worker.pid, 'SIGTERM');
    await app?.close();
    await database?.close();
  });

  it('joins the dispatched room as an agent and publishes nothing while the phone has not answered', async () => {
    if (database === undefined) throw new Error('no database');
    const db = database.db;
    const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const resumeId = await insertResume(database);
    const candidate = await db
      .insertInto('candidates')
      .values({ name: 'Stack Candidate', phone_e164: '+12133734253' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const roomName = `stack-agent-${Date.now()}`;
    const interview = await db
      .insertInto('interviews')
      .values({
        job_id: job.id,
        candidate_id: candidate.id,
        resume_id: resumeId,
        mode: 'phone',
        status: 'dialing',
        phone_e164: '+12133734253',
        room_name: roomName,
        candidate_token_hash: 'unused',
        engine_state: JSON.stringify({}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const metadata = await prepareAgentMetadata(db, {
      interviewId: interview.id,
      channel: 'phone',
      ttlS: 600,
    });
    const dispatch = await new AgentDispatchClient(httpUrl, key, secret).createDispatch(
      roomName,
      AGENT_NAME,
      { metadata },
    );
    expect(dispatch.metadata).toBe(metadata);

    const rooms = new RoomServiceClient(httpUrl, key, secret);
    const participants = await waitFor(
      () => rooms.listParticipants(roomName),
      (list) => list.some((participant) => isAgent(participant)),
    );
    const agent = participants.find((participant) => isAgent(participant));
    expect(agent, workerLog.slice(-2000)).toBeDefined();
    // Still there a few seconds on, waiting for `sip.callStatus = active`, and silent meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const later = await rooms.listParticipants(roomName);
    const stillThere = later.find((participant) => participant.identity === agent?.identity);
    expect(stillThere?.tracks ?? []).toEqual([]);
    expect(workerLog).not.toContain('dispatch metadata is not a Screenline interview');
    await rooms.deleteRoom(roomName);
  });
});
