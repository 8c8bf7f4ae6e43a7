import { describe, expect, it } from 'vitest';
import { ReportOutbox, type Report } from './report-outbox.js';
import { backoffDelayMs } from './retry-policy.js';

const noSleep = (): Promise<void> => Promise.resolve();

describe('ReportOutbox', () => {
  it('delivers every report in order while the backend fails intermittently', async () => {
    const delivered: string[] = [];
    let calls = 0;
    const outbox = new ReportOutbox({
      sleep: noSleep,
      send: async (report) => {
        calls += 1;
        if (calls % 3 === 0) throw new Error('ECONNREFUSED');
        if (calls % 4 === 0) return 'retry';
        delivered.push(report.key);
        return 'delivered';
      },
    });
    const keys = Array.from({ length: 50 }, (_, index) => `turn-${index}`);
    for (const key of keys) outbox.enqueue({ key, path: '/turns', body: {} });
    expect(await outbox.flush(5_000)).toBe(true);
    expect(delivered).toEqual(keys);
  });

  it('drops a rejected report and keeps going', async () => {
    const rejected: Report[] = [];
    const delivered: string[] = [];
    const outbox = new ReportOutbox({
      sleep: noSleep,
      onRejected: (report) => rejected.push(report),
      send: async (report) => {
        if (report.key === 'bad') return 'rejected';
        delivered.push(report.key);
        return 'delivered';
      },
    });
    outbox.enqueue({ key: 'a', path: '/x', body: {} });
    outbox.enqueue({ key: 'bad', path: '/x', body: {} });
    outbox.enqueue({ key: 'b', path: '/x', body: {} });
    expect(await outbox.flush(1_000)).toBe(true);
    expect(delivered).toEqual(['a', 'b']);
    expect(rejected.map((report) => report.key)).toEqual(['bad']);
  });

  it('reports that a flush timed out while the backend stays down', async () => {
    const outbox = new ReportOutbox({
      sleep: () => new Promise((resolve) => setTimeout(resolve, 5)),
      send: () => Promise.resolve('retry' as const),
    });
    outbox.enqueue({ key: 'a', path: '/x', body: {} });
    expect(await outbox.flush(50)).toBe(false);
    expect(outbox.size).toBe(1);
  });
});

describe('backoffDelayMs', () => {
  it('stays within the exponential ceiling and the cap', () => {
    expect(backoffDelayMs(0, { baseMs: 100, capMs: 1_000 }, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, { baseMs: 100, capMs: 1_000 }, () => 0.999)).toBe(799);
    expect(backoffDelayMs(10, { baseMs: 100, capMs: 1_000 }, () => 0.999)).toBe(999);
    expect(backoffDelayMs(5, { baseMs: 100, capMs: 1_000 }, () => 0)).toBe(0);
  });
});
