import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, hashToken } from '../../lib/tokens.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';

describe.each(TEST_ENGINES)('candidate rating on %s', (engine) => {
  let testApp: TestApp;
  let interviewId: string;
  const token = createToken();

  beforeAll(async () => {
    testApp = await buildTestApp(engine);
    const db = testApp.database.db;
    const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const candidate = await db
      .insertInto('candidates')
      .values({ name: 'Ada' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const resume = await db
      .insertInto('resumes')
      .values({
        candidate_id: candidate.id,
        file_name: 'cv.txt',
        sha256: 'feedback-test',
        media_type: 'text/plain',
        size_bytes: 1,
        storage_key: 'x',
        text: 't',
        parsed: '{}',
        warnings: '[]',
        parser_version: '1',
        token_hash: hashToken(token),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const interview = await db
      .insertInto('interviews')
      .values({
        job_id: job.id,
        candidate_id: candidate.id,
        resume_id: resume.id,
        mode: 'simulated',
        status: 'evaluated',
        phone_e164: '+12133734253',
        candidate_token_hash: hashToken(token),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    interviewId = interview.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  const rate = (rating: unknown, bearer?: string) =>
    testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/feedback`,
      payload: { rating },
      ...(bearer !== undefined && { headers: { authorization: `Bearer ${bearer}` } }),
    });

  it('needs the candidate token', async () => {
    expect((await rate(5)).statusCode).toBe(401);
    expect((await rate(5, createToken())).statusCode).toBe(401);
  });

  it('records one rating from 1 to 5 in the audit trail', async () => {
    expect((await rate(9, token)).statusCode).toBe(400);
    expect((await rate(4, token)).statusCode).toBe(201);
    expect((await rate(5, token)).statusCode).toBe(409);
    const events = await testApp.database.db
      .selectFrom('interview_events')
      .select(['type', 'data'])
      .where('interview_id', '=', interviewId)
      .execute();
    expect(events).toEqual([{ type: 'candidate_feedback', data: { rating: 4 } }]);
  });
});
