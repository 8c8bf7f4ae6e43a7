// Phone mode against LiveKit's own open-source server (`npm run test:livekit`, inside the stack's
// network namespace). No emulator here: every answer below comes from livekit-server itself.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StartPhoneScreenResponse } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';

const stack = {
  url: process.env.LIVEKIT_URL ?? '',
  key: process.env.LIVEKIT_API_KEY ?? '',
  secret: process.env.LIVEKIT_API_SECRET ?? '',
  hasSip: (process.env.SIP_PORT ?? '') !== '',
};
const httpUrl = stack.url.replace(/^ws/, 'http');
const runDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../.livekit/run',
);

/**
 * Stops the stack's own Redis (scripts/livekit-stack.mjs started it; the suite runs in its
 * namespace) and gives back a restart with the same command line. livekit-server reconnects.
 */
function stopStackRedis(): { restart(): Promise<void> } {
  const pidFile = path.join(runDir, 'redis.pid');
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const [command = 'redis-server', ...args] = JSON.parse(
    readFileSync(path.join(runDir, 'redis.command.json'), 'utf8'),
  ) as string[];
  process.kill(pid, 'SIGKILL');
  return {
    async restart() {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.unref();
      writeFileSync(pidFile, String(child.pid));
      // Ready again once the server has registered itself in the new Redis and can place a room.
      const rooms = new RoomServiceClient(httpUrl, stack.key, stack.secret);
      const canOpenRoom = async (): Promise<boolean> => {
        try {
          await rooms.createRoom({ name: 'redis-probe' });
          await rooms.deleteRoom('redis-probe');
          return true;
        } catch {
          return false;
        }
      };
      await expect.poll(canOpenRoom, { timeout: 30_000, interval: 500 }).toBe(true);
    },
  };
}

interface StackApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobId: string;
  close(): Promise<void>;
}

async function buildStackApp(trunkId: string): Promise<StackApp> {
  const database = await openTestDatabase('pglite');
  await seedDemoData(database.db);
  const app = await buildApp({
    env: parseEnv({
      NODE_ENV: 'test',
      LIVEKIT_URL: stack.url,
      LIVEKIT_API_KEY: stack.key,
      LIVEKIT_API_SECRET: stack.secret,
      SIP_TRUNK_ID: trunkId,
      SIP_CALLS_PER_SECOND: '100',
      CALLING_HOURS: '00:00-24:00',
      RINGING_TIMEOUT_S: '10',
    }),
    database,
    frontendDir: '/nonexistent',
  });
  await app.ready();
  const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
  return {
    app,
    database,
    jobId: job.id,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

async function startScreen(t: StackApp): Promise<StartPhoneScreenResponse> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/interview/start-phone-screen',
    remoteAddress: '203.0.113.9',
    payload: {
      jobId: t.jobId,
      resumeId: await insertResume(t.database),
      consent: true,
      phone: '+12133734253',
    },
  });
  expect(response.statusCode).toBe(202);
  return response.json<StartPhoneScreenResponse>();
}

/** The timeline once the background dial has ended the first attempt. */
async function settledTimeline(t: StackApp, interviewId: string) {
  await expect
    .poll(
      async () =>
        (await timeline(t, interviewId)).some(
          (event) => event.status !== 'dialing' && event.status !== null,
        ),
      {
        timeout: 20_000,
        interval: 100,
      },
    )
    .toBe(true);
  // A retry, when the rule queues one, follows in its own transaction.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return timeline(t, interviewId);
}

async function timeline(t: StackApp, interviewId: string) {
  const rows = await t.database.db
    .selectFrom('interview_events')
    .select(['type', 'status', 'data'])
    .where('interview_id', '=', interviewId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    type: row.type,
    status: row.status,
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
      string,
      unknown
    >,
  }));
}

describe('phone mode against the real livekit-server', () => {
  let t: StackApp | undefined;
  const sip = new SipClient(httpUrl, stack.key, stack.secret, { failover: false });

  beforeAll(() => {
    if (stack.url === '') throw new Error('run through `npm run test:livekit` (no stack settings)');
  });

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a SIP_TRUNK_ID the server does not know ends the attempt failed, with its reason, and is not retried', async () => {
    t = await buildStackApp('ST_doesnotexist');
    const answer = await startScreen(t);
    expect(answer.interview.status).toBe('dialing');
    const events = await settledTimeline(t, answer.interview.id);
    const failure = events.find((event) => event.status === 'failed');
    expect(failure?.data).toMatchObject({
      reason: 'operator_error',
      detail: 'livekit_404_not_found',
      isRetryable: false,
    });
    const row = await t.database.db
      .selectFrom('interviews')
      .select(['status', 'scheduled_for'])
      .where('id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', scheduled_for: null });
  });

  it.runIf(!stack.hasSip)(
    'with no SIP bridge the server answers 503: the attempt fails with that reason and one retry is queued, not a storm',
    async () => {
      const trunk = await sip.createSipOutboundTrunk('stack-test', '10.77.0.2:5070', [
        '+15550000001',
      ]);
      t = await buildStackApp(trunk.sipTrunkId);
      const answer = await startScreen(t);
      const events = await settledTimeline(t, answer.interview.id);
      const failure = events.find((event) => event.status === 'failed');
      expect(failure?.data).toMatchObject({ reason: 'livekit_error', detail: 'livekit_503' });
      const row = await t.database.db
        .selectFrom('interviews')
        .select(['status', 'scheduled_for'])
        .where('id', '=', answer.interview.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('scheduled');
      // REL-2: the first retry waits between 1 s and 2 s (full jitter), never at once.
      expect(row.scheduled_for?.getTime()).toBeGreaterThan(Date.now() - 1_000);
      // The dispatch went out with the dial and the server made the room for whichever came
      // first; the placer closed it after the failure: no agent is left waiting for nobody.
      const rooms = new RoomServiceClient(httpUrl, stack.key, stack.secret);
      await expect
        .poll(async () => (await rooms.listRooms()).map((room) => room.name))
        .not.toContain(`screen-${answer.interview.id}-1`);
      await sip.deleteSipTrunk(trunk.sipTrunkId);
    },
  );

  it("the stack's Redis down: the attempt fails with LiveKit's own words and one retry, never a storm", async () => {
    const trunk = await sip.createSipOutboundTrunk('stack-redis', '10.77.0.2:5070', [
      '+15550000003',
    ]);
    t = await buildStackApp(trunk.sipTrunkId);
    const redis = stopStackRedis();
    try {
      const answer = await startScreen(t);
      const events = await settledTimeline(t, answer.interview.id);
      const failure = events.find((event) => event.status === 'failed');
      expect(failure?.data).toMatchObject({
        reason: 'livekit_error',
        detail: 'livekit_500',
        isRetryable: true,
      });
      expect(String(failure?.data.liveKitMessage)).toMatch(/connection refused/);
      const row = await t.database.db
        .selectFrom('interviews')
        .select(['status', 'scheduled_for'])
        .where('id', '=', answer.interview.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('scheduled');
      expect(row.scheduled_for?.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await redis.restart();
    }
    await sip.deleteSipTrunk(trunk.sipTrunkId);
  });

  it('a trunk made through the API is outbound, keeps its address and numbers, and lives in the stack', async () => {
    const trunk = await sip.createSipOutboundTrunk('stack-trunk', '10.77.0.2:5070', [
      '+15550000002',
    ]);
    const listed = await sip.listSipOutboundTrunk({ trunkIds: [trunk.sipTrunkId] });
    expect(listed.map((info) => [info.address, info.numbers])).toEqual([
      ['10.77.0.2:5070', ['+15550000002']],
    ]);
    await sip.deleteSipTrunk(trunk.sipTrunkId);
    expect(await sip.listSipOutboundTrunk({ trunkIds: [trunk.sipTrunkId] })).toEqual([]);
  });

  it('a dispatch into a room that does not exist creates it (room.auto_create), so it can go out with the dial', async () => {
    const room = `stack-dispatch-${Date.now()}`;
    const dispatches = new AgentDispatchClient(httpUrl, stack.key, stack.secret);
    const dispatch = await dispatches.createDispatch(room, 'no-such-agent', { metadata: '{}' });
    expect(dispatch.room).toBe(room);
    const rooms = new RoomServiceClient(httpUrl, stack.key, stack.secret);
    expect((await rooms.listRooms([room])).map((info) => info.name)).toEqual([room]);
    await rooms.deleteRoom(room);
  });
});
