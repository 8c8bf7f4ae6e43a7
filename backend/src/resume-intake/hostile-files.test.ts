import { mkdtempSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { TEST_ENGINES } from '../test/test-database.js';
import { hostileCorpus, textPdf } from './test-support/hostile-corpus.js';
import { multipartBody } from './test-support/multipart.js';

const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 4_000;

describe.each(TEST_ENGINES)('hostile resume files on %s', (engine) => {
  let testApp: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-hostile-'));
    testApp = await buildTestApp(engine, {
      DATA_DIR: dataDir,
      RESUME_MAX_BYTES: String(MAX_BYTES),
      RESUME_PARSE_TIMEOUT_MS: String(TIMEOUT_MS),
    });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(hostileCorpus(MAX_BYTES).map((file) => [file.name, file] as const))(
    '%s gets its 4xx with a message a person can act on',
    async (_name, file) => {
      const started = performance.now();
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/resumes',
        ...multipartBody(file.fileName, file.data),
      });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 3_000);
      expect(response.statusCode).toBe(file.status);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code).toBe(file.code);
      expect(body.message.length).toBeGreaterThan(30);
      expect(body.message).toContain(file.says);
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
    },
  );

  it('stored nothing for any of them, and still serves a normal upload', async () => {
    const rows = await testApp.database.db.selectFrom('resumes').select('id').execute();
    expect(rows).toHaveLength(0);
    const resumesDir = path.join(dataDir, 'resumes');
    expect(existsSync(resumesDir) ? readdirSync(resumesDir) : []).toEqual([]);

    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      ...multipartBody('cv.pdf', textPdf()),
    });
    expect(response.statusCode).toBe(201);
  });
});
