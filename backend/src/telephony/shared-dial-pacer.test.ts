import { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { openTestDatabase, TEST_ENGINES } from '../test/test-database.js';
import { startLiveKitEmulator } from '../test-support/livekit-emulator/index.js';
import { LiveKitSipCallPlacer } from './livekit-sip-call-placer.js';
import { SharedDialPacer, type Pacer } from './shared-dial-pacer.js';
import { DialPacer } from './token-bucket.js';

describe.each(TEST_ENGINES)('SharedDialPacer (%s)', (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it('LOAD-2: two replicas dialing 20 calls at once on one trunk keep to its calls per second', async () => {
    const db = database.db;
    // Two servers, one database: 10 calls per second means slots 100 ms apart between them.
    const replicas = [new SharedDialPacer(db, 10), new SharedDialPacer(db, 10)];
    const started = performance.now();
    const times = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        await replicas[index % 2]?.take('ST_shared');
        return performance.now() - started;
      }),
    );
    const sorted = [...times].sort((a, b) => a - b);
    // No two dials share a slot: the n-th dial goes no earlier than n slots after the first. Only
    // the lower bound is the pacer's: on a loaded machine a timer fires late, and two late dials
    // can land close together, which the gap between them would wrongly blame on the pacer.
    sorted.forEach((time, rank) => expect(time, `dial ${rank}`).toBeGreaterThan(rank * 100 - 10));
    expect(sorted.at(-1)).toBeGreaterThan(1_800);
  });

  it('LOAD-2: two replicas, 20 simultaneous clicks, 0 carrier 503s (per-process pacers got some)', async () => {
    const key = 'APIpacer';
    const secret = 'pacer-secret-pacer-secret-pacer-secret-001';
    const emulator = await startLiveKitEmulator({
      apiKey: key,
      apiSecret: secret,
      sipTrunkIds: ['ST_carrier'],
      carrierCallsPerSecond: 10,
      defaultScript: { kind: 'answer', afterMs: 5_000 },
    });
    const replica = (pacer: Pacer) =>
      new LiveKitSipCallPlacer({
        sip: new SipClient(emulator.url, key, secret, { failover: false }),
        dispatch: new AgentDispatchClient(emulator.url, key, secret),
        rooms: new RoomServiceClient(emulator.url, key, secret),
        trunkId: 'ST_carrier',
        agentName: 'screener',
        ringingTimeoutS: 25,
        maxCallDurationS: 900,
        requestTimeoutS: 5,
        pacer,
        log: pino({ level: 'silent' }),
      });
    const burst = (replicas: LiveKitSipCallPlacer[], first: number) =>
      Promise.all(
        Array.from({ length: 20 }, (_, index) => {
          const interviewId = `4a3f0c1e-0000-4000-8000-${String(first + index).padStart(12, '0')}`;
          const placer = replicas[index % replicas.length];
          if (placer === undefined) throw new Error('no replica');
          return placer.placeCall({
            interviewId,
            attempt: 1,
            roomName: `screen-${interviewId}-1`,
            phoneE164: '+12133734253',
            agentMetadata: JSON.stringify({
              interviewId,
              backendToken: 'b'.repeat(43),
              channel: 'phone',
              participantIdentity: 'candidate',
            }),
          });
        }),
      );
    try {
      // The carrier takes 10 dials a second; each replica is set to 8, which holds only if shared.
      const db = database.db;
      await burst([replica(new SharedDialPacer(db, 8)), replica(new SharedDialPacer(db, 8))], 1);
      expect(emulator.callsTo('CreateSIPParticipant')).toHaveLength(20);
      expect(emulator.carrierRejections).toBe(0);
      // The same two replicas pacing in-process: together they send 16 a second, and the carrier refuses.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await burst([replica(new DialPacer(8, 1)), replica(new DialPacer(8, 1))], 101);
      expect(emulator.carrierRejections).toBeGreaterThan(0);
    } finally {
      await emulator.stop();
    }
  });

  it('another trunk does not wait behind the first', async () => {
    const db = database.db;
    const pacer = new SharedDialPacer(db, 1);
    await pacer.take('ST_busy');
    const started = performance.now();
    await pacer.take('ST_other');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
