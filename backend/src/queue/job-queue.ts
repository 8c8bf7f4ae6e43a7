import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.js';

/** A queued job's handler; throwing makes pg-boss retry it later. */
export type JobHandler<T> = (data: T) => Promise<void>;

export interface JobQueueOptions {
  /** How often a worker looks for new jobs; short in tests, a second or two in production. */
  pollingIntervalSeconds?: number;
  /** Told when a job failed (it is retried); no personal data. */
  onError?: (error: unknown) => void;
  /**
   * Whether this process turns schedules into jobs (pg-boss's cron). A long-lived server does;
   * a test or a CLI run does not (the schedules stay, another server runs them).
   */
  runsSchedules?: boolean;
}

/** The durable queue: pg-boss on the same PostgreSQL (server or embedded), so jobs survive restarts. */
export interface JobQueue {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Queues a job; `startAfter` delays it (a callback at the time asked for). */
  send(
    name: string,
    data: object,
    options?: { startAfter?: Date; singletonKey?: string },
  ): Promise<string | null>;
  work<T extends object>(name: string, handler: JobHandler<T>): Promise<void>;
  /**
   * Runs `handler` on a cron schedule, once per tick across every replica (pg-boss makes one job
   * per tick, and one worker takes it), instead of a timer in each process.
   */
  schedule(name: string, cron: string, handler: () => Promise<void>): Promise<void>;
}

/**
 * pg-boss talks to PGlite through the same single connection Kysely uses: holding a Kysely
 * connection while the raw client runs keeps pg-boss's statements out of a Kysely transaction.
 * Multi-statement SQL (pg-boss sends some) cannot be a prepared statement, so it goes to `exec`.
 */
function pgliteAdapter(database: DatabaseHandle): PgBoss.Db {
  const pglite = database.pglite;
  if (pglite === undefined) throw new Error('pgliteAdapter needs the embedded database');
  return {
    // pg-boss omits `values` for statements without parameters, whatever its types say.
    executeSql: (text: string, values?: unknown[]) =>
      database.db.connection().execute(async () => {
        if (values === undefined || values.length === 0) {
          const results = await pglite.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        const result = await pglite.query(text, values);
        return { rows: result.rows };
      }),
  };
}

/** Creates the queue on the app's database; call `start()` before sending or working. */
export function createJobQueue(database: DatabaseHandle, options: JobQueueOptions = {}): JobQueue {
  const pool = database.pool;
  const constructorOptions: PgBoss.ConstructorOptions =
    pool !== undefined
      ? { db: { executeSql: (text, values) => pool.query(text, values) } }
      : { db: pgliteAdapter(database) };
  const boss = new PgBoss({
    ...constructorOptions,
    schema: 'pgboss',
    supervise: true,
    // Cron is for long-lived servers; it only adds load to a test or a CLI run.
    schedule: options.runsSchedules ?? false,
  });
  boss.on('error', (error) => options.onError?.(error));
  /** Local workers by queue: a job sent from this process wakes them at once instead of at the next poll. */
  const workerIds = new Map<string, string>();
  let started: Promise<void> | undefined;

  /** One creation per queue name, shared by concurrent callers (two creations can deadlock). */
  const ready = new Map<string, Promise<void>>();
  const ensureQueue = (name: string): Promise<void> => {
    let promise = ready.get(name);
    if (promise === undefined) {
      promise = boss.getQueue(name).then(async (existing) => {
        if (existing === null) await boss.createQueue(name);
      });
      promise.catch(() => ready.delete(name));
      ready.set(name, promise);
    }
    return promise;
  };

  return {
    start() {
      started ??= boss.start().then(() => undefined);
      return started;
    },
    async stop() {
      if (started === undefined) return;
      await started;
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
    async send(name, data, sendOptions = {}) {
      await ensureQueue(name);
      const id = await boss.send(name, data, {
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        ...(sendOptions.startAfter === undefined ? {} : { startAfter: sendOptions.startAfter }),
        ...(sendOptions.singletonKey === undefined
          ? {}
          : { singletonKey: sendOptions.singletonKey }),
      });
      const workerId = workerIds.get(name);
      if (workerId !== undefined && sendOptions.startAfter === undefined)
        boss.notifyWorker(workerId);
      return id;
    },
    async work(name, handler) {
      await ensureQueue(name);
      const workerId = await boss.work(
        name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as Parameters<typeof handler>[0]);
        },
      );
      workerIds.set(name, workerId);
    },
    async schedule(name, cron, handler) {
      await ensureQueue(name);
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
      await this.work(name, handler);
    },
  };
}
