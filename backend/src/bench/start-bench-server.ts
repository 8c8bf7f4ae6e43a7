/**
 * The server half of `npm run bench:start`: the real app, as server.ts builds it, listening on
 * loopback in a process of its own (so the load generator's work never runs on its event loop),
 * on a fresh database with `BENCH_APPLICATIONS` distinct applications (one open job, one resume
 * each), or, with BENCH_DATABASE_URL, on the database of the first server of the run (a replica). It tells its parent the port and the applications over IPC, then counts the SQL
 * statements the app sends and its CPU time, so the parent can report both per start; with
 * BENCH_CPU_PROF set it profiles the measured rounds into that folder.
 *
 * The call placer answers "placed" and never rings: the ringing and the conversation come seconds
 * later and are not the start's work, and a ring firing inside a later round would blur it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { buildApp } from '../app.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { seedDemoData } from '../db/seed.js';
import { parseEnv } from '../env.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import { insertResume } from '../test/interview-test-kit.js';
import { openTestDatabase, type TestEngine } from '../test/test-database.js';

/** What the parent is told once the server listens. */
export interface BenchServerReady {
  type: 'ready';
  port: number;
  jobId: string;
  resumeIds: string[];
  /** The scratch PostgreSQL database, for the other servers of a multi-process run. */
  databaseUrl?: string;
}

/** The parent asks for the statement count; the server answers with it. */
export interface BenchServerCount {
  type: 'count';
  statements: number;
  /** The server process's CPU time (user and system) so far. */
  cpuMs: number;
}

/**
 * Counts every statement the app's query builder sends (begin and commit are not counted): by its
 * result, since a query built into another one (the start writes several rows in one statement)
 * is transformed but never sent on its own.
 */
class StatementCounter implements KyselyPlugin {
  statements = 0;

  transformQuery(args: PluginTransformQueryArgs): PluginTransformQueryArgs['node'] {
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<PluginTransformResultArgs['result']> {
    this.statements += 1;
    return Promise.resolve(args.result);
  }
}

const neverRings: CallPlacer = {
  placeCall: () => Promise.resolve({ outcome: 'simulated' }),
  hangUp: () => Promise.resolve(),
};

async function main(): Promise<void> {
  const engine = (process.env.BENCH_ENGINE ?? 'pglite') as TestEngine;
  const applications = Number(process.env.BENCH_APPLICATIONS ?? 300);
  // A second server of a multi-process run (another replica) opens the first one's database,
  // which holds the job and the applications already.
  const sharedUrl = process.env.BENCH_DATABASE_URL;
  const created = sharedUrl === undefined ? await openTestDatabase(engine) : undefined;
  const opened = created ?? (await openDatabase({ kind: 'postgres', url: sharedUrl ?? '' }));
  const resumeIds: string[] = [];
  let jobId = '';
  if (sharedUrl === undefined) {
    await seedDemoData(opened.db);
    jobId = (await opened.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id;
    for (let index = 0; index < applications; index += 1) {
      resumeIds.push(await insertResume(opened));
    }
  }
  const counter = new StatementCounter();
  const database: DatabaseHandle = { ...opened, db: opened.db.withPlugin(counter) };
  const app = await buildApp({
    env: parseEnv({
      // Production's logger (JSON lines, pii redacted) at info, written to a stdout the parent
      // discards: a log line per request is part of what a start costs.
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      // Off, as issue 14 measured; `--limits on` raises them past the run instead, so every
      // counter is still taken.
      RATE_LIMIT_PER_IP_PER_HOUR: process.env.BENCH_RATE_LIMIT ?? '0',
      RATE_LIMIT_PER_NUMBER_PER_10_MIN: process.env.BENCH_RATE_LIMIT ?? '0',
      RATE_LIMIT_PER_NUMBER_PER_DAY: process.env.BENCH_RATE_LIMIT ?? '0',
      RATE_LIMIT_PER_PREFIX_PER_HOUR: process.env.BENCH_RATE_LIMIT ?? '0',
      RATE_LIMIT_GLOBAL_PER_MINUTE: process.env.BENCH_RATE_LIMIT ?? '0',
    }),
    database,
    frontendDir: '/nonexistent',
    callPlacer: neverRings,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');

  const send = (message: BenchServerReady | BenchServerCount): void => {
    process.send?.(message);
  };
  // The profile covers the measured rounds only, not the migrations and the seeding before them.
  const profiler = new Session();
  const profileDir = process.env.BENCH_CPU_PROF;
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'profile' && profileDir !== undefined) {
      profiler.connect();
      void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
    }
    if (message.type === 'profile-end' && profileDir !== undefined) {
      void profiler.post('Profiler.stop').then(async ({ profile }) => {
        await mkdir(profileDir, { recursive: true });
        await writeFile(
          path.join(
            profileDir,
            `start-${engine}-${process.env.BENCH_PROFILE_NAME ?? 'server-1'}.cpuprofile`,
          ),
          JSON.stringify(profile),
        );
      });
    }
    if (message.type === 'count') {
      const cpu = process.cpuUsage();
      send({
        type: 'count',
        statements: counter.statements,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    }
    if (message.type === 'stop') {
      void app
        .close()
        .then(() => opened.close())
        .then(() => process.exit(0));
    }
  });
  send({
    type: 'ready',
    port: address.port,
    jobId,
    resumeIds,
    ...(created?.url === undefined ? {} : { databaseUrl: created.url }),
  });
}

await main();
