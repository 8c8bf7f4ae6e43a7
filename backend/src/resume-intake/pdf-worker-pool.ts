import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayoutPage } from '@screenline/core';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The same relative path from `src/resume-intake` (dev, tests) and `dist/resume-intake` (production). */
const WORKER_FILE = path.resolve(here, '../../workers/pdf-extract-worker.mjs');

/** Why a PDF could not be read, as the worker or the pool saw it. */
export type PdfFailure = 'encrypted' | 'invalid' | 'timeout' | 'crashed' | 'memory';

export type PdfExtraction =
  { ok: true; pages: LayoutPage[]; pageCount: number } | { ok: false; reason: PdfFailure };

export interface PdfWorkerPoolOptions {
  /** Child processes kept at most (each parses one PDF at a time). */
  size: number;
  /** A parse taking longer is killed with its process. */
  timeoutMs: number;
  /** The V8 heap cap of each child, in MB (`--max-old-space-size`). */
  maxHeapMb: number;
  /**
   * The resident memory cap of each child, in MB, heap and buffers alike (the heap cap does not
   * cover a PDF's decoded streams and images): a child over it is killed. Linux only (it reads
   * /proc); elsewhere the heap cap and the time limit still hold.
   */
  maxRssMb?: number;
  /** Pages read at most; a resume longer than this is read in part. */
  maxPages: number;
}

interface Task {
  id: number;
  data: Uint8Array;
  resolve: (result: PdfExtraction) => void;
}

interface Worker {
  child: ChildProcess;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  watchdog: NodeJS.Timeout | null;
}

/** How often a busy child's memory is looked at. */
const MEMORY_CHECK_MS = 25;

type WorkerReply =
  | { id: number; ok: true; pages: LayoutPage[]; pageCount: number }
  | { id: number; ok: false; reason: PdfFailure };

/**
 * A small pool of PDF parsing processes (RELIABILITY UP-4). Each child is killed when its parse runs
 * past the time limit or its memory past the cap, or dies when its heap cap is hit; the pool answers that as a failure value and
 * starts a fresh child for the next file, so one hostile PDF never takes the server down.
 */
export class PdfWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private isClosed = false;

  constructor(private readonly options: PdfWorkerPoolOptions) {}

  /** Parses a PDF in a child process; never throws for a bad file. */
  extract(data: Uint8Array): Promise<PdfExtraction> {
    if (this.isClosed) return Promise.resolve({ ok: false, reason: 'crashed' });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, data, resolve });
      this.dispatch();
    });
  }

  /** Starts the children ahead of the first file, so the first upload does not pay for it. */
  warmUp(): void {
    while (this.workers.length < this.options.size) this.spawn();
  }

  /** Kills every child; pending parses answer `crashed`. */
  async close(): Promise<void> {
    this.isClosed = true;
    for (const task of this.queue.splice(0)) task.resolve({ ok: false, reason: 'crashed' });
    const exits = this.workers.map((worker) =>
      this.retire(worker, { ok: false, reason: 'crashed' }),
    );
    await Promise.all(exits);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker =
        this.workers.find((candidate) => candidate.task === null) ??
        (this.workers.length < this.options.size ? this.spawn() : undefined);
      if (worker === undefined) return;
      const task = this.queue.shift();
      if (task === undefined) return;
      this.run(worker, task);
    }
  }

  private spawn(): Worker {
    const child = fork(WORKER_FILE, [], {
      execArgv: [`--max-old-space-size=${this.options.maxHeapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    const worker: Worker = { child, task: null, timer: null, watchdog: null };
    child.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    child.on('exit', () => this.onExit(worker));
    // An IPC error (the child died mid-send) is followed by 'exit', which settles the task.
    child.on('error', () => undefined);
    this.setIdle(worker, true);
    this.workers.push(worker);
    return worker;
  }

  private run(worker: Worker, task: Task): void {
    worker.task = task;
    this.setIdle(worker, false);
    worker.timer = setTimeout(
      () => void this.retire(worker, { ok: false, reason: 'timeout' }),
      this.options.timeoutMs,
    );
    worker.child.send({ id: task.id, data: task.data, maxPages: this.options.maxPages });
    const maxRssMb = this.options.maxRssMb;
    const pid = worker.child.pid;
    if (maxRssMb !== undefined && pid !== undefined) {
      const check = (): void => {
        const rssMb = residentMb(pid);
        if (rssMb !== undefined && rssMb > maxRssMb) {
          void this.retire(worker, { ok: false, reason: 'memory' });
        }
      };
      worker.watchdog = setInterval(check, MEMORY_CHECK_MS);
      // Also at once: a child already over the cap (grown by an earlier file) takes no new work.
      check();
    }
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    const task = worker.task;
    if (task?.id !== reply.id) return;
    this.finish(
      worker,
      reply.ok
        ? { ok: true, pages: reply.pages, pageCount: reply.pageCount }
        : { ok: false, reason: reply.reason },
    );
    this.dispatch();
  }

  private onExit(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    this.finish(worker, { ok: false, reason: 'crashed' });
    if (!this.isClosed) this.dispatch();
  }

  private finish(worker: Worker, result: PdfExtraction): void {
    if (worker.timer !== null) clearTimeout(worker.timer);
    worker.timer = null;
    if (worker.watchdog !== null) clearInterval(worker.watchdog);
    worker.watchdog = null;
    const task = worker.task;
    worker.task = null;
    this.setIdle(worker, true);
    task?.resolve(result);
  }

  /** Kills a child (a timeout, or closing) and settles its task with the given result. */
  private retire(worker: Worker, result: PdfExtraction): Promise<void> {
    this.finish(worker, result);
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
    if (worker.child.exitCode !== null || worker.child.signalCode !== null)
      return Promise.resolve();
    // Held referenced until it is gone, so closing waits for the exit instead of leaving it behind.
    this.setIdle(worker, false);
    return new Promise<void>((resolve) => {
      worker.child.once('exit', () => resolve());
      worker.child.kill('SIGKILL');
    }).then(() => {
      if (!this.isClosed) this.dispatch();
    });
  }

  /** An idle child does not keep the process alive (a CLI run ends when its work does). */
  private setIdle(worker: Worker, isIdle: boolean): void {
    const channel = worker.child.channel as
      { ref?: () => void; unref?: () => void } | null | undefined;
    if (isIdle) {
      worker.child.unref();
      channel?.unref?.();
    } else {
      worker.child.ref();
      channel?.ref?.();
    }
  }
}

/** A process's resident set in MB from /proc (Linux); undefined where that cannot be read. */
function residentMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
  } catch {
    return undefined;
  }
}
