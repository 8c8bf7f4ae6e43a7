import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';
import { multipartBody } from '../../resume-intake/test-support/multipart.js';

const RESUME = `Jane Doe
jane.doe@example.com | +44 20 7946 0958 | London, UK

EXPERIENCE
Senior Engineer, Acme Ltd    Jan 2020 – Present
• Built things.

EDUCATION
University of Leeds
BSc Computer Science, 2015

SKILLS
TypeScript, Go
`;

describe.each(TEST_ENGINES)('resume routes on %s', (engine) => {
  let testApp: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-resumes-'));
    testApp = await buildTestApp(engine, { DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a new resume (201), answers the same file again with the same resume (200)', async () => {
    const first = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      ...multipartBody('cv.txt', RESUME),
    });
    expect(first.statusCode).toBe(201);
    const body = first.json<{
      resume: { id: string; parsed: { name: string; phone: string } };
      candidateToken: string;
    }>();
    expect(body.resume.parsed.name).toBe('Jane Doe');
    expect(body.resume.parsed.phone).toBe('+442079460958');
    expect(readdirSync(path.join(dataDir, 'resumes'))).toHaveLength(1);

    const again = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      ...multipartBody('copy.txt', RESUME),
    });
    expect(again.statusCode).toBe(200);
    const second = again.json<{ resume: { id: string }; candidateToken: string }>();
    expect(second.resume.id).toBe(body.resume.id);
    expect(readdirSync(path.join(dataDir, 'resumes'))).toHaveLength(1);

    for (const token of [body.candidateToken, second.candidateToken]) {
      const read = await testApp.app.inject({
        method: 'GET',
        url: `/api/resumes/${body.resume.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.statusCode).toBe(200);
    }
  });

  it('keeps one resume and one file when the same file arrives twice at once', async () => {
    const text = `${RESUME}\nConcurrent copy`;
    const responses = await Promise.all([
      testApp.app.inject({ method: 'POST', url: '/api/resumes', ...multipartBody('a.txt', text) }),
      testApp.app.inject({ method: 'POST', url: '/api/resumes', ...multipartBody('b.txt', text) }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 201]);
    const ids = responses.map((response) => response.json<{ resume: { id: string } }>().resume.id);
    expect(ids[0]).toBe(ids[1]);
    const rows = await testApp.database.db
      .selectFrom('resumes')
      .select('storage_key')
      .where('id', '=', ids[0]!)
      .execute();
    expect(rows).toHaveLength(1);
    const stored = readdirSync(path.join(dataDir, 'resumes'));
    expect(stored.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const allRows = await testApp.database.db.selectFrom('resumes').select('id').execute();
    expect(stored).toHaveLength(allRows.length);
  });

  it('refuses a read without the token or with another one', async () => {
    const upload = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      ...multipartBody('b.txt', `${RESUME}\nExtra line`),
    });
    const { resume } = upload.json<{ resume: { id: string } }>();
    const noToken = await testApp.app.inject({ method: 'GET', url: `/api/resumes/${resume.id}` });
    expect(noToken.statusCode).toBe(401);
    const wrong = await testApp.app.inject({
      method: 'GET',
      url: `/api/resumes/${resume.id}`,
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('answers a request that is not multipart with 415', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      payload: { hello: 1 },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json<{ code: string }>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
