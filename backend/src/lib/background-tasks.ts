import type { FastifyBaseLogger } from 'fastify';

/**
 * Work that outlives the request that started it (a phone dial waits for the answer while the
 * start has already answered 202). Failures are logged, never lost in an unhandled rejection,
 * and `drain` lets shutdown wait for what is under way before the database closes.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Pick<FastifyBaseLogger, 'error'>) {}

  /** Starts `task` now without waiting for it. */
  run(name: string, task: () => Promise<unknown>): void {
    const promise = task().then(
      () => undefined,
      (error: unknown) => this.log.error({ err: error, task: name }, 'background task failed'),
    );
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  /**
   * Resolves once every task started so far has settled, or after `timeoutMs`: a phone still
   * ringing must not hold a shutdown for its whole ringing window (the reconciler of a running
   * replica, or of this one after its restart, finishes a dial left behind).
   */
  async drain(timeoutMs = 2_000): Promise<void> {
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
    const settled = (async () => {
      while (this.running.size > 0) await Promise.all([...this.running]);
    })();
    await Promise.race([settled, deadline]);
  }
}
