import { ZInterviewListResponse, ZInterviewReview } from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../auth/recruiter-auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';

describe.each(TEST_ENGINES)('recruiter interviews on %s', (engine) => {
  let testApp: TestApp;
  let cookies: Record<string, string>;
  let adaId: string;

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
    cookies = {
      [SESSION_COOKIE]: signIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    };
    const db = testApp.database.db;
    adaId = await insertInterview(db, {
      name: 'Ada Lovelace',
      status: 'evaluated',
      score: 4.2,
      createdAt: '2026-01-02T10:00:00Z',
    });
    await insertInterview(db, {
      name: '=HYPERLINK("http://evil.example","click")',
      status: 'busy',
      score: null,
      createdAt: '2026-01-03T10:00:00Z',
    });
    await insertInterview(db, {
      name: 'Grace Hopper',
      status: 'evaluated',
      score: 3.1,
      createdAt: '2026-01-01T10:00:00Z',
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const list = async (query: string) => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews?${query}`,
      cookies,
    });
    expect(response.statusCode).toBe(200);
    return ZInterviewListResponse.parse(response.json());
  };

  it('lists, filters, searches, sorts and paginates', async () => {
    const all = await list('');
    expect(all.total).toBe(3);
    expect(all.interviews.map((row) => row.candidateName)[0]).toMatch(/^=HYPERLINK/);

    const evaluated = await list('status=evaluated&sort=score_desc');
    expect(evaluated.interviews.map((row) => row.candidateName)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect(evaluated.interviews[0]).toMatchObject({ overallScore: 4.2, suggestion: 'advance' });
    expect(evaluated.interviews[0]?.knockouts).toContainEqual({
      knockoutId: 'notice-period',
      value: 14,
      unit: 'days',
      passed: true,
    });

    const search = await list('q=grace');
    expect(search.interviews.map((row) => row.candidateName)).toEqual(['Grace Hopper']);

    const pageTwo = await list('sort=oldest&pageSize=2&page=2');
    expect(pageTwo).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(pageTwo.interviews).toHaveLength(1);

    const wildcard = await list('q=%25');
    expect(wildcard.total).toBe(0);
  });

  it('exports CSV that a spreadsheet will not run as formulas', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews/export.csv',
      cookies,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="interviews-/);
    const lines = response.body.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      'Candidate,Job,Status,Score,Suggestion,Decision,Date,Interview id,Knock-outs',
    );
    // Each knock-out's typed value, not only pass or fail.
    expect(lines.find((line) => line.startsWith('Ada Lovelace'))).toMatch(
      /work-authorization: not determined \(met\); notice-period: 14 days \(met\)$/,
    );
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http/);
    expect(response.body).not.toMatch(/(^|,)=/m);
  });

  it('shows one interview for review and records a decision with who and when', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${adaId}/review`,
      cookies,
    });
    expect(response.statusCode).toBe(200);
    const review = ZInterviewReview.parse(response.json());
    expect(review.candidate.name).toBe('Ada Lovelace');
    expect(review.timeline.map((event) => event.status)).toEqual(['dialing', 'evaluated']);
    expect(review.transcript[1]?.metrics).toEqual({ responseLatencyMs: 850 });
    expect(review.transcript[2]?.knockout).toEqual({
      knockoutId: 'notice-period',
      value: 14,
      unit: 'days',
      passed: true,
    });
    expect(review.scorecard?.knockouts[1]).toMatchObject({ value: 14, unit: 'days' });
    expect(review.scorecard?.criteria[0]?.evidence[0]?.turnId).toBe(`${adaId}-2`);
    expect(review.decision).toBeNull();

    const decided = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${adaId}/decision`,
      cookies,
      payload: { decision: 'advance' },
    });
    expect(decided.statusCode).toBe(200);
    const after = ZInterviewReview.parse(decided.json());
    expect(after.decision).toMatchObject({ decision: 'advance', decidedBy: 'Administrator' });
    expect(after.timeline.at(-1)).toMatchObject({
      type: 'decision',
      data: { decision: 'advance' },
    });

    const noted = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${adaId}/notes`,
      cookies,
      payload: { text: 'Call back about the notice period.' },
    });
    expect(noted.statusCode).toBe(201);
    expect(ZInterviewReview.parse(noted.json()).notes[0]).toMatchObject({
      text: 'Call back about the notice period.',
      authorName: 'Administrator',
    });
  });

  it('answers 404 for an unknown interview and 400 for a bad decision', async () => {
    const missing = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews/00000000-0000-4000-8000-000000000000/review',
      cookies,
    });
    expect(missing.statusCode).toBe(404);
    const bad = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${adaId}/decision`,
      cookies,
      payload: { decision: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
