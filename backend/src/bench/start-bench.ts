/**
 * `npm run bench:start`: the start under load (issue 14). On each engine, the real app in a
 * process of its own (start-bench-server.ts) takes bursts of `--concurrency` simultaneous
 * "Call Me Now" requests on distinct applications, and, in the same run and at the same
 * concurrency, bursts of `GET /api/health`: the HTTP, routing, schema and logging cost every
 * request pays, the floor a start cannot go below. It prints p50 and p99 of both, one start alone,
 * the server's CPU time and SQL statements per start, in two phases of one server's life: cold,
 * right after start-up, and steady, after `--steady-after` rounds (40: 2,000 starts) have let V8
 * compile the hot paths, as in a server that has been up a while.
 *
 * Everything runs on two cores (`taskset -c 0,1`; BENCH_CPUS picks others) when taskset exists:
 * the bench re-runs itself under it, so the server and this load generator share those cores.
 * PostgreSQL is the server on 127.0.0.1:5432 (BENCH_POSTGRES_URL), not pinned; each run creates a
 * scratch database there and drops it. `--cpu-prof DIR` writes the server's CPU profile of the
 * steady phase there (the profiler's own cost then lands on that phase only: compare the phases
 * in a run without it).
 * `--servers N` (PostgreSQL) runs N server processes on that one database, as N replicas, and
 * sends the requests to them in turn: what the second core is worth.
 *
 * The requests are the ones the apply page sends (name, email, consent version, an
 * Idempotency-Key), without the browser's time zone, so the number's zones are looked up for
 * calling hours, as for a client of the API that does not send one.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CURRENT_CONSENT_DISCLOSURE } from '@screenline/core';
import type { BenchServerCount, BenchServerReady } from './start-bench-server.js';

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'pglite,postgres' },
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '5' },
    'steady-after': { type: 'string', default: '40' },
    limits: { type: 'string', default: 'off' },
    servers: { type: 'string', default: '1' },
    'cpu-prof': { type: 'string' },
  },
});
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
/**
 * Rounds since start-up after which the steady phase is measured: V8 compiles a function with its
 * optimising tier only after many calls, and one start calls most of its code once, so a server
 * needs about two thousand requests before its CPU per start stops falling (measured: 2.5 ms after
 * one round, 1.6 after twenty, 1.1 after forty, sixty and a hundred).
 */
const STEADY_AFTER = Math.max(2 + ROUNDS, Number(args['steady-after']));
/** Server processes sharing one database, as replicas would (PostgreSQL only). */
const SERVERS = Number(args.servers);
const ALONE = 10;
const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CPUS = process.env.BENCH_CPUS ?? '0,1';
const here = path.dirname(fileURLToPath(import.meta.url));

/** Area codes in four zones, so calling hours see New York, Chicago, Los Angeles and Toronto. */
const AREA_CODES = ['212', '312', '213', '416'];

interface Server {
  child: ChildProcess;
  ready: BenchServerReady;
  /** The server's statement count and CPU time so far. */
  count(): Promise<BenchServerCount>;
  stop(): Promise<void>;
}

async function startServer(
  engine: string,
  applications: number,
  options: { sharedDatabaseUrl?: string; profileName?: string } = {},
): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', path.join(here, 'start-bench-server.ts')],
    {
      env: {
        ...process.env,
        BENCH_ENGINE: engine,
        BENCH_APPLICATIONS: String(applications),
        BENCH_RATE_LIMIT: args.limits === 'on' ? '1000000' : '0',
        TEST_DATABASE_URL: POSTGRES_URL,
        ...(args['cpu-prof'] === undefined
          ? {}
          : { BENCH_CPU_PROF: path.resolve(args['cpu-prof']) }),
        ...(options.sharedDatabaseUrl === undefined
          ? {}
          : { BENCH_DATABASE_URL: options.sharedDatabaseUrl }),
        ...(options.profileName === undefined ? {} : { BENCH_PROFILE_NAME: options.profileName }),
      },
      // The server's JSON log lines go nowhere; its errors show.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const waiters: ((message: BenchServerCount) => void)[] = [];
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited (${String(code)})`)));
    child.on('message', (message: BenchServerReady | BenchServerCount) => {
      if (message.type === 'ready') resolve(message);
      else waiters.shift()?.(message);
    });
  });
  return {
    child,
    ready,
    count: () =>
      new Promise((resolve) => {
        waiters.push(resolve);
        child.send({ type: 'count' });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

/** One request; resolves with its latency once the whole answer has arrived. */
function timedRequest(
  agent: http.Agent,
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
  expectStatus: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(options.body),
              }),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const elapsed = performance.now() - started;
          if (response.statusCode === expectStatus) resolve(elapsed);
          else {
            reject(
              new Error(
                `${options.method} ${options.path} answered ${String(response.statusCode)}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`,
              ),
            );
          }
        });
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/**
 * The run's server processes: the first creates and fills the database, the others open it, as
 * replicas behind one load balancer would; requests go to them in turn.
 */
interface Servers {
  /** The first server's ready message: the job and the applications. */
  ready: BenchServerReady;
  /** The port of the server that takes request number `index`. */
  portFor(index: number): number;
  /** Statements and CPU time so far, summed over the servers. */
  count(): Promise<BenchServerCount>;
  send(message: { type: string }): void;
  stop(): Promise<void>;
}

async function startServers(engine: string, applications: number): Promise<Servers> {
  const first = await startServer(engine, applications, { profileName: 'server-1' });
  const others: Server[] = [];
  try {
    for (let index = 2; index <= SERVERS; index += 1) {
      const sharedDatabaseUrl = first.ready.databaseUrl;
      if (sharedDatabaseUrl === undefined) throw new Error('--servers above 1 needs PostgreSQL');
      others.push(
        await startServer(engine, 0, { sharedDatabaseUrl, profileName: `server-${String(index)}` }),
      );
    }
  } catch (error) {
    await Promise.all(others.map((server) => server.stop()));
    await first.stop();
    throw error;
  }
  const all = [first, ...others];
  return {
    ready: first.ready,
    portFor: (index) => (all[index % all.length] ?? first).ready.port,
    count: async () => {
      const counts = await Promise.all(all.map((server) => server.count()));
      return {
        type: 'count',
        statements: counts.reduce((sum, count) => sum + count.statements, 0),
        cpuMs: counts.reduce((sum, count) => sum + count.cpuMs, 0),
      };
    },
    send: (message) => {
      for (const server of all) server.child.send(message);
    },
    // The first server drops the database, once the others have let go of it.
    stop: async () => {
      await Promise.all(others.map((server) => server.stop()));
      await first.stop();
    },
  };
}

function health(agent: http.Agent, port: number): Promise<number> {
  return timedRequest(agent, port, { method: 'GET', path: '/api/health' }, 200);
}

function start(agent: http.Agent, server: Servers, index: number): Promise<number> {
  const resumeId = server.ready.resumeIds[index];
  if (resumeId === undefined) throw new Error('not enough applications');
  const areaCode = AREA_CODES[index % AREA_CODES.length] ?? '212';
  const body = {
    jobId: server.ready.jobId,
    resumeId,
    phone: `+1${areaCode}373${String(1000 + index).padStart(4, '0')}`,
    consent: true,
    consentTextVersion: CURRENT_CONSENT_DISCLOSURE.version,
    name: `Bench Candidate ${String(index)}`,
    email: `bench-${String(index)}@example.com`,
  };
  return timedRequest(
    agent,
    server.portFor(index),
    {
      method: 'POST',
      path: '/api/interview/start-phone-screen',
      headers: { 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    },
    202,
  );
}

/**
 * The whole machine's busy CPU time so far (every process: this load generator, the server and
 * PostgreSQL's backends), from /proc/stat; null where there is none. Beside the server's own CPU it
 * shows what a second server process could win: the cores, not the one thread, may be the limit.
 */
function machineBusyMs(): number | null {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
  const fields = (stat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const busyTicks = [0, 1, 2, 5, 6, 7].reduce((sum, index) => sum + (fields[index] ?? 0), 0);
  return (busyTicks * 1000) / TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux the bench runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: p99 of 250 samples is the 248th, never an interpolation between two.
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

/** One measured phase: its rounds' latencies, and the server's and machine's work per request. */
interface PhaseFigures {
  health: number[];
  starts: number[];
  healthRoundP99: number[];
  startRoundP99: number[];
  statementsPerStart: number;
  cpuMsPerStart: number;
  cpuMsPerHealth: number;
  /** Busy CPU of the whole machine per start, or null without /proc/stat. */
  machineCpuMsPerStart: number | null;
  /** Wall time of the start bursts, summed. */
  startBurstMs: number;
}

interface EngineFigures {
  engine: string;
  /** Right after start-up: one round warms the connections and the pool, not the JIT. */
  cold: PhaseFigures;
  /** Once the JIT has compiled the hot paths, as a server that has been up a while. */
  steady: PhaseFigures;
  alone: number[];
}

/** The requests of one engine's run, numbered so that every start is a new application. */
interface Load {
  server: Servers;
  agent: http.Agent;
  next: number;
}

/** A burst of `CONCURRENCY` health checks, then one of as many starts. */
async function burst(load: Load): Promise<{
  healthTimes: number[];
  startTimes: number[];
  burstMs: number;
  counts: [BenchServerCount, BenchServerCount, BenchServerCount];
  machine: [number | null, number | null];
}> {
  const { server, agent } = load;
  const beforeHealth = await server.count();
  const healthTimes = await Promise.all(
    Array.from({ length: CONCURRENCY }, (_value, index) => health(agent, server.portFor(index))),
  );
  const beforeStarts = await server.count();
  const machineBefore = machineBusyMs();
  const burstStarted = performance.now();
  const startTimes = await Promise.all(
    Array.from({ length: CONCURRENCY }, () => start(agent, server, (load.next += 1) - 1)),
  );
  const burstMs = performance.now() - burstStarted;
  const machineAfter = machineBusyMs();
  const afterStarts = await server.count();
  return {
    healthTimes,
    startTimes,
    burstMs,
    counts: [beforeHealth, beforeStarts, afterStarts],
    machine: [machineBefore, machineAfter],
  };
}

/** `warmup` rounds not counted, then `ROUNDS` measured ones. */
async function measurePhase(
  load: Load,
  warmup: number,
  isProfiled: boolean,
): Promise<PhaseFigures> {
  for (let round = 0; round < warmup; round += 1) await burst(load);
  if (isProfiled) load.server.send({ type: 'profile' });
  const figures: PhaseFigures = {
    health: [],
    starts: [],
    healthRoundP99: [],
    startRoundP99: [],
    statementsPerStart: 0,
    cpuMsPerStart: 0,
    cpuMsPerHealth: 0,
    machineCpuMsPerStart: null,
    startBurstMs: 0,
  };
  let machineMs: number | null = 0;
  let statements = 0;
  let startCpuMs = 0;
  let healthCpuMs = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const measured = await burst(load);
    const [beforeHealth, beforeStarts, afterStarts] = measured.counts;
    const [machineBefore, machineAfter] = measured.machine;
    figures.health.push(...measured.healthTimes);
    figures.starts.push(...measured.startTimes);
    figures.healthRoundP99.push(percentile(measured.healthTimes, 0.99));
    figures.startRoundP99.push(percentile(measured.startTimes, 0.99));
    statements += afterStarts.statements - beforeStarts.statements;
    startCpuMs += afterStarts.cpuMs - beforeStarts.cpuMs;
    healthCpuMs += beforeStarts.cpuMs - beforeHealth.cpuMs;
    figures.startBurstMs += measured.burstMs;
    machineMs =
      machineMs === null || machineBefore === null || machineAfter === null
        ? null
        : machineMs + machineAfter - machineBefore;
  }
  if (isProfiled) load.server.send({ type: 'profile-end' });
  const count = ROUNDS * CONCURRENCY;
  figures.statementsPerStart = statements / count;
  figures.cpuMsPerStart = startCpuMs / count;
  figures.cpuMsPerHealth = healthCpuMs / count;
  figures.machineCpuMsPerStart = machineMs === null ? null : machineMs / count;
  return figures;
}

async function measureEngine(engine: string): Promise<EngineFigures> {
  // The steady phase's rounds start after STEADY_AFTER rounds in all, the cold ones among them.
  const applications = (STEADY_AFTER + ROUNDS) * CONCURRENCY + ALONE;
  const server = await startServers(engine, applications);
  const load: Load = {
    server,
    agent: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
    next: 0,
  };
  try {
    // One round opens the connections and fills the pool; the JIT is still cold after it.
    const cold = await measurePhase(load, 1, false);
    const steady = await measurePhase(load, STEADY_AFTER - 1 - ROUNDS, true);
    const alone: number[] = [];
    for (let run = 0; run < ALONE; run += 1) {
      alone.push(await start(load.agent, server, (load.next += 1) - 1));
    }
    return { engine, cold, steady, alone };
  } finally {
    load.agent.destroy();
    await server.stop();
  }
}

function row(label: string, samples: readonly number[], extra = ''): string {
  const p50 = percentile(samples, 0.5).toFixed(1).padStart(8);
  const p99 = percentile(samples, 0.99).toFixed(1).padStart(8);
  return `    ${label.padEnd(40)}${p50}${p99}   ${extra}`;
}

function range(values: readonly number[]): string {
  return `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
}

/** Re-runs this bench under taskset when it is there and not yet in effect. */
function pinnedToCpus(): boolean {
  if (process.env.BENCH_PINNED !== undefined) return true;
  const probe = spawnSync('taskset', ['--version']);
  if (probe.error !== undefined) return false;
  const run = spawnSync(
    'taskset',
    ['-c', CPUS, process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, BENCH_PINNED: CPUS },
    },
  );
  process.exit(run.status ?? 1);
}

function printPhase(title: string, figures: PhaseFigures): void {
  console.log(`  ${title}`);
  console.log(
    row(
      'GET /api/health (baseline)',
      figures.health,
      `${range(figures.healthRoundP99)} · ${figures.cpuMsPerHealth.toFixed(2)} ms`,
    ),
  );
  console.log(
    row(
      'POST /api/interview/start-phone-screen',
      figures.starts,
      `${range(figures.startRoundP99)} · ${figures.cpuMsPerStart.toFixed(2)} ms · ${figures.statementsPerStart.toFixed(1)} SQL statements`,
    ),
  );
  if (figures.machineCpuMsPerStart !== null) {
    const cores = (figures.machineCpuMsPerStart * ROUNDS * CONCURRENCY) / figures.startBurstMs;
    console.log(
      `    whole machine during the start bursts: ${figures.machineCpuMsPerStart.toFixed(2)} ms CPU per start ` +
        `(server, PostgreSQL and this load generator), ${cores.toFixed(2)} cores busy on average`,
    );
  }
}

async function main(): Promise<void> {
  const isPinned = pinnedToCpus();
  const engines = args.engines.split(',').filter((engine) => engine !== '');
  console.log(
    `start under load: ${String(CONCURRENCY)} concurrent requests, ${String(ROUNDS)} rounds ` +
      `(${String(ROUNDS * CONCURRENCY)} of each) per phase; rate limits ${args.limits}; ` +
      `${String(SERVERS)} server process${SERVERS === 1 ? '' : 'es'}; ` +
      `${isPinned ? `CPUs ${CPUS}` : 'not pinned (no taskset)'}; node ${process.version}`,
  );
  console.log(`  ${''.padEnd(42)}  p50 ms  p99 ms   p99 per round · server CPU per request`);
  for (const engine of engines) {
    const figures = await measureEngine(engine);
    console.log(engine);
    printPhase(
      'cold: right after start-up (one round first, to open the connections)',
      figures.cold,
    );
    printPhase(
      `steady: after ${String(STEADY_AFTER)} rounds (${String(STEADY_AFTER * CONCURRENCY)} starts), the JIT warm`,
      figures.steady,
    );
    console.log(row(`one start alone (${String(ALONE)} in a row)`, figures.alone));
  }
}

await main();
