import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInCookies } from '../../test/sign-in.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';
import { multipartBody } from '../../resume-intake/test-support/multipart.js';
import { textPdf } from '../../resume-intake/test-support/hostile-corpus.js';
import { attachmentHeader } from './interview-resume-routes.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };

describe.each(TEST_ENGINES)('the interview resume download on %s', (engine) => {
  let testApp: TestApp;
  let dataDir: string;
  let cookies: Record<string, string>;
  let pdfInterviewId: string;
  let pdfBytes: Buffer;

  /** Uploads a file through the API and opens an interview on it, as the start flow does. */
  const interviewWith = async (fileName: string, data: string | Buffer): Promise<string> => {
    const upload = await testApp.app.inject({
      method: 'POST',
      url: '/api/resumes',
      ...multipartBody(fileName, data),
    });
    expect(upload.statusCode).toBe(201);
    const resumeId = upload.json<{ resume: { id: string } }>().resume.id;
    const db = testApp.database.db;
    const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const candidate = await db
      .insertInto('candidates')
      .values({ name: 'Ada Lovelace', email: null, phone_e164: '+12133734253' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('resumes')
      .set({ candidate_id: candidate.id })
      .where('id', '=', resumeId)
      .execute();
    const interview = await db
      .insertInto('interviews')
      .values({
        job_id: job.id,
        candidate_id: candidate.id,
        resume_id: resumeId,
        mode: 'simulated',
        status: 'completed',
        phone_e164: '+12133734253',
        candidate_token_hash: 'h',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return interview.id;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-resume-download-'));
    testApp = await buildTestApp(engine, { ...ADMIN, DATA_DIR: dataDir });
    cookies = await signInCookies(testApp.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    pdfBytes = textPdf();
    pdfInterviewId = await interviewWith('Ada Lovelace CV (final).pdf', pdfBytes);
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a caller without a session or key (401), and a candidate token', async () => {
    const anonymous = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${pdfInterviewId}/resume`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-disposition']).toBeUndefined();
    const candidate = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${pdfInterviewId}/resume`,
      headers: { authorization: 'Bearer some-candidate-token' },
    });
    expect(candidate.statusCode).toBe(401);
  });

  it('serves the stored bytes as a download in the stored type, never sniffed', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${pdfInterviewId}/resume`,
      cookies,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Ada Lovelace CV (final).pdf"; filename*=UTF-8''Ada%20Lovelace%20CV%20(final).pdf`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.rawPayload.equals(pdfBytes)).toBe(true);

    const audit = await testApp.app.inject({ method: 'GET', url: '/api/audit', cookies });
    expect(audit.body).toContain('resume.downloaded');
  });

  it('serves a text resume as text/plain, with a .txt name', async () => {
    const interviewId = await interviewWith(
      'notes.md',
      'Ada Lovelace\nada@example.com\n\nEXPERIENCE\nAnalyst, Engine Ltd  1842 - 1843\n',
    );
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${interviewId}/resume`,
      cookies,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="notes\.txt"/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('works with an API key of read scope', async () => {
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      cookies,
      payload: { name: 'ATS reader', scope: 'read' },
    });
    const { key } = created.json<{ key: string }>();
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${pdfInterviewId}/resume`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('answers 404 for an unknown interview', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews/00000000-0000-0000-0000-000000000000/resume',
      cookies,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ message: string }>().message).toContain('no resume');
  });
});

describe('attachmentHeader', () => {
  it('keeps a non-ASCII name in filename* and a safe ASCII fallback', () => {
    expect(attachmentHeader('Lebenslauf Müller "neu".docx', 'application/pdf')).toBe(
      `attachment; filename="Lebenslauf M_ller _neu_.pdf"; filename*=UTF-8''Lebenslauf%20M%C3%BCller%20%22neu%22.pdf`,
    );
  });
});
