/**
 * `npm run bench:dial`, on the real livekit-server of `npm run livekit:up` (run inside its
 * namespace by scripts/in-livekit-stack.mjs): the time from "Call Me Now" (the HTTP request on the
 * real app) until CreateSIPParticipant reaches livekit-server, beside a bare `createSipParticipant`
 * made by this script in the same run. Both go through one timing proxy in front of the server,
 * which stamps each dial as it arrives, so the two figures share every cost but the product's own.
 *
 * Not measured here: the INVITE at the phone. livekit-sip, which turns the request into the INVITE,
 * cannot be built on this machine (the Go module proxy refuses github.com/livekit/sip); with it,
 * the INVITE leaves after one more hop inside the stack, the same for both rows.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SipClient } from 'livekit-server-sdk';
import { buildApp } from '../../app.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const url = process.env.LIVEKIT_URL ?? '';
const key = process.env.LIVEKIT_API_KEY ?? '';
const secret = process.env.LIVEKIT_API_SECRET ?? '';
const stackIp = process.env.STACK_IP ?? '';

/** A reverse proxy that notes when each CreateSIPParticipant arrives, by its room name. */
async function startTimingProxy(target: string): Promise<{
  url: string;
  arrivals: Map<string, number>;
  close(): Promise<void>;
}> {
  const arrivals = new Map<string, number>();
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.url?.endsWith('/CreateSIPParticipant') === true) {
        const { roomName } = JSON.parse(body.toString('utf8')) as { roomName?: string };
        arrivals.set(roomName ?? '', performance.now());
      }
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: request.url,
          method: request.method,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forward.on('error', () => response.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, stackIp, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${stackIp}:${port}`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function summarise(samples: number[]): { p50: number; p95: number; text: string } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const p50 = at(0.5);
  const p95 = at(0.95);
  return { p50, p95, text: `p50 ${p50.toFixed(1)} ms · p95 ${p95.toFixed(1)} ms` };
}

async function waitForArrival(arrivals: Map<string, number>, room: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const at = arrivals.get(room);
    if (at !== undefined) return at;
    if (Date.now() > deadline) throw new Error(`no dial arrived for ${room}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function main(): Promise<void> {
  if (url === '') throw new Error('run through `npm run bench:dial` (no stack settings)');
  const proxy = await startTimingProxy(url.replace(/^ws/, 'http'));
  const admin = new SipClient(url.replace(/^ws/, 'http'), key, secret);
  const trunk = await admin.createSipOutboundTrunk('bench-dial', '10.77.0.2:5070', [
    '+15550000009',
  ]);

  const database = await openTestDatabase('pglite');
  await seedDemoData(database.db);
  const app = await buildApp({
    env: parseEnv({
      NODE_ENV: 'test',
      LIVEKIT_URL: proxy.url,
      LIVEKIT_API_KEY: key,
      LIVEKIT_API_SECRET: secret,
      SIP_TRUNK_ID: trunk.sipTrunkId,
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
  });
  await app.ready();
  const jobId = (await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id;

  const viaProduct: number[] = [];
  const answered: number[] = [];
  const bare: number[] = [];
  const sip = new SipClient(proxy.url, key, secret, { failover: false });
  for (let run = 0; run < RUNS; run += 1) {
    const resumeId = await insertResume(database);
    const started = performance.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId, resumeId, phone: '+12133734253', consent: true },
    });
    answered.push(performance.now() - started);
    if (response.statusCode !== 202) throw new Error(`start answered ${response.statusCode}`);
    const { interview } = response.json<{ interview: { id: string } }>();
    viaProduct.push((await waitForArrival(proxy.arrivals, `screen-${interview.id}-1`)) - started);

    const room = `bench-bare-${run}`;
    const bareStarted = performance.now();
    // Without a SIP bridge the server refuses the call; the arrival is what is timed.
    await sip
      .createSipParticipant(trunk.sipTrunkId, '+12133734253', room, {
        participantIdentity: 'candidate',
        waitUntilAnswered: true,
        ringingTimeout: 10,
      })
      .catch(() => undefined);
    bare.push((await waitForArrival(proxy.arrivals, room)) - bareStarted);
  }
  await app.close();
  await database.close();
  await admin.deleteSipTrunk(trunk.sipTrunkId);
  await proxy.close();

  const product = summarise(viaProduct);
  const baseline = summarise(bare);
  console.log(
    `dial benchmark on livekit-server v1.13.5 (real, in its namespace): ${RUNS} calls each`,
  );
  console.log('time until CreateSIPParticipant reaches livekit-server:');
  console.log(`  from the HTTP request (Call Me Now)      ${product.text}`);
  console.log(`  bare createSipParticipant (baseline)     ${baseline.text}`);
  console.log(
    `  ratio, product / bare                    p50 ${(product.p50 / baseline.p50).toFixed(2)} · p95 ${(product.p95 / baseline.p95).toFixed(2)}`,
  );
  console.log(`  the HTTP answer itself (202)             ${summarise(answered).text}`);
}

await main();
