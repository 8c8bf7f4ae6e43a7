import { DisconnectReason } from '@livekit/protocol';
import {
  AgentDispatchClient,
  RoomServiceClient,
  SipClient,
  TokenVerifier,
} from 'livekit-server-sdk';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startLiveKitEmulator,
  type LiveKitEmulator,
} from '../test-support/livekit-emulator/index.js';
import type { PlaceCallRequest } from './call-placer.js';
import { outcomeForDisconnectReason } from './call-outcome.js';
import { LiveKitSipCallPlacer } from './livekit-sip-call-placer.js';
import { LiveKitWebCallPlacer, WEB_CALL_TOKEN_TTL_S } from './livekit-web-call-placer.js';
import { DialPacer } from './token-bucket.js';

const KEY = 'APIplacer';
const SECRET = 'placer-secret-placer-secret-placer-secret-01';
const TRUNK = 'ST_trunk';
const log = pino({ level: 'silent' });

function request(attempt = 1, phone = '+12133734253'): PlaceCallRequest {
  const interviewId = '4a3f0c1e-0000-4000-8000-000000000001';
  return {
    interviewId,
    attempt,
    roomName: `interview-${interviewId}-${attempt}`,
    phoneE164: phone,
    agentMetadata: JSON.stringify({
      interviewId,
      backendToken: 'b'.repeat(43),
      channel: 'phone',
      participantIdentity: 'candidate',
    }),
  };
}

describe('LiveKit call placers against the emulator', () => {
  let emulator: LiveKitEmulator;

  beforeEach(async () => {
    emulator = await startLiveKitEmulator({
      apiKey: KEY,
      apiSecret: SECRET,
      sipTrunkIds: [TRUNK],
      departureTimeoutMs: 5,
      defaultScript: { kind: 'answer', afterMs: 50 },
      scripts: { '+12025550186': { kind: 'reject', sipStatusCode: 486, afterMs: 5 } },
    });
  });

  afterEach(async () => {
    await emulator.stop();
  });

  function sipPlacer(
    overrides: {
      secretForDispatch?: string;
      requestTimeoutS?: number;
      ringingTimeoutS?: number;
      pacer?: DialPacer;
    } = {},
  ): LiveKitSipCallPlacer {
    const timeout = overrides.requestTimeoutS ?? 5;
    return new LiveKitSipCallPlacer({
      sip: new SipClient(emulator.url, KEY, SECRET, { failover: false, requestTimeout: timeout }),
      dispatch: new AgentDispatchClient(emulator.url, KEY, overrides.secretForDispatch ?? SECRET, {
        requestTimeout: timeout,
      }),
      rooms: new RoomServiceClient(emulator.url, KEY, SECRET, { requestTimeout: timeout }),
      trunkId: TRUNK,
      agentName: 'screener',
      ringingTimeoutS: overrides.ringingTimeoutS ?? 25,
      maxCallDurationS: 900,
      requestTimeoutS: timeout,
      pacer: overrides.pacer ?? new DialPacer(1000, 1000),
      log,
    });
  }

  it('dials and dispatches together, and resolves when the phone answers', async () => {
    const result = await sipPlacer().placeCall(request());
    expect(result).toEqual({ outcome: 'answered', participantIdentity: 'candidate' });
    const [dial] = emulator.callsTo('CreateSIPParticipant');
    const [dispatch] = emulator.callsTo('CreateDispatch');
    expect(dial?.body).toEqual({
      sipTrunkId: TRUNK,
      sipCallTo: '+12133734253',
      roomName: request().roomName,
      participantIdentity: 'candidate',
      ringingTimeout: '25s',
      maxCallDuration: '900s',
      krispEnabled: true,
      waitUntilAnswered: true,
    });
    // Neither waits for the other: both leave before the first answer comes back.
    expect(dispatch!.receivedAt).toBeLessThan(dial!.receivedAt + 50);
    const sent = emulator.dispatches[0];
    expect(sent?.agentName).toBe('screener');
    expect(sent?.metadata).not.toContain('2133734253');
    expect(emulator.calls.map((call) => call.method).sort()).toEqual([
      'CreateDispatch',
      'CreateSIPParticipant',
    ]);
  });

  it('an interview started in web mode (no number) is never dialled after a switch to phone mode', async () => {
    const result = await sipPlacer().placeCall({ ...request(), phoneE164: null });
    expect(result).toMatchObject({
      outcome: 'failed',
      status: 'invalid_number',
      isRetryable: false,
      detail: 'no_number',
    });
    expect(emulator.calls).toEqual([]);
  });

  it('a busy phone ends the attempt with its SIP code and reason, and the room is closed', async () => {
    const result = await sipPlacer().placeCall(request(1, '+12025550186'));
    expect(result).toEqual({
      outcome: 'failed',
      status: 'busy',
      reason: 'busy',
      isRetryable: true,
      detail: 'sip_486',
      sip: { code: 486, reason: 'Busy Here' },
    });
    expect(emulator.rooms.size).toBe(0);
  });

  it('hangs up when the dispatch fails: the attempt fails with a retry and no room is left', async () => {
    const result = await sipPlacer({
      secretForDispatch: 'wrong-secret-wrong-secret-wrong-secret-0000',
    }).placeCall(request());
    expect(result).toMatchObject({ outcome: 'failed', status: 'failed', isRetryable: true });
    expect(emulator.callsTo('DeleteRoom')).toHaveLength(1);
    expect(emulator.rooms.size).toBe(0);
  });

  it('LiveKit down: the attempt fails with a reason and a retry, and nothing was created', async () => {
    emulator.availability = 'refuse';
    const result = await sipPlacer().placeCall(request());
    expect(result).toEqual({
      outcome: 'failed',
      status: 'failed',
      reason: 'livekit_error',
      isRetryable: true,
      detail: 'livekit_unreachable',
    });
    expect(emulator.rooms.size).toBe(0);
  });

  it(
    'LiveKit slow: a dial past its deadline fails, and the late room is hung up',
    { timeout: 20_000 },
    async () => {
      // The dial's deadline is the ringing window plus the request timeout, and at least the
      // ringing window plus 2 s (the SDK's own floor with waitUntilAnswered): 3 s here.
      emulator.latencyMs = 5_000;
      const started = performance.now();
      const result = await sipPlacer({ requestTimeoutS: 0.2, ringingTimeoutS: 1 }).placeCall(
        request(),
      );
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(result).toMatchObject({
        outcome: 'failed',
        reason: 'livekit_error',
        isRetryable: true,
      });
      await waitFor(() => emulator.callsTo('DeleteRoom').length === 2);
      // The emulator finishes its slow answers (5 s each) before the room count is final.
      await waitFor(
        () => emulator.calls.every((call) => call.status !== 0) && emulator.rooms.size === 0,
        12_000,
      );
      expect(emulator.rooms.size).toBe(0);
    },
  );

  it('a busy callee leaves with USER_REJECTED, which maps to busy', async () => {
    await sipPlacer().placeCall(request(1, '+12025550186'));
    await waitFor(() => emulator.webhooks.some((event) => event.event === 'participant_left'));
    const left = emulator.webhooks.find((event) => event.event === 'participant_left');
    expect(left?.participant?.disconnectReason).toBe(DisconnectReason.USER_REJECTED);
    expect(outcomeForDisconnectReason(left!.participant!.disconnectReason)).toBe('busy');
  });

  it('refuses a second dial into the same attempt room (the emulator sees the duplicate)', async () => {
    const placer = sipPlacer();
    await placer.placeCall(request());
    const second = await placer.placeCall(request());
    expect(second).toMatchObject({ outcome: 'failed' });
  });

  it('paces dials per trunk with a token bucket (LOAD-2)', async () => {
    const pacer = new DialPacer(20, 1);
    const placer = sipPlacer({ pacer });
    const started = performance.now();
    await Promise.all([1, 2, 3, 4, 5].map((attempt) => placer.placeCall(request(attempt))));
    const times = emulator.callsTo('CreateSIPParticipant').map((call) => call.receivedAt);
    expect(times).toHaveLength(5);
    // Five dials at 20 per second with no burst: the last leaves four intervals of 50 ms after the
    // first could (the first arrival itself may be late: a new connection).
    expect(times[4]! - started).toBeGreaterThanOrEqual(195);
  });

  it('LOAD-2: 20 simultaneous clicks give 0 carrier 503s when paced below the carrier limit', async () => {
    await emulator.stop();
    emulator = await startLiveKitEmulator({
      apiKey: KEY,
      apiSecret: SECRET,
      sipTrunkIds: [TRUNK],
      carrierCallsPerSecond: 20,
      // Pacing is about when dials leave, not how long phones ring: answer at once.
      defaultScript: { kind: 'answer', afterMs: 1 },
    });
    // Time scaled by 20: the carrier takes 20 dials a second and the pacer sends 16.
    const paced = sipPlacer({ pacer: new DialPacer(16, 1) });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => paced.placeCall(request(index + 1))),
    );
    expect(emulator.callsTo('CreateSIPParticipant')).toHaveLength(20);
    expect(emulator.carrierRejections).toBe(0);
    // The same burst unpaced: the carrier refuses what exceeds its rate.
    const unpaced = sipPlacer({ pacer: new DialPacer(1000, 1000) });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => unpaced.placeCall(request(index + 101))),
    );
    expect(emulator.carrierRejections).toBeGreaterThan(0);
  });

  it('hang-up deletes the room and is idempotent', async () => {
    const placer = sipPlacer();
    await placer.placeCall(request());
    await placer.hangUp(request().roomName);
    await placer.hangUp(request().roomName);
    expect(emulator.rooms.size).toBe(0);
  });

  it('web mode: one room with the agent dispatched, a 15-minute microphone-only token', async () => {
    const placer = new LiveKitWebCallPlacer({
      rooms: new RoomServiceClient(emulator.url, KEY, SECRET),
      livekitUrl: 'wss://example.livekit.cloud',
      apiKey: KEY,
      apiSecret: SECRET,
      agentName: 'screener',
      emptyTimeoutS: 120,
      log,
    });
    const result = await placer.placeCall(request());
    if (result.outcome !== 'web_call') throw new Error(`unexpected ${result.outcome}`);
    expect(result.webCall.room).toBe(request().roomName);
    expect(emulator.dispatches.map((d) => d.room)).toEqual([request().roomName]);
    const claims = await new TokenVerifier(KEY, SECRET).verify(result.webCall.token);
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(WEB_CALL_TOKEN_TTL_S);
    expect(claims.video).toMatchObject({
      roomJoin: true,
      room: request().roomName,
      canPublish: true,
      canPublishSources: ['microphone'],
      canPublishData: false,
    });
    expect(claims.video?.roomAdmin).toBeUndefined();
    expect(claims.sub).toBe('candidate');
    expect(JSON.stringify(claims)).not.toContain('backendToken');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
