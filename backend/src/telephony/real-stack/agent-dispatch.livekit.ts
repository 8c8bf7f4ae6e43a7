// The real agent worker (agent/src/main.ts, the production entry) against LiveKit's own server
// (`npm run test:livekit`): it registers under its name, takes the dispatch with the pinned
// metadata, fetches its context from the backend, and says nothing while no candidate has answered.
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
import { isAgentParticipant } from '../participant-kind.js';
import { startAgentWorker, type AgentWorker } from './agent-worker-rig.js';
import { BACKEND_PORT, livekitHttpUrl, stackFromEnv, waitFor } from './stack-kit.js';

const stack = stackFromEnv();
const httpUrl = livekitHttpUrl(stack);
const { apiKey: key, apiSecret: secret } = stack;
const AGENT_NAME = `screenline-stack-test-${process.pid}`;

describe('the real agent worker on the real livekit-server', () => {
  let worker: AgentWorker | undefined;
  let app: FastifyInstance | undefined;
  let database: DatabaseHandle | undefined;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemoData(database.db);
    app = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        LIVEKIT_URL: stack.livekitUrl,
        LIVEKIT_API_KEY: key,
        LIVEKIT_API_SECRET: secret,
        CALLING_HOURS: '00:00-24:00',
      }),
      database,
      frontendDir: '/nonexistent',
    });
    await app.listen({ host: stack.stackIp, port: BACKEND_PORT });
    worker = await startAgentWorker({
      stack,
      agentName: AGENT_NAME,
      backendUrl: `http://${stack.stackIp}:${BACKEND_PORT}`,
    });
  }, 150_000);

  afterAll(async () => {
    await worker?.stop();
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
      (list) => list.some((participant) => isAgentParticipant(participant)),
      30_000,
      200,
    );
    const agent = participants.find((participant) => isAgentParticipant(participant));
    const workerLog = worker?.log() ?? '';
    expect(agent, workerLog.slice(-2000)).toBeDefined();
    // Still there a few seconds on, waiting for `sip.callStatus = active`, and silent meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const later = await rooms.listParticipants(roomName);
    const stillThere = later.find((participant) => participant.identity === agent?.identity);
    expect(stillThere?.tracks ?? []).toEqual([]);
    expect(worker?.log()).not.toContain('dispatch metadata is not a Screenline interview');
    await rooms.deleteRoom(roomName);
  });
});
