import { PdfWorkerPool, type PdfWorkerPoolOptions } from './pdf-worker-pool.js';

/** Defaults from RELIABILITY UP-4: a 10 s limit, a modest heap, two children for a small server. */
export const DEFAULT_PDF_POOL_OPTIONS: PdfWorkerPoolOptions = {
  size: 2,
  timeoutMs: 10_000,
  maxHeapMb: 256,
  // Heap, decoded streams and the runtime: a text resume parses in well under 150 MB.
  maxRssMb: 512,
  maxPages: 20,
};

/** A pool with the defaults, overridden where the caller knows better (tests use a short limit). */
export function createPdfWorkerPool(overrides: Partial<PdfWorkerPoolOptions> = {}): PdfWorkerPool {
  return new PdfWorkerPool({ ...DEFAULT_PDF_POOL_OPTIONS, ...overrides });
}
