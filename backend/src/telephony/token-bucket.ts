/**
 * Paces dials per trunk (LOAD-2): carriers answer 503 past about one call per second, so dials
 * queue here instead. `take()` resolves when a token is free, in arrival order.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Waits for a token; callers are served first come, first served. */
  take(): Promise<void> {
    const turn = this.tail.then(() => this.waitForToken());
    this.tail = turn;
    return turn;
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.tokens) / this.refillPerSecond) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs)));
    }
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond,
    );
    this.updatedAt = now;
  }
}

/**
 * One bucket per trunk, created on first use: an in-process `Pacer` for tests and single-process
 * tools. The server uses `SharedDialPacer`, which holds across replicas.
 */
export class DialPacer {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly callsPerSecond: number,
    private readonly burst = 1,
  ) {}

  take(trunkId: string): Promise<void> {
    let bucket = this.buckets.get(trunkId);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.burst, this.callsPerSecond);
      this.buckets.set(trunkId, bucket);
    }
    return bucket.take();
  }
}
