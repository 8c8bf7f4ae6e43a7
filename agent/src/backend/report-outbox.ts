import { backoffDelayMs } from './retry-policy.js';

/** One report for the backend; `key` makes a redelivery harmless (the backend de-duplicates on it). */
export interface Report {
  key: string;
  path: string;
  body: unknown;
}

export type SendReport = (report: Report) => Promise<'delivered' | 'retry' | 'rejected'>;

export interface ReportOutboxOptions {
  send: SendReport;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  onRejected?: (report: Report) => void;
}

/**
 * Delivers reports to the backend in order, retrying each until the backend takes it, so a backend
 * that is briefly down loses no turn (REL-6). A report the backend refuses as invalid (4xx) is
 * dropped and surfaced through `onRejected` instead of blocking the ones behind it.
 */
export class ReportOutbox {
  private readonly pending: Report[] = [];
  private draining: Promise<void> | undefined;
  private readonly options: Required<Omit<ReportOutboxOptions, 'onRejected'>> &
    Pick<ReportOutboxOptions, 'onRejected'>;

  constructor(options: ReportOutboxOptions) {
    this.options = {
      baseDelayMs: 250,
      maxDelayMs: 10_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
  }

  /** Queues a report; delivery starts at once in the background. */
  enqueue(report: Report): void {
    this.pending.push(report);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Resolves when everything queued so far is delivered or rejected, or after `timeoutMs`. */
  async flush(timeoutMs: number): Promise<boolean> {
    if (this.draining === undefined) return this.pending.length === 0;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const done = this.draining.then(() => this.pending.length === 0);
    try {
      return await Promise.race([done, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    for (let report = this.pending[0]; report !== undefined; report = this.pending[0]) {
      let result: 'delivered' | 'retry' | 'rejected';
      try {
        result = await this.options.send(report);
      } catch {
        // A network failure is the backend being away: the same as asking us to retry.
        result = 'retry';
      }
      if (result === 'retry') {
        await this.options.sleep(
          backoffDelayMs(attempt, {
            baseMs: this.options.baseDelayMs,
            capMs: this.options.maxDelayMs,
          }),
        );
        attempt += 1;
        continue;
      }
      if (result === 'rejected') this.options.onRejected?.(report);
      this.pending.shift();
      attempt = 0;
    }
  }
}
