// REL-1 against LiveKit's own API mock (`livekit-server/cmd/test-server` v1.13.5, started by
// `npm run livekit:up`): the SIP answers a phone gives cannot be produced here by the real stack
// (livekit-sip is not served by the Go module proxy this machine reaches), so each one comes from
// LiveKit's code instead of ours: the mock turns a SIP status into the Twirp error code and the
// `sip_status_code` metadata exactly as livekit-server does. The suite only chooses, per dialled
// number, which answer the mock gives (its `X-Lk-Mock` control header); everything between the
// HTTP request and that answer is the product's own code, through the real app.
import type { StartPhoneScreenResponse } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';

const mockUrl = process.env.LIVEKIT_MOCK_URL ?? '';
const key = process.env.LIVEKIT_API_KEY ?? '';
const secret = process.env.LIVEKIT_API_SECRET ?? '';
const MINUTE = 60_000;

/** What the mock's phone does with a number: its control object (see the mock's README). */
interface PhoneScript {
  phone: string;
  control: Record<string, unknown>;
}

const ring = (code: number, phone: string): PhoneScript => ({
  phone,
  // Rings a little, then gives the final answer.
  control: { sipStatus: { code }, delayMs: 300 },
});

const SCRIPTS = {
  answers: { phone: '+12133734001', control: { delayMs: 300 } },
  busy: ring(486, '+12133734002'),
  declined: ring(603, '+12133734003'),
  unavailable: ring(480, '+12133734004'),
  notFound: ring(404, '+12133734005'),
  requestTimeout: ring(408, '+12133734006'),
  carrierDown: ring(503, '+12133734007'),
  forbidden: ring(403, '+12133734008'),
  // The ringing timeout: livekit-sip gives up with Twirp `canceled` ("sip request timed out",
  // HTTP 408) and no SIP code (livekit/sip v1.11.0, read in its source; the mock cannot derive it).
  ringsOut: {
    phone: '+12133734009',
    control: {
      failRegions: [0],
      failStatus: 408,
      failTwirpCode: 'canceled',
      delayMs: 300,
    },
  },
  // Rings for four seconds: long enough to cancel or pause while it rings.
  ringsLong: { phone: '+12133734010', control: { delayMs: 4_000 } },
  ringsLongToo: { phone: '+12133734011', control: { delayMs: 4_000 } },
} satisfies Record<string, PhoneScript>;

const dialled: string[] = [];
const realFetch = globalThis.fetch;

/** Adds the mock's control header to each dial, chosen by the number dialled. */
function steerTheMock(): void {
  const mockOrigin = new URL(mockUrl).origin;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== mockOrigin || !url.pathname.endsWith('/CreateSIPParticipant')) {
      return realFetch(input, init);
    }
    // The SDK sends Twirp's JSON form as a string body.
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
      sipCallTo?: string;
    };
    dialled.push(body.sipCallTo ?? '');
    const script = Object.values(SCRIPTS).find((entry) => entry.phone === body.sipCallTo);
    const headers = new Headers(init?.headers);
    if (script !== undefined) headers.set('X-Lk-Mock', JSON.stringify(script.control));
    return realFetch(input, { ...init, headers });
  };
}

describe("REL-1 with LiveKit's own SIP error mapping (livekit-server test-server)", () => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let jobId: string;

  beforeAll(async () => {
    if (mockUrl === '') throw new Error('run through `npm run test:livekit` (no LIVEKIT_MOCK_URL)');
    steerTheMock();
    database = await openTestDatabase('pglite');
    await seedDemoData(database.db);
    app = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        LIVEKIT_URL: mockUrl,
        LIVEKIT_API_KEY: key,
        LIVEKIT_API_SECRET: secret,
        SIP_TRUNK_ID: 'ST_mocktrunk',
        SIP_CALLS_PER_SECOND: '100',
        CALLING_HOURS: '00:00-24:00',
        RINGING_TIMEOUT_S: '10',
        // One test network places every call: the FR-4 limits have their own tests.
        RATE_LIMIT_PER_IP_PER_HOUR: '0',
        RATE_LIMIT_PER_PREFIX_PER_HOUR: '0',
        RATE_LIMIT_GLOBAL_PER_MINUTE: '0',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'a long admin password',
      }),
      database,
      frontendDir: '/nonexistent',
    });
    await app.ready();
    jobId = (await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id;
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await app.close();
    await database.close();
  });

  async function start(script: PhoneScript): Promise<StartPhoneScreenResponse> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.20',
      payload: {
        jobId,
        resumeId: await insertResume(database),
        consent: true,
        phone: script.phone,
      },
    });
    expect(response.statusCode, response.body).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    // The start never waits for the phone: the dial goes on in the background.
    expect(answer.interview.status).toBe('dialing');
    return answer;
  }

  async function events(interviewId: string) {
    const rows = await database.db
      .selectFrom('interview_events')
      .select(['status', 'data'])
      .where('interview_id', '=', interviewId)
      .where('status', 'is not', null)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => ({
      status: row.status,
      data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<
        string,
        unknown
      >,
    }));
  }

  async function settled(interviewId: string) {
    await expect
      .poll(async () => (await events(interviewId)).length, { timeout: 15_000, interval: 100 })
      .toBeGreaterThan(1);
    // A retry, when the rule queues one, follows the end in its own transaction.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return database.db
      .selectFrom('interviews')
      .select(['status', 'scheduled_for'])
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
  }

  /** The attempt's end: its status and the SIP answer on the recruiter's timeline. */
  async function endOf(interviewId: string) {
    const trail = await events(interviewId);
    return trail[1];
  }

  it.each([
    ['busy', 486, 'busy', 5 * MINUTE],
    ['unavailable', 480, 'no_answer', 30 * MINUTE],
    ['requestTimeout', 408, 'no_answer', 30 * MINUTE],
  ] as const)(
    'a %s phone (SIP %i) ends the attempt %s, shows the code, and is retried later',
    async (name, code, status, retryMs) => {
      const answer = await start(SCRIPTS[name]);
      const row = await settled(answer.interview.id);
      const end = await endOf(answer.interview.id);
      expect(end).toMatchObject({ status, data: { sipStatusCode: code, isRetryable: true } });
      expect(String(end?.data.sipStatus)).not.toBe('');
      expect(row.status).toBe('scheduled');
      const waitedMs = (row.scheduled_for?.getTime() ?? 0) - Date.now();
      expect(waitedMs).toBeGreaterThan(retryMs - MINUTE);
      expect(waitedMs).toBeLessThanOrEqual(retryMs);
    },
  );

  it.each([
    ['declined', 603, 'declined'],
    ['notFound', 404, 'invalid_number'],
    ['forbidden', 403, 'failed'],
  ] as const)(
    'a %s phone (SIP %i) ends the attempt %s with the code, and is never redialled',
    async (name, code, status) => {
      const answer = await start(SCRIPTS[name]);
      const row = await settled(answer.interview.id);
      expect(await endOf(answer.interview.id)).toMatchObject({
        status,
        data: { sipStatusCode: code, isRetryable: false },
      });
      expect(row).toEqual({ status, scheduled_for: null });
    },
  );

  it("a carrier's 503 is retried within seconds, with jitter, never at once", async () => {
    const answer = await start(SCRIPTS.carrierDown);
    const row = await settled(answer.interview.id);
    expect(await endOf(answer.interview.id)).toMatchObject({
      status: 'failed',
      data: { reason: 'carrier_error', sipStatusCode: 503 },
    });
    expect(row.status).toBe('scheduled');
    const waitedMs = (row.scheduled_for?.getTime() ?? 0) - Date.now();
    expect(waitedMs).toBeGreaterThan(0);
    expect(waitedMs).toBeLessThanOrEqual(5_000);
  });

  it('a phone that rings out the ringing timeout ends no_answer, not as a configuration error', async () => {
    const answer = await start(SCRIPTS.ringsOut);
    const row = await settled(answer.interview.id);
    expect(await endOf(answer.interview.id)).toMatchObject({
      status: 'no_answer',
      data: { reason: 'no_answer', detail: 'sip_ringing_timeout' },
    });
    expect(row.status).toBe('scheduled');
  });

  it('a phone that answers moves the interview to in progress on the dial’s own answer', async () => {
    const answer = await start(SCRIPTS.answers);
    await settled(answer.interview.id);
    expect(await endOf(answer.interview.id)).toMatchObject({
      status: 'in_progress',
      data: { source: 'dial' },
    });
  });

  it('cancel while the phone rings ends the call canceled, and the late answer redials nothing', async () => {
    const dials = () => dialled.filter((phone) => phone === SCRIPTS.ringsLong.phone).length;
    const answer = await start(SCRIPTS.ringsLong);
    await expect.poll(dials).toBe(1);
    const canceled = await app.inject({
      method: 'POST',
      url: `/api/interviews/${answer.interview.id}/cancel`,
      headers: { authorization: `Bearer ${answer.candidateToken}` },
    });
    expect(canceled.json()).toEqual({ status: 'canceled' });
    // The mock answers the dial 4 s in regardless (it keeps no rooms): that answer is ignored.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const trail = await events(answer.interview.id);
    expect(trail.map((event) => event.status)).toEqual(['dialing', 'canceled']);
    expect(dials()).toBe(1);
  });

  it('the kill switch hangs up the phones still ringing, and nothing is redialled', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@example.com', password: 'a long admin password' },
    });
    const cookies = Object.fromEntries(signIn.cookies.map((cookie) => [cookie.name, cookie.value]));
    const dials = () => dialled.filter((phone) => phone === SCRIPTS.ringsLongToo.phone).length;
    const answer = await start(SCRIPTS.ringsLongToo);
    await expect.poll(dials).toBe(1);
    const paused = await app.inject({
      method: 'PUT',
      url: '/api/admin/dialing',
      cookies,
      payload: { isPaused: true },
    });
    expect(paused.statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    const trail = await events(answer.interview.id);
    expect(trail.map((event) => event.status)).toEqual(['dialing', 'canceled']);
    expect(trail[1]?.data).toMatchObject({ reason: 'dialing_paused' });
    expect(dials()).toBe(1);
    await app.inject({
      method: 'PUT',
      url: '/api/admin/dialing',
      cookies,
      payload: { isPaused: false },
    });
  });
});
