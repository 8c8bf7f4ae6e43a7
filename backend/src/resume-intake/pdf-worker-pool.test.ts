import { afterEach, describe, expect, it } from 'vitest';
import { PdfWorkerPool } from './pdf-worker-pool.js';
import { textPdf } from './test-support/hostile-corpus.js';

describe('PdfWorkerPool', () => {
  let pool: PdfWorkerPool | undefined;
  afterEach(() => pool?.close());

  it('reads text with positions', async () => {
    pool = new PdfWorkerPool({ size: 1, timeoutMs: 10_000, maxHeapMb: 128, maxPages: 5 });
    const result = await pool.extract(textPdf());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages[0]?.items[0]?.text).toContain('Jane Doe');
    expect(result.pages[0]?.items[0]?.y).toBeGreaterThan(0);
  });

  it('kills a parse that runs past its time limit and serves the next file with a new process', async () => {
    pool = new PdfWorkerPool({ size: 1, timeoutMs: 1, maxHeapMb: 128, maxPages: 5 });
    expect(await pool.extract(textPdf())).toEqual({ ok: false, reason: 'timeout' });
    const slow = new PdfWorkerPool({ size: 1, timeoutMs: 10_000, maxHeapMb: 128, maxPages: 5 });
    try {
      expect((await slow.extract(textPdf())).ok).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('kills a parse whose process grows past the memory cap, and the next file still parses', async () => {
    // A cap no Node process fits under stands in for a PDF that decodes into too much memory.
    pool = new PdfWorkerPool({
      size: 1,
      timeoutMs: 10_000,
      maxHeapMb: 128,
      maxRssMb: 5,
      maxPages: 5,
    });
    expect(await pool.extract(textPdf())).toEqual({ ok: false, reason: 'memory' });
    const roomy = new PdfWorkerPool({
      size: 1,
      timeoutMs: 10_000,
      maxHeapMb: 128,
      maxRssMb: 512,
      maxPages: 5,
    });
    try {
      expect((await roomy.extract(textPdf())).ok).toBe(true);
    } finally {
      await roomy.close();
    }
  });

  it('answers crashed for work queued when it closes', async () => {
    pool = new PdfWorkerPool({ size: 1, timeoutMs: 10_000, maxHeapMb: 128, maxPages: 5 });
    const pending = pool.extract(textPdf());
    await pool.close();
    expect(await pending).toEqual({ ok: false, reason: 'crashed' });
  });
});
