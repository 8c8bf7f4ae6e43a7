import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfWorkerPool } from '../default-pdf-pool.js';
import { HELD_OUT_DIR, loadLabelledResumes, OUTSIDE_DIR } from './fixture-files.js';
import { familyMeans, scoreLabelledSet } from './score-labelled-set.js';

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

  it('has an outside set of at least 60 resumes in ten layout families, every file present', () => {
    const outside = loadLabelledResumes(OUTSIDE_DIR);
    expect(outside.length).toBeGreaterThanOrEqual(60);
    expect(new Set(outside.map((resume) => resume.family)).size).toBeGreaterThanOrEqual(10);
    for (const resume of outside) expect(existsSync(resume.filePath)).toBe(true);
  });

  it('parses with a mean field score of at least 85', async () => {
    const { summary } = await scoreLabelledSet(pool);
    expect(summary.mean).toBeGreaterThanOrEqual(85);
  }, 120_000);

  it('parses the outside and held-out sets with a mean of at least 90, every family at least 75', async () => {
    for (const directory of [OUTSIDE_DIR, HELD_OUT_DIR]) {
      const { summary, results } = await scoreLabelledSet(pool, undefined, directory);
      expect(summary.mean).toBeGreaterThanOrEqual(90);
      for (const family of familyMeans(results)) expect(family.mean).toBeGreaterThanOrEqual(75);
    }
  }, 240_000);
});
