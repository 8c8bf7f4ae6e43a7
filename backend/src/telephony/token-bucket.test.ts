import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('lets a burst through, then one token per refill interval, in arrival order', async () => {
    const bucket = new TokenBucket(2, 50);
    const started = performance.now();
    const order: number[] = [];
    const finished: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (index) => {
        await bucket.take();
        order.push(index);
        finished.push(performance.now() - started);
      }),
    );
    expect(order).toEqual([0, 1, 2, 3]);
    expect(finished[1]!).toBeLessThan(15);
    // Tokens 3 and 4 wait 20 ms each at 50 per second.
    expect(finished[3]!).toBeGreaterThanOrEqual(38);
  });
});
