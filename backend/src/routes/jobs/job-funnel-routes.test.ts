import type { InterviewStatus } from '@screenline/core';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { signInCookies } from '../../test/sign-in.js';
import { TEST_ENGINES } from '../../test/test-database.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };

async function addStatusEvents(db: Kysely<Database>, id: string, statuses: InterviewStatus[]) {
  await db
    .insertInto('interview_events')
    .values(statuses.map((status) => ({ interview_id: id, type: 'status', status, data: '{}' })))
    .execute();
}

interface Funnel {
  stages: { stage: string; count: number }[];
  outcomes: { outcome: string; count: number }[];
}

describe.each(TEST_ENGINES)("a job's funnel on %s", (engine) => {
  let testApp: TestApp;
  let cookies: Record<string, string>;
  let jobId: string;
  beforeAll(async () => {
    testApp = await buildTestApp(engine, ADMIN);
    cookies = await signInCookies(testApp.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const db = testApp.database.db;
    jobId = (await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id;
    const recent = new Date(Date.now() - 2 * 24 * 60 * 60_000).toISOString();
    const advanced = await insertInterview(db, {
      name: 'Ada',
      status: 'evaluated',
      score: 4.5,
      createdAt: recent,
    });
    await addStatusEvents(db, advanced, ['ringing', 'in_progress', 'completed']);
    await db
      .updateTable('interviews')
      .set({ decision: 'advance' })
      .where('id', '=', advanced)
      .execute();
    const knockedOut = await insertInterview(db, {
      name: 'Bob',
      status: 'evaluated',
      score: 2,
      createdAt: recent,
    });
    await addStatusEvents(db, knockedOut, ['in_progress', 'completed']);
    const scorecard = await db
      .selectFrom('scorecards')
      .select('data')
      .where('interview_id', '=', knockedOut)
      .executeTakeFirstOrThrow();
    const data = scorecard.data as { knockouts: { passed: boolean }[] };
    data.knockouts = data.knockouts.map((knockout) => ({ ...knockout, passed: false }));
    await db
      .updateTable('scorecards')
      .set({ data: JSON.stringify(data) })
      .where('interview_id', '=', knockedOut)
      .execute();
    await insertInterview(db, { name: 'Cy', status: 'busy', score: null, createdAt: recent });
    await insertInterview(db, { name: 'Di', status: 'no_answer', score: null, createdAt: recent });
    // Outside the default 30 days.
    await insertInterview(db, {
      name: 'Ed',
      status: 'voicemail',
      score: null,
      createdAt: new Date(Date.now() - 60 * 24 * 60 * 60_000).toISOString(),
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('counts each stage and every call outcome over the period', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/funnel`,
      cookies,
    });
    expect(response.statusCode).toBe(200);
    const funnel = response.json<Funnel>();
    expect(Object.fromEntries(funnel.stages.map((s) => [s.stage, s.count]))).toEqual({
      applied: 4,
      called: 4,
      answered: 2,
      completed: 2,
      knockouts_passed: 1,
      advanced: 1,
    });
    const outcomes = Object.fromEntries(funnel.outcomes.map((o) => [o.outcome, o.count]));
    expect(outcomes).toMatchObject({ completed: 2, busy: 1, no_answer: 1, voicemail: 0 });
    expect(response.body).not.toContain('Ada');

    const wider = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/funnel?from=${encodeURIComponent(new Date(Date.now() - 90 * 24 * 60 * 60_000).toISOString())}`,
      cookies,
    });
    expect(wider.json<Funnel>().stages[0]).toEqual({ stage: 'applied', count: 5 });
  });

  it('answers the same figures to a read API key', async () => {
    const { key } = (
      await testApp.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        cookies,
        payload: { name: 'BI', scope: 'read' },
      })
    ).json<{ key: string }>();
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/funnel`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<Funnel>().stages[0]?.count).toBe(4);
  });

  it.each([
    ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'before'],
    ['?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400, 'one year'],
    ['?from=yesterday', 400, 'from'],
  ])('answers %s with %i', async (query, status, message) => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/jobs/${jobId}/funnel${query}`,
      cookies,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json<{ message: string }>().message).toContain(message);
  });

  it('answers 404 for a job that does not exist', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/jobs/00000000-0000-4000-8000-000000000000/funnel',
      cookies,
    });
    expect(response.statusCode).toBe(404);
  });
});
