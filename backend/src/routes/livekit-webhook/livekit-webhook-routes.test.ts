import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../../test/test-database.js';
import {
  buildLiveKitTestApp,
  TEST_API_KEY,
  TEST_API_SECRET,
  type LiveKitTestApp,
} from '../../test-support/livekit-emulator/livekit-test-app.js';
import { signWebhook } from '../../test-support/livekit-emulator/webhook-signer.js';
import { pino } from 'pino';
import { reconcileCalls } from '../../services/reconcile-calls.js';

const BUSY = '+12025550186';

async function statusOf(t: LiveKitTestApp, interviewId: string): Promise<string> {
  const row = await t.db
    .selectFrom('interviews')
    .select('status')
    .where('id', '=', interviewId)
    .executeTakeFirstOrThrow();
  return row.status;
}

async function dial(t: LiveKitTestApp, interviewId: string, roomName: string, phone?: string) {
  const { metadata, backendToken } = await t.prepareMetadata(interviewId);
  const result = await t.telephony.callPlacer.placeCall({
    interviewId,
    attempt: 1,
    roomName,
    phoneE164: phone ?? '+12133734253',
    agentMetadata: metadata,
  });
  return { result, backendToken };
}

describe.each(TEST_ENGINES)('LiveKit webhooks, agent reports and cancel (%s)', (engine) => {
  let t: LiveKitTestApp;

  beforeEach(async () => {
    t = await buildLiveKitTestApp(engine, {
      scripts: { [BUSY]: { kind: 'reject', sipStatusCode: 486, afterMs: 20 } },
    });
  });

  afterEach(async () => {
    await t.close();
  });

  it('follows a call: joined is not ringing; ringing, answered and ended by the agent, late events ignored', async () => {
    const { interviewId, roomName } = await t.createInterview();
    const { result, backendToken } = await dial(t, interviewId, roomName);
    expect(result.outcome).toBe('answered');
    await t.emulator.flushWebhooks();
    // The SIP participant joined while `dialing`: no status moved.
    expect(await statusOf(t, interviewId)).toBe('dialing');

    const auth = { authorization: `Bearer ${backendToken}` };
    const ringing = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: auth,
      payload: { event: 'ringing' },
    });
    expect(ringing.json()).toEqual({ result: 'applied' });
    expect(await statusOf(t, interviewId)).toBe('ringing');
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: auth,
      payload: { event: 'answered' },
    });
    expect(answered.json()).toEqual({ result: 'applied' });
    expect(await statusOf(t, interviewId)).toBe('in_progress');

    const turn = {
      id: 'turn-1',
      speaker: 'agent',
      text: 'Hello, this is the screening assistant.',
      latency: { llmTimeToFirstTokenMs: 420, ttsTimeToFirstByteMs: 180 },
    };
    const first = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/turns`,
      headers: auth,
      payload: turn,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/turns`,
      headers: auth,
      payload: turn,
    });
    expect([first.json(), again.json()]).toEqual([{ result: 'stored' }, { result: 'duplicate' }]);
    const turns = await t.db
      .selectFrom('transcript_turns')
      .select(['seq', 'metrics'])
      .where('interview_id', '=', interviewId)
      .execute();
    expect(turns).toEqual([{ seq: 1, metrics: turn.latency }]);

    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: auth,
      payload: { event: 'ended', reason: 'finished' },
    });
    expect(ended.json()).toEqual({ result: 'applied' });
    await t.telephony.callPlacer.hangUp(roomName);
    await t.emulator.flushWebhooks();
    expect(await statusOf(t, interviewId)).toBe('completed');
    const events = await t.db
      .selectFrom('interview_events')
      .select(['type', 'status'])
      .where('interview_id', '=', interviewId)
      .orderBy('created_at')
      .execute();
    expect(events.filter((event) => event.status !== null).map((event) => event.status)).toEqual([
      'ringing',
      'in_progress',
      'completed',
    ]);
  });

  it("a busy callee's webhooks are trail only: the dial's own SIP code decides the outcome", async () => {
    const { interviewId, roomName } = await t.createInterview({ phone: BUSY });
    const { result } = await dial(t, interviewId, roomName, BUSY);
    expect(result).toMatchObject({ outcome: 'failed', status: 'busy', sip: { code: 486 } });
    await t.emulator.flushWebhooks();
    // 486 and 603 leave with the same disconnect reason: the webhook must not pick one.
    expect(await statusOf(t, interviewId)).toBe('dialing');
    const left = await t.db
      .selectFrom('interview_events')
      .select(['type', 'status', 'data'])
      .where('interview_id', '=', interviewId)
      .where('type', '=', 'sip_participant_left')
      .executeTakeFirstOrThrow();
    expect(left.status).toBeNull();
    expect(left.data).toMatchObject({ outcome: 'busy' });
    expect(await t.queued()).toHaveLength(0);
  });

  it('refuses forged, tampered, unsigned and wrongly typed webhooks', async () => {
    const { roomName } = await t.createInterview();
    const body = JSON.stringify({
      event: 'room_finished',
      id: 'EV_forged',
      room: { name: roomName },
    });
    const forged = await signWebhook(
      body,
      TEST_API_KEY,
      'not-the-secret-not-the-secret-not-the-00',
    );
    const genuine = await signWebhook(body, TEST_API_KEY, TEST_API_SECRET);
    const expired = new AccessToken(TEST_API_KEY, TEST_API_SECRET, { ttl: -60 });
    expired.sha256 = createHash('sha256').update(body).digest('base64');
    const attempts = [
      { headers: forged.headers, payload: body },
      { headers: genuine.headers, payload: body.replace('room_finished', 'room_started') },
      { headers: { 'content-type': 'application/webhook+json' }, payload: body },
      {
        headers: {
          'content-type': 'application/webhook+json',
          authorization: await expired.toJwt(),
        },
        payload: body,
      },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        ...attempt,
      });
      expect(response.statusCode).toBe(401);
    }
    const asJson = await t.app.inject({
      method: 'POST',
      url: '/api/livekit/webhook',
      headers: { ...genuine.headers, 'content-type': 'application/json' },
      payload: body,
    });
    expect(asJson.statusCode).toBe(415);
    const events = await t.db.selectFrom('interview_events').select('id').execute();
    expect(events).toHaveLength(0);
  });

  it('records a duplicate delivery once, and an out-of-order event does not move the state back', async () => {
    const { interviewId, roomName } = await t.createInterview({ status: 'in_progress' });
    const joined = JSON.stringify({
      event: 'participant_joined',
      id: 'EV_joined_1',
      room: { name: roomName },
      participant: {
        identity: 'candidate',
        kind: 'SIP',
        attributes: { 'sip.callStatus': 'ringing' },
      },
    });
    const signed = await signWebhook(joined, TEST_API_KEY, TEST_API_SECRET);
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        headers: signed.headers,
        payload: signed.body,
      });
    expect((await send()).json()).toEqual({ result: 'stale' });
    expect((await send()).json()).toEqual({ result: 'duplicate' });
    expect(await statusOf(t, interviewId)).toBe('in_progress');
    const rows = await t.db
      .selectFrom('interview_events')
      .select('external_id')
      .where('interview_id', '=', interviewId)
      .execute();
    expect(rows).toEqual([{ external_id: 'EV_joined_1' }]);
  });

  it('a browser candidate who leaves may come back: the call stays live; a phone leg that leaves ends it', async () => {
    const deliver = async (body: Record<string, unknown>) => {
      const signed = await signWebhook(JSON.stringify(body), TEST_API_KEY, TEST_API_SECRET);
      return t.app.inject({
        method: 'POST',
        url: '/api/livekit/webhook',
        headers: signed.headers,
        payload: signed.body,
      });
    };
    const left = (roomName: string, id: string, kind: string) => ({
      event: 'participant_left',
      id,
      room: { name: roomName },
      // CLIENT_INITIATED: the page left (a reload), or the phone hung up.
      participant: { identity: 'candidate', kind, joinedAt: '1700000000', disconnectReason: 1 },
    });
    const web = await t.createInterview({ status: 'in_progress' });
    const browserLeft = await deliver(left(web.roomName, 'EV_left_web', 'STANDARD'));
    expect(browserLeft.json()).toEqual({ result: 'recorded' });
    expect(await statusOf(t, web.interviewId)).toBe('in_progress');
    const trail = await t.db
      .selectFrom('interview_events')
      .select(['type', 'data'])
      .where('external_id', '=', 'EV_left_web')
      .executeTakeFirstOrThrow();
    expect(trail).toMatchObject({ type: 'candidate_left', data: { mayRejoin: true } });

    const phone = await t.createInterview({ status: 'in_progress' });
    const phoneLeft = await deliver(left(phone.roomName, 'EV_left_sip', 'SIP'));
    expect(phoneLeft.json()).toMatchObject({ result: 'applied' });
    expect(await statusOf(t, phone.interviewId)).toBe('completed');
  });

  it('cancel hangs up the ringing phone; agent tokens are per interview', async () => {
    const { interviewId, roomName, candidateToken } = await t.createInterview();
    const other = await t.createInterview();
    const { backendToken } = await dial(t, interviewId, roomName);
    const otherToken = (await t.prepareMetadata(other.interviewId)).backendToken;
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: { authorization: `Bearer ${otherToken}` },
      payload: { event: 'answered' },
    });
    expect(wrongToken.statusCode).toBe(401);
    expect(backendToken).not.toBe(otherToken);

    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/cancel`,
      headers: { authorization: `Bearer ${other.candidateToken}` },
    });
    expect(stranger.statusCode).toBe(404);
    const canceled = await t.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/cancel`,
      headers: { authorization: `Bearer ${candidateToken}` },
    });
    expect(canceled.json()).toEqual({ status: 'canceled' });
    expect(t.emulator.rooms.has(roomName)).toBe(false);
    await t.emulator.flushWebhooks();
    expect(await statusOf(t, interviewId)).toBe('canceled');
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/cancel`,
      headers: { authorization: `Bearer ${candidateToken}` },
    });
    expect(twice.json()).toEqual({ status: 'canceled' });
  });

  it('gives the agent its context, keeping the plan beside the engine state it reports', async () => {
    const { interviewId } = await t.createInterview({ status: 'in_progress' });
    await t.db
      .updateTable('interviews')
      .set({ engine_state: JSON.stringify({ plan: { version: 1 }, engine: { step: 0 } }) })
      .where('id', '=', interviewId)
      .execute();
    const { backendToken } = await t.prepareMetadata(interviewId);
    const headers = { authorization: `Bearer ${backendToken}` };
    const fresh = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${interviewId}/context`,
      headers,
    });
    expect(fresh.json()).toMatchObject({ plan: { version: 1 }, engineState: null, turns: [] });
    await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/turns`,
      headers,
      payload: { id: 't1', speaker: 'candidate', text: 'Yes.', engineState: { step: 3 } },
    });
    const resumed = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${interviewId}/context`,
      headers,
    });
    expect(resumed.json()).toEqual({
      interviewId,
      plan: { version: 1 },
      engineState: { step: 3 },
      turns: [{ id: 't1', speaker: 'candidate', text: 'Yes.' }],
      timezone: null,
    });
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${interviewId}/context`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('voicemail queues a later retry and leaves the room to the agent, whose short message must play out', async () => {
    const { interviewId, roomName } = await t.createInterview();
    const { backendToken } = await dial(t, interviewId, roomName);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: { authorization: `Bearer ${backendToken}` },
      payload: { event: 'voicemail' },
    });
    expect(response.json()).toEqual({ result: 'applied' });
    // The agent hangs up once its message has played (agent/src/voicemail.ts), not the backend.
    expect(t.emulator.rooms.has(roomName)).toBe(true);
    expect(await statusOf(t, interviewId)).toBe('scheduled');
    expect((await t.queued()).map((job) => job.interviewId)).toEqual([interviewId]);
  });

  it('the reconciler ends a dial whose room is gone and advances one LiveKit says was answered', async () => {
    const lost = await t.createInterview({ status: 'ringing' });
    const answered = await t.createInterview();
    await dial(t, answered.interviewId, answered.roomName);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await t.emulator.flushWebhooks();
    await t.db
      .updateTable('interviews')
      .set({ updated_at: new Date(Date.now() - 3600_000), status: 'ringing' })
      .execute();
    const summary = await reconcileCalls({
      db: t.db,
      rooms: t.telephony.rooms,
      lifecycle: t.runtime.lifecycle,
      log: pino({ level: 'silent' }),
      dialStaleAfterS: t.env.RINGING_TIMEOUT_S + 60,
      callStaleAfterS: t.env.CALL_MAX_DURATION_S + 120,
    });
    expect(summary).toEqual({ checked: 2, ended: 1, advanced: 1 });
    expect(await statusOf(t, answered.interviewId)).toBe('in_progress');
    // Lost: failed, then a retry was queued (LiveKit trouble is retried).
    expect(await statusOf(t, lost.interviewId)).toBe('scheduled');
  });
});

describe.each(TEST_ENGINES)('recording (%s)', (engine) => {
  it('starts an audio egress when the candidate answers and stores where the file went', async () => {
    const t = await buildLiveKitTestApp(engine, {
      env: {
        RECORDING_S3_BUCKET: 'calls',
        RECORDING_S3_REGION: 'us-east-1',
        RECORDING_S3_ACCESS_KEY: 'access',
        RECORDING_S3_SECRET: 'secret',
      },
    });
    try {
      const { interviewId, roomName } = await t.createInterview();
      const { backendToken } = await dial(t, interviewId, roomName);
      await t.app.inject({
        method: 'POST',
        url: `/api/agent/interviews/${interviewId}/events`,
        headers: { authorization: `Bearer ${backendToken}` },
        payload: { event: 'answered' },
      });
      const [egress] = t.emulator.callsTo('StartRoomCompositeEgress');
      expect(egress?.body).toMatchObject({ roomName, audioOnly: true });
      await t.telephony.callPlacer.hangUp(roomName);
      await t.emulator.flushWebhooks();
      const row = await t.db
        .selectFrom('interviews')
        .select(['recording_location', 'egress_id'])
        .where('id', '=', interviewId)
        .executeTakeFirstOrThrow();
      expect(row.recording_location).toMatch(/^s3:\/\/calls\/recordings\/screen-/);
      expect(row.egress_id).toMatch(/^EG_/);
    } finally {
      await t.close();
    }
  });
});
