/**
 * `npm run bench:dial`: time from "place the call" to CreateSIPParticipant arriving at the LiveKit
 * emulator, with 100 ms injected into every LiveKit call, beside the three-sequential-round-trips
 * order (createRoom → createDispatch → createSipParticipant) measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { pino } from 'pino';
import { buildApp } from '../../app.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../interviews/interview-test-kit.js';
import {
  startLiveKitEmulator,
  type LiveKitEmulator,
} from '../../test-support/livekit-emulator/index.js';
import type { CallPlacer } from '../call-placer.js';
import { openTestDatabase } from '../../test/test-database.js';
import { LiveKitSipCallPlacer } from '../livekit-sip-call-placer.js';
import { DialPacer } from '../token-bucket.js';

const KEY = 'APIbench';
const SECRET = 'bench-secret-bench-secret-bench-secret-0001';
const TRUNK = 'ST_bench';
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PHONE = '+12133734253';

function metadata(interviewId: string): string {
  return JSON.stringify({
    interviewId,
    backendToken: 'b'.repeat(43),
    channel: 'phone',
    participantIdentity: 'candidate',
  });
}

function summarise(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · min ${at(0).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const emulator = await startLiveKitEmulator({
    apiKey: KEY,
    apiSecret: SECRET,
    sipTrunkIds: [TRUNK],
    latencyMs: LATENCY_MS,
    defaultScript: { kind: 'answer', afterMs: 5_000 },
  });
  const sip = new SipClient(emulator.url, KEY, SECRET, { failover: false });
  const dispatch = new AgentDispatchClient(emulator.url, KEY, SECRET);
  const rooms = new RoomServiceClient(emulator.url, KEY, SECRET);
  const placer = new LiveKitSipCallPlacer({
    sip,
    dispatch,
    rooms,
    trunkId: TRUNK,
    agentName: 'bench-agent',
    ringingTimeoutS: 30,
    maxCallDurationS: 900,
    requestTimeoutS: 5,
    pacer: new DialPacer(1000, 1000),
    log: pino({ level: 'silent' }),
  });
  const arrivalOf = (roomName: string): number => {
    const call = emulator
      .callsTo('CreateSIPParticipant')
      .find((received) => (received.body as { roomName?: string }).roomName === roomName);
    if (call === undefined) throw new Error(`no dial arrived for ${roomName}`);
    return call.receivedAt;
  };

  // The whole request: POST /api/interview/start-phone-screen on the real app (embedded database),
  // once with our placer and once with a placer that makes the baseline's three round trips.
  const baselinePlacer: CallPlacer = {
    async placeCall(request) {
      await rooms.createRoom({ name: request.roomName, emptyTimeout: 60 });
      await dispatch.createDispatch(request.roomName, 'bench-agent', {
        metadata: request.agentMetadata,
      });
      await sip.createSipParticipant(TRUNK, request.phoneE164, request.roomName, {
        participantIdentity: 'candidate',
      });
      return { outcome: 'dialing', participantIdentity: 'candidate' };
    },
    async hangUp(roomName) {
      await rooms.deleteRoom(roomName);
    },
  };
  const viaRequest = await timeRequests(emulator, undefined);
  const viaRequestBaseline = await timeRequests(emulator, baselinePlacer);

  const dialFirst: number[] = [];
  const sequential: number[] = [];
  const dialFirstTotal: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    // Ours: dial first, dispatch once the SIP participant has created the room.
    const ours = `bench-ours-${run}`;
    const started = performance.now();
    const result = await placer.placeCall({
      interviewId: `i-${run}`,
      attempt: 1,
      roomName: ours,
      phoneE164: PHONE,
      agentMetadata: metadata(`i-${run}`),
    });
    if (result.outcome !== 'dialing') throw new Error(`dial failed: ${JSON.stringify(result)}`);
    dialFirst.push(arrivalOf(ours) - started);
    dialFirstTotal.push(performance.now() - started);

    // Baseline: LiveKit's make-a-call example order, three round trips before the INVITE.
    const theirs = `bench-seq-${run}`;
    const baselineStarted = performance.now();
    await rooms.createRoom({ name: theirs, emptyTimeout: 60 });
    await dispatch.createDispatch(theirs, 'bench-agent', { metadata: metadata(`s-${run}`) });
    await sip.createSipParticipant(TRUNK, PHONE, theirs, { participantIdentity: 'candidate' });
    sequential.push(arrivalOf(theirs) - baselineStarted);
    await rooms.deleteRoom(ours);
    await rooms.deleteRoom(theirs);
  }
  await emulator.stop();

  const rows: [string, number[]][] = [
    ['from the HTTP request, dial first (ours)', viaRequest],
    ['from the HTTP request, room → dispatch → dial (baseline)', viaRequestBaseline],
    ['from placeCall, dial first (ours)', dialFirst],
    ['from the first LiveKit call, room → dispatch → dial (baseline)', sequential],
  ];
  console.log(`dial benchmark: ${RUNS} runs, ${LATENCY_MS} ms injected into every LiveKit call`);
  console.log('time until CreateSIPParticipant arrives at LiveKit (the INVITE leaves):');
  for (const [label, samples] of rows) console.log(`  ${label.padEnd(64)} ${summarise(samples)}`);
  console.log(
    `  ${'placeCall until it returns (dial and dispatch answered)'.padEnd(64)} ${summarise(dialFirstTotal)}`,
  );
}

/** Start requests on a fresh app; answers request → CreateSIPParticipant arrival per run. */
async function timeRequests(
  emulator: LiveKitEmulator,
  callPlacer: CallPlacer | undefined,
): Promise<number[]> {
  const database = await openTestDatabase('pglite');
  await seedDemoData(database.db);
  const app = await buildApp({
    env: parseEnv({
      NODE_ENV: 'test',
      LIVEKIT_URL: emulator.url,
      LIVEKIT_API_KEY: KEY,
      LIVEKIT_API_SECRET: SECRET,
      SIP_TRUNK_ID: TRUNK,
      SIP_CALLS_PER_SECOND: '100',
      CALLING_HOURS: '00:00-24:00',
      RATE_LIMIT_PER_IP_PER_HOUR: '0',
      RATE_LIMIT_PER_NUMBER_PER_10_MIN: '0',
      RATE_LIMIT_PER_NUMBER_PER_DAY: '0',
      RATE_LIMIT_PER_PREFIX_PER_HOUR: '0',
      RATE_LIMIT_GLOBAL_PER_MINUTE: '0',
    }),
    database,
    frontendDir: '/nonexistent',
    ...(callPlacer === undefined ? {} : { callPlacer }),
  });
  await app.ready();
  const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const resumeId = await insertResume(database);
    const dialsBefore = emulator.callsTo('CreateSIPParticipant').length;
    const started = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId: job.id, resumeId, phone: PHONE, consent: true },
    });
    if (response.statusCode !== 202) throw new Error(`start answered ${response.statusCode}`);
    const dial = emulator.callsTo('CreateSIPParticipant')[dialsBefore];
    if (dial === undefined) throw new Error('the start placed no dial');
    samples.push(dial.receivedAt - started);
  }
  await app.close();
  await database.close();
  return samples;
}

await main();
