// Web mode against LiveKit's own server (`npm run test:livekit`): the backend makes the room and
// the candidate's token, a real WebRTC participant (LiveKit's rtc-node, as the browser) joins with
// it, and the server's own webhooks, signed with the stack's real keys, move the interview.
import { Room } from '@livekit/rtc-node';
import type { StartPhoneScreenResponse } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';
import { RoomServiceClient } from 'livekit-server-sdk';
import { pino } from 'pino';
import { reconcileCalls } from '../../services/reconcile-calls.js';
import { BACKEND_PORT, livekitHttpUrl, stackFromEnv, waitFor } from './stack-kit.js';

const stackIp = process.env.STACK_IP ?? '';
/** Settling time for each webhook the server sends. */
const WEBHOOK_MS = 20_000;

/** The app in web mode on the stack's LiveKit, on a fresh database with the demo job. */
async function openWebModeApp(
  env: Record<string, string> = {},
): Promise<{ app: FastifyInstance; database: DatabaseHandle }> {
  const database = await openTestDatabase('pglite');
  await seedDemoData(database.db);
  const app = await buildApp({
    env: parseEnv({
      NODE_ENV: 'test',
      LIVEKIT_URL: process.env.LIVEKIT_URL,
      LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY,
      LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET,
      CALLING_HOURS: '00:00-24:00',
      ...env,
    }),
    database,
    frontendDir: '/nonexistent',
  });
  return { app, database };
}

describe('web mode against the real livekit-server', () => {
  let app: FastifyInstance | undefined;
  let database: DatabaseHandle | undefined;
  let room: Room | undefined;

  afterEach(async () => {
    await room?.disconnect();
    await app?.close();
    await database?.close();
    room = undefined;
    app = undefined;
    database = undefined;
  });

  it('the candidate joins with the minted token; real signed webhooks move the interview to in progress, then completed', async () => {
    // A browser that leaves may come back: LiveKit keeps the room this (plus 15 s) for it.
    ({ app, database } = await openWebModeApp({ WEB_REJOIN_GRACE_S: '1' }));
    // Every delivery the server makes, as it made it (raw body and bare token), to replay below.
    const deliveries: { body: string; authorization: string }[] = [];
    app.addHook('preHandler', async (request) => {
      if (request.url === '/api/livekit/webhook' && typeof request.body === 'string') {
        deliveries.push({ body: request.body, authorization: request.headers.authorization ?? '' });
      }
    });
    await app.listen({ host: stackIp, port: BACKEND_PORT });
    const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const response = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.10',
      payload: {
        jobId: job.id,
        resumeId: await insertResume(database),
        consent: true,
        phone: '+12133734253',
      },
    });
    expect(response.statusCode).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    expect(answer.interview.mode).toBe('web');
    const webCall = answer.webCall;
    if (webCall === undefined) throw new Error('web mode answered no webCall');

    room = new Room();
    await room.connect(webCall.url, webCall.token, { autoSubscribe: false, dynacast: false });
    const db = database.db;
    const status = () =>
      db
        .selectFrom('interviews')
        .select('status')
        .where('id', '=', answer.interview.id)
        .executeTakeFirstOrThrow()
        .then((row) => row.status);
    expect(await waitFor(status, (value) => value === 'in_progress', WEBHOOK_MS)).toBe(
      'in_progress',
    );

    await room.disconnect();
    room = undefined;
    // No agent here to wait for the candidate and end the call: LiveKit closes the emptied room
    // once its departure timeout has passed, and that ends it.
    const ended = await waitFor(status, (value) => value === 'completed', WEBHOOK_MS + 16_000);
    const trail = await db
      .selectFrom('interview_events')
      .select(['type', 'status', 'created_at'])
      .where('interview_id', '=', answer.interview.id)
      .orderBy('id')
      .execute();
    expect(ended, JSON.stringify(trail)).toBe('completed');
    const events = await db
      .selectFrom('interview_events')
      .select(['type', 'external_id'])
      .where('interview_id', '=', answer.interview.id)
      .orderBy('id')
      .execute();
    // Each came from LiveKit (its event id kept for de-duplication), none from us.
    const fromLiveKit = events.filter((event) => event.external_id !== null).map((e) => e.type);
    expect(fromLiveKit).toEqual(expect.arrayContaining(['candidate_joined', 'candidate_left']));

    // The same real deliveries, signed by the server, replayed newest first into a fresh copy of
    // the interview: the status only moves forward, and it ends where the ordered run ended.
    const roomName = (
      await db
        .selectFrom('interviews')
        .select('room_name')
        .where('id', '=', answer.interview.id)
        .executeTakeFirstOrThrow()
    ).room_name;
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    await db
      .deleteFrom('interview_events')
      .where('interview_id', '=', answer.interview.id)
      .execute();
    await db
      .updateTable('interviews')
      .set({ status: 'dialing', ended_at: null, end_reason: null, started_at: null })
      .where('id', '=', answer.interview.id)
      .execute();
    const seen: string[] = [];
    for (const delivery of [...deliveries].reverse()) {
      const replayed = await app.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        headers: {
          'content-type': 'application/webhook+json',
          authorization: delivery.authorization,
        },
        payload: delivery.body,
      });
      expect(replayed.statusCode).toBe(200);
      seen.push(await status());
    }
    expect(roomName).not.toBeNull();
    // Newest first, the room's end came before the browser joined, when it could not end the
    // call (a dial may still be in flight then), and the browser's leave is not an end (it may
    // come back). What ends the call then is the reconciler, which asks LiveKit: the room is gone.
    expect(seen.at(-1)).toBe('in_progress');
    const stack = stackFromEnv();
    const summary = await reconcileCalls({
      db,
      rooms: new RoomServiceClient(livekitHttpUrl(stack), stack.apiKey, stack.apiSecret),
      lifecycle: app.interviewRuntime.lifecycle,
      log: pino({ level: 'silent' }),
      dialStaleAfterS: 0,
      callStaleAfterS: 0,
    });
    expect(summary.ended).toBe(1);
    seen.push(await status());
    expect(seen.at(-1)).toBe('completed');
    // Once completed, no later (older) event moved it anywhere else.
    expect(seen.slice(seen.indexOf('completed'))).toEqual(
      seen.slice(seen.indexOf('completed')).map(() => 'completed'),
    );
  });

  it('a new token only while the room is open on the server: once it is gone, 409, not a token for a room joining would recreate', async () => {
    // Not listening: no webhook reaches this app, so the database still says the screen runs
    // after the room is gone, as when a room_finished delivery is late or lost.
    ({ app, database } = await openWebModeApp());
    const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const started = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.11',
      payload: { jobId: job.id, resumeId: await insertResume(database), consent: true },
    });
    expect(started.statusCode, started.body).toBe(202);
    const answer = started.json<StartPhoneScreenResponse>();
    const roomName = answer.webCall?.room ?? '';
    const site = app;
    const rejoin = () =>
      site.inject({
        method: 'POST',
        url: `/api/interviews/${answer.interview.id}/web-call`,
        headers: { authorization: `Bearer ${answer.candidateToken}` },
      });

    const open = await rejoin();
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<{ webCall: { room: string } }>().webCall.room).toBe(roomName);

    const stack = stackFromEnv();
    await new RoomServiceClient(livekitHttpUrl(stack), stack.apiKey, stack.apiSecret).deleteRoom(
      roomName,
    );
    const gone = await rejoin();
    expect(gone.statusCode, gone.body).toBe(409);
    expect(gone.json<{ message: string }>().message).toMatch(/^This screen has ended/);
  });
});
