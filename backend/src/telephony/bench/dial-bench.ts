/**
 * `npm run bench:dial`: time from "place the call" to CreateSIPParticipant arriving at the LiveKit
 * emulator, with 100 ms injected into every LiveKit call, beside the three-sequential-round-trips
 * order (createRoom → createDispatch → createSipParticipant) measured in the same run.
 */
import { performance } from 'node:perf_hooks';
import { AgentDispatchClient, RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { pino } from 'pino';
import { startLiveKitEmulator } from '../../test-support/livekit-emulator/index.js';
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

  console.log(`dial benchmark: ${RUNS} runs, ${LATENCY_MS} ms injected into every LiveKit call`);
  console.log(`time from placing the call to CreateSIPParticipant arriving at LiveKit:`);
  console.log(`  dial first, then dispatch (ours):     ${summarise(dialFirst)}`);
  console.log(`  room → dispatch → dial (baseline):    ${summarise(sequential)}`);
  console.log(
    `placeCall until it returns (dial + dispatch answered): ${summarise(dialFirstTotal)}`,
  );
}

await main();
