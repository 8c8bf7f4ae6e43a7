// REL-5 on LiveKit's own server (`npm run test:livekit`): a web call with the real agent worker,
// its job process killed mid-call while the worker stays up. LiveKit does not send a new agent
// then; the backend does, on the server's own signed `participant_left` webhook, and the new agent
// resumes from the saved turns ("Sorry, we were cut off") with no turn lost or doubled.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Room } from '@livekit/rtc-node';
import type { StartPhoneScreenResponse } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { AgentDispatchClient, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';
import {
  busyJobProcesses,
  killJobProcess,
  startAgentWorker,
  type AgentWorker,
} from './agent-worker-rig.js';
import { BACKEND_PORT, livekitHttpUrl, stackFromEnv, waitFor } from './stack-kit.js';
import { isAgentParticipant } from '../participant-kind.js';

const stack = stackFromEnv();
const httpUrl = livekitHttpUrl(stack);
const { apiKey: key, apiSecret: secret } = stack;
const livekitPort = Number(new URL(httpUrl).port || 7880);
const WORKER_LOG = path.join(tmpdir(), 'screenline-agent-crash-worker.log');
const AGENT_NAME = `screenline-crash-test-${process.pid}`;
/** How long each step of the call may take on a loaded machine. */
const STEP_MS = 60_000;

describe('an agent job process killed mid-call on the real livekit-server', () => {
  let worker: AgentWorker | undefined;
  let app: FastifyInstance | undefined;
  let database: DatabaseHandle | undefined;
  let candidate: Room | undefined;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemoData(database.db);
    app = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        LIVEKIT_URL: stack.livekitUrl,
        LIVEKIT_API_KEY: key,
        LIVEKIT_API_SECRET: secret,
        AGENT_NAME,
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
      // The candidate here says nothing: no silence prompts may end the call under the test.
      // A shared test machine is loaded: give call processes time to start.
      extraEnv: { SILENCE_TIMEOUT_S: '120', AGENT_PROCESS_START_TIMEOUT_S: '60' },
    });
  }, 150_000);

  afterAll(async () => {
    // The worker's whole output, for a failure's post-mortem (the assertion shows only its tail).
    if (worker !== undefined) await writeFile(WORKER_LOG, worker.log());
    await candidate?.disconnect();
    await worker?.stop();
    await app?.close();
    await database?.close();
  });

  it('a new agent joins on the backend’s re-dispatch and resumes: no turn lost, none doubled', async () => {
    if (database === undefined || app === undefined || worker === undefined) {
      throw new Error('not set up');
    }
    const db = database.db;
    const rig: AgentWorker = worker;
    const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const response = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.11',
      payload: {
        jobId: job.id,
        resumeId: await insertResume(database),
        consent: true,
        phone: '+12133734253',
      },
    });
    expect(response.statusCode).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    const webCall = answer.webCall;
    if (webCall === undefined) throw new Error('web mode answered no webCall');
    const interviewId = answer.interview.id;
    candidate = new Room();
    await candidate.connect(webCall.url, webCall.token, { autoSubscribe: true, dynacast: false });

    const turns = () =>
      db
        .selectFrom('transcript_turns')
        .select(['id', 'seq', 'speaker', 'text'])
        .where('interview_id', '=', interviewId)
        .orderBy('seq')
        .execute();
    // The first agent opened the call (its opening is saved as it is said).
    const opened = await waitFor(
      turns,
      (rows) => rows.some((row) => row.speaker === 'agent'),
      STEP_MS,
    );
    expect(opened.length, worker.log().slice(-3000)).toBeGreaterThan(0);

    const rooms = new RoomServiceClient(httpUrl, key, secret);
    const agents = async () =>
      (await rooms.listParticipants(webCall.room)).filter((participant) =>
        isAgentParticipant(participant),
      );
    const first = (await agents())[0];
    expect(first).toBeDefined();
    const busy = await waitFor(
      () => busyJobProcesses(rig, livekitPort),
      (pids) => pids.length === 1,
      STEP_MS,
    );
    expect(busy).toHaveLength(1);
    const savedBeforeKill = await turns();
    const [jobPid] = busy;
    if (jobPid === undefined) throw new Error('no job process holds the call');
    killJobProcess(jobPid);
    const killedAt = Date.now();

    // A different agent comes into the room: only the backend sent one.
    const replaced = await waitFor(
      agents,
      (list) => list.some((participant) => participant.identity !== first?.identity),
      STEP_MS,
    );
    const second = replaced.find((participant) => participant.identity !== first?.identity);
    const trail = await db
      .selectFrom('interview_events')
      .select(['type', 'data', 'created_at'])
      .where('interview_id', '=', interviewId)
      .orderBy('id')
      .execute();
    const dispatches = await new AgentDispatchClient(httpUrl, key, secret).listDispatch(
      webCall.room,
    );
    expect(
      second,
      `${JSON.stringify(trail)}\n${JSON.stringify(dispatches)}\n${rig.log().slice(-3000)}`,
    ).toBeDefined();
    const joinedAfterMs = Date.now() - killedAt;

    // It resumes where the first stopped.
    const resumed = await waitFor(
      turns,
      (rows) => rows.some((row) => row.seq > savedBeforeKill.length && /cut off/i.test(row.text)),
      STEP_MS,
    );
    const after = resumed.filter((row) => row.seq > savedBeforeKill.length);
    expect(after[0]?.text, JSON.stringify(resumed)).toMatch(/^Sorry, we were cut off\./);
    // Every turn saved before the kill is still there, in order, and none is doubled.
    expect(resumed.slice(0, savedBeforeKill.length)).toEqual(savedBeforeKill);
    expect(resumed.map((row) => row.seq)).toEqual(resumed.map((_, index) => index + 1));
    expect(new Set(resumed.map((row) => row.id)).size).toBe(resumed.length);

    const interview = await db
      .selectFrom('interviews')
      .select(['status', 'agent_redispatches'])
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
    expect(interview).toEqual({ status: 'in_progress', agent_redispatches: 1 });
    const left = await db
      .selectFrom('interview_events')
      .select(['data', 'external_id'])
      .where('interview_id', '=', interviewId)
      .where('type', '=', 'agent_left')
      .execute();
    // The server's own webhook, with its event id, and the disconnect reason it gave.
    expect(left).toHaveLength(1);
    expect(left[0]?.external_id).toMatch(/^EV_/);
    console.info(
      `agent crash: new agent joined ${joinedAfterMs} ms after the kill; ` +
        `leave reason ${JSON.stringify(left[0]?.data)}; turns before ${savedBeforeKill.length}, after ${resumed.length}`,
    );
    await rooms.deleteRoom(webCall.room);
  }, 180_000);
});
