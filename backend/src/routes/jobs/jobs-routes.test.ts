import { ZJob } from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../auth/recruiter-auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';

const ZJobResponse = z.object({ job: ZJob });

describe.each(TEST_ENGINES)('recruiter job writes on %s', (engine) => {
  let testApp: TestApp;
  let cookies: Record<string, string>;

  beforeAll(async () => {
    testApp = await buildTestApp(engine, {
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
    });
    const signIn = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    const token = signIn.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
    cookies = { [SESSION_COOKIE]: token };
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('creates a job with knock-outs and a rubric, edits it, closes it', async () => {
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/jobs',
      cookies,
      payload: {
        title: 'Support Engineer',
        company: 'Acme',
        knockouts: [
          {
            id: 'weekend-shifts',
            question: 'Can you work one weekend a month?',
            answerType: 'yes_no',
            accept: { equals: true },
          },
        ],
        rubric: [{ id: 'empathy', name: 'Empathy', weight: 2 }],
      },
    });
    expect(created.statusCode).toBe(201);
    const { job } = ZJobResponse.parse(created.json());
    expect(job.status).toBe('open');

    const edited = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      cookies,
      payload: { location: 'Lisbon', status: 'closed' },
    });
    expect(edited.statusCode).toBe(200);
    const after = ZJobResponse.parse(edited.json()).job;
    expect(after).toMatchObject({
      location: 'Lisbon',
      status: 'closed',
      title: 'Support Engineer',
    });
    expect(after.knockouts).toHaveLength(1);

    // Closed: gone for candidates, still there for the recruiter.
    const publicRead = await testApp.app.inject({ method: 'GET', url: `/api/jobs/${job.id}` });
    expect(publicRead.statusCode).toBe(404);
    const recruiterRead = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${job.id}`,
      cookies,
    });
    expect(recruiterRead.statusCode).toBe(200);
    const all = await testApp.app.inject({ method: 'GET', url: '/api/jobs?scope=all', cookies });
    expect(all.json<{ jobs: unknown[] }>().jobs).toHaveLength(2);
    const open = await testApp.app.inject({ method: 'GET', url: '/api/jobs', cookies });
    expect(open.json<{ jobs: unknown[] }>().jobs).toHaveLength(1);
  });

  it('refuses duplicate knock-out ids and an unknown job with messages', async () => {
    const duplicate = await testApp.app.inject({
      method: 'POST',
      url: '/api/jobs',
      cookies,
      payload: {
        title: 'Twice',
        company: 'Acme',
        rubric: [
          { id: 'same', name: 'One', weight: 1 },
          { id: 'same', name: 'Two', weight: 1 },
        ],
      },
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<{ message: string }>().message).toMatch(/"same"/);
    const missing = await testApp.app.inject({
      method: 'PATCH',
      url: '/api/jobs/00000000-0000-4000-8000-000000000000',
      cookies,
      payload: { status: 'open' },
    });
    expect(missing.statusCode).toBe(404);
  });
});
