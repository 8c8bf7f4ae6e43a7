import type { StartPhoneScreenResponse } from '@screenline/core';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { DatabaseHandle } from '../db/database.js';
import { seedDemoData } from '../db/seed.js';
import { parseEnv } from '../env.js';
import { insertResume } from '../test/interview-test-kit.js';
import { openTestDatabase, TEST_ENGINES, type TestEngine } from '../test/test-database.js';
import {
  startLiveKitEmulator,
  type LiveKitEmulator,
} from '../test-support/livekit-emulator/index.js';

const KEY = 'APIphonemode';
const SECRET = 'phone-mode-secret-phone-mode-secret-000001';
const TRUNK = 'ST_phone';

interface PhoneApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  emulator: LiveKitEmulator;
  jobId: string;
  close(): Promise<void>;
}

async function buildPhoneApp(
  engine: TestEngine,
  env: Record<string, string> = {},
  options: { isWeb?: boolean } = {},
): Promise<PhoneApp> {
  const database = await openTestDatabase(engine);
  await seedDemoData(database.db);
  const holder: { app?: FastifyInstance } = {};
  const emulator = await startLiveKitEmulator({
    apiKey: KEY,
    apiSecret: SECRET,
    sipTrunkIds: [TRUNK],
    defaultScript: { kind: 'answer', afterMs: 60_000 },
    deliverWebhook: async (webhook) => {
      await holder.app?.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        headers: webhook.headers,
        payload: webhook.body,
      });
    },
  });
  const app = await buildApp({
    env: parseEnv({
      NODE_ENV: 'test',
      LIVEKIT_URL: emulator.url,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
      ...(options.isWeb === true ? {} : { SIP_TRUNK_ID: TRUNK }),
      SIP_CALLS_PER_SECOND: '100',
      CALLING_HOURS: '00:00-24:00',
      RATE_LIMIT_PER_IP_PER_HOUR: '100000',
      RATE_LIMIT_PER_PREFIX_PER_HOUR: '100000',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
      LIVEKIT_REQUEST_TIMEOUT_S: '1',
      ...env,
    }),
    database,
    frontendDir: '/nonexistent',
  });
  await app.ready();
  holder.app = app;
  const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
  return {
    app,
    database,
    emulator,
    jobId: job.id,
    close: async () => {
      await app.close();
      await emulator.stop();
      await database.close();
    },
  };
}

/** The dial goes out in the background after the start has answered: wait for it to arrive. */
async function waitForDials(t: PhoneApp, count: number): Promise<void> {
  await expect.poll(() => t.emulator.callsTo('CreateSIPParticipant').length).toBe(count);
}

/** The statuses an interview went through, oldest first. */
async function statusTrail(t: PhoneApp, interviewId: string): Promise<(string | null)[]> {
  const events = await t.database.db
    .selectFrom('interview_events')
    .select('status')
    .where('interview_id', '=', interviewId)
    .where('status', 'is not', null)
    .orderBy('created_at')
    .execute();
  return events.map((event) => event.status);
}

function start(
  t: PhoneApp,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
  remoteAddress = '203.0.113.7',
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/interview/start-phone-screen',
    headers,
    remoteAddress,
    payload: { jobId: t.jobId, consent: true, phone: '+12133734253', ...body },
  });
}

/** An `Etc/GMT±n` zone in which it is now between 01:00 and 05:00 (outside any default window). */
function zoneAtNight(): string {
  const utcHour = new Date().getUTCHours();
  for (let offset = -12; offset <= 14; offset += 1) {
    const local = (((utcHour + offset) % 24) + 24) % 24;
    if (local >= 1 && local <= 5) {
      // Etc zones count the other way round: Etc/GMT-3 is UTC+3.
      return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    }
  }
  throw new Error('no zone found');
}

describe.each(TEST_ENGINES)('phone mode start against the LiveKit emulator (%s)', (engine) => {
  let t: PhoneApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers 202 dialing, then dials and dispatches the agent together, with metadata that holds no personal data', async () => {
    t = await buildPhoneApp(engine);
    const resumeId = await insertResume(t.database);
    const response = await start(t, { resumeId });
    expect(response.statusCode).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    expect(answer.interview.mode).toBe('phone');
    expect(answer.interview.status).toBe('dialing');
    await waitForDials(t, 1);
    await expect.poll(() => t?.emulator.dispatches.length).toBe(1);
    expect(t.emulator.calls.map((call) => call.method).sort()).toEqual([
      'CreateDispatch',
      'CreateSIPParticipant',
    ]);
    const dispatch = t.emulator.dispatches[0];
    const metadata = JSON.parse(dispatch?.metadata ?? '{}') as Record<string, unknown>;
    expect(Object.keys(metadata).sort()).toEqual([
      'backendToken',
      'channel',
      'interviewId',
      'participantIdentity',
    ]);
    expect(dispatch?.metadata).not.toMatch(/2133734253|Morgan|@/);
    await t.emulator.flushWebhooks();
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${answer.interview.id}/context`,
      headers: { authorization: `Bearer ${String(metadata.backendToken)}` },
    });
    expect(read.statusCode).toBe(200);
  });

  it('the call page hears a phone call move: ringing, in progress, the end', async () => {
    t = await buildPhoneApp(engine);
    const answer = (
      await start(t, { resumeId: await insertResume(t.database) })
    ).json<StartPhoneScreenResponse>();
    await expect.poll(() => t?.emulator.dispatches.length).toBe(1);
    await t.emulator.flushWebhooks();
    const metadata = JSON.parse(t.emulator.dispatches[0]?.metadata ?? '{}') as {
      backendToken: string;
    };
    const report = (payload: Record<string, unknown>) =>
      t?.app.inject({
        method: 'POST',
        url: `/api/agent/interviews/${answer.interview.id}/events`,
        headers: { authorization: `Bearer ${metadata.backendToken}` },
        payload,
      });
    // The SIP participant joined while `dialing`: that alone is not ringing.
    expect(await statusTrail(t, answer.interview.id)).toEqual(['dialing']);
    // The agent, in the room, sees `sip.callStatus` move: ringing, then active.
    await report({ event: 'ringing' });
    await report({ event: 'answered' });
    await report({ event: 'ended', reason: 'opted_out' });
    const stream = await t.app.inject({
      method: 'GET',
      url: `/api/interviews/${answer.interview.id}/events?token=${answer.candidateToken}`,
    });
    const statuses = stream.body
      .split('\n\n')
      .filter((block) => block.startsWith('event: status'))
      .map(
        (block) =>
          (JSON.parse(block.split('\n')[1]?.slice(6) ?? '{}') as { status: string }).status,
      );
    expect(statuses).toEqual(['dialing', 'ringing', 'in_progress', 'opted_out']);
    expect(stream.body).toMatch(/event: end\ndata: \{"status":"opted_out"/);
  });

  it('1,000 concurrent duplicate requests place one dial', async () => {
    // A generous LiveKit deadline: the 1,000 requests keep the event loop busy for seconds.
    t = await buildPhoneApp(engine, { LIVEKIT_REQUEST_TIMEOUT_S: '30' });
    const resumeId = await insertResume(t.database);
    const app = t;
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () =>
        start(app, { resumeId }, { 'idempotency-key': 'same-click' }),
      ),
    );
    const codes = new Map<number, number>();
    for (const response of responses) {
      codes.set(response.statusCode, (codes.get(response.statusCode) ?? 0) + 1);
    }
    expect([...codes.keys()].every((code) => [202, 409, 429].includes(code))).toBe(true);
    const ids = new Set(
      responses
        .filter((response) => response.statusCode === 202)
        .map((response) => response.json<StartPhoneScreenResponse>().interview.id),
    );
    expect(ids.size).toBe(1);
    await waitForDials(t, 1);
    // Give a stray second dial time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(1);
    console.log(`1,000 duplicates: ${JSON.stringify(Object.fromEntries(codes))}, dials 1`);
  }, 120_000);

  it('rate limits: dials placed / requests sent equals the configured limit', async () => {
    t = await buildPhoneApp(engine, { RATE_LIMIT_PER_IP_PER_HOUR: '5' });
    const requests = 50;
    for (let index = 0; index < requests; index += 1) {
      const resumeId = await insertResume(t.database);
      await start(t, { resumeId, phone: `+1213373${String(4200 + index)}` });
    }
    await waitForDials(t, 5);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const dials = t.emulator.callsTo('CreateSIPParticipant').length;
    expect(dials).toBe(5);
    console.log(`rate limit 5/hour per IP: ${dials} dials / ${requests} requests`);
  }, 120_000);

  it('outside calling hours a phone call is scheduled, and the answer says when in local time', async () => {
    t = await buildPhoneApp(engine, { CALLING_HOURS: '09:00-20:00' });
    const resumeId = await insertResume(t.database);
    const timezone = zoneAtNight();
    const response = await start(t, { resumeId, timezone });
    expect(response.statusCode).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    expect(answer.interview.status).toBe('scheduled');
    expect(answer.callingHours).toMatchObject({ timeZone: timezone, isScheduled: true });
    expect(answer.callingHours?.localTime).toMatch(/9:00 AM/);
    expect(t.emulator.calls).toHaveLength(0);
    const row = await t.database.db
      .selectFrom('interviews')
      .select('scheduled_for')
      .where('id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(row.scheduled_for?.toISOString()).toBe(answer.callingHours?.nextCallAt);
  });

  it('the kill switch stops every dial', async () => {
    t = await buildPhoneApp(engine, { DIALING_DISABLED: 'true' });
    const resumeId = await insertResume(t.database);
    const response = await start(t, { resumeId });
    expect(response.statusCode).toBe(503);
    expect(t.emulator.calls).toHaveLength(0);
    const rows = await t.database.db.selectFrom('interviews').select('id').execute();
    expect(rows).toHaveLength(0);
  });

  it('an administrator pauses every dial at run time, and resumes them', async () => {
    t = await buildPhoneApp(engine, {
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'a long admin password',
    });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@example.com', password: 'a long admin password' },
    });
    const cookies = Object.fromEntries(signIn.cookies.map((cookie) => [cookie.name, cookie.value]));
    const paused = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/dialing',
      cookies,
      payload: { isPaused: true },
    });
    expect(paused.json()).toMatchObject({
      isPaused: true,
      pausedBy: 'switch',
      appliesToThisMode: true,
    });
    const refused = await start(t, { resumeId: await insertResume(t.database) });
    expect(refused.statusCode).toBe(503);
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(0);

    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/dialing',
      cookies,
      payload: { isPaused: false },
    });
    const placed = await start(t, { resumeId: await insertResume(t.database) });
    expect(placed.statusCode).toBe(202);
    await waitForDials(t, 1);
  });

  it('a call canceled while it waited for the pacer never rings', async () => {
    t = await buildPhoneApp(engine, { SIP_CALLS_PER_SECOND: '0.5' });
    const first = await start(t, { resumeId: await insertResume(t.database) });
    expect(first.statusCode).toBe(202);
    await waitForDials(t, 1);
    // The second dial waits about two seconds for the trunk; the candidate cancels meanwhile.
    const second = start(t, { resumeId: await insertResume(t.database), phone: '+12133734299' });
    await expect
      .poll(
        async () =>
          (
            await t?.database.db
              .selectFrom('interviews')
              .select('status')
              .where('phone_e164', '=', '+12133734299')
              .executeTakeFirst()
          )?.status,
      )
      .toBe('dialing');
    await t.database.db
      .updateTable('interviews')
      .set({ status: 'canceled' })
      .where('phone_e164', '=', '+12133734299')
      .execute();
    await second;
    // Past the pacer's two seconds: the canceled dial never went out.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(1);
  });

  it('LiveKit down: the attempt fails with a retry queued, and no room is left', async () => {
    t = await buildPhoneApp(engine);
    t.emulator.availability = 'refuse';
    const resumeId = await insertResume(t.database);
    const response = await start(t, { resumeId });
    expect(response.statusCode).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    await expect
      .poll(() => statusTrail(t!, answer.interview.id))
      .toEqual(['dialing', 'failed', 'scheduled']);
    expect(t.emulator.rooms.size).toBe(0);
  });

  it('web mode: a room token for one room, microphone only, and the agent dispatched', async () => {
    t = await buildPhoneApp(engine, { CALLING_HOURS: '09:00-20:00' }, { isWeb: true });
    const resumeId = await insertResume(t.database);
    const response = await start(t, { resumeId, timezone: zoneAtNight() });
    const answer = response.json<StartPhoneScreenResponse>();
    expect(answer.interview.mode).toBe('web');
    // Calling hours guard phones only: the screen goes ahead, the answer says when a phone would ring.
    expect(answer.callingHours?.isScheduled).toBe(false);
    const webCall = answer.webCall;
    if (webCall === undefined) throw new Error('no webCall in the answer');
    expect(webCall.url).toBe(t.emulator.url);
    const claims = await new TokenVerifier(KEY, SECRET).verify(webCall.token);
    expect(claims.video).toMatchObject({ room: webCall.room, canPublishSources: ['microphone'] });
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(15 * 60);
    expect(t.emulator.dispatches.map((dispatch) => dispatch.room)).toEqual([webCall.room]);
  });
});
