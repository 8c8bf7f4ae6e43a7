import { afterAll, describe, expect, it } from 'vitest';
import { createPdfWorkerPool } from '../default-pdf-pool.js';
import { loadLabelledResumes } from './fixture-files.js';
import { scoreLabelledSet } from './score-labelled-set.js';

describe('the labelled resume set', () => {
  const pool = createPdfWorkerPool();
  afterAll(() => pool.close());

  it('has at least 20 resumes in PDF, DOCX and text', () => {
    const files = loadLabelledResumes().map((resume) => resume.file);
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const extension of ['.pdf', '.docx', '.txt', '.md']) {
      expect(files.some((file) => file.endsWith(extension))).toBe(true);
    }
  });

  it('parses with a mean field score of at least 85', async () => {
    const { summary } = await scoreLabelledSet(pool);
    expect(summary.mean).toBeGreaterThanOrEqual(85);
  }, 120_000);
});
