import type { StartPhoneScreenResponse } from '@screenline/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';
import { TEST_ENGINES } from '../../test/test-database.js';

describe.each(TEST_ENGINES)('POST /api/interviews/:id/cancel in simulated mode (%s)', (engine) => {
  let kit: InterviewTestApp | undefined;

  afterEach(async () => {
    await kit?.close();
    kit = undefined;
  });

  it('ends a ringing call canceled for the candidate, and only for the candidate', async () => {
    kit = await buildInterviewTestApp(engine, { SIMULATED_RING_MS: '60000' });
    const resumeId = await insertResume(kit.database);
    const started = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId: kit.jobId, resumeId, phone: '+12133734253', consent: true },
    });
    const answer = started.json<StartPhoneScreenResponse>();
    const url = `/api/interviews/${answer.interview.id}/cancel`;
    const anonymous = await kit.app.inject({ method: 'POST', url });
    expect(anonymous.statusCode).toBe(404);
    const headers = { authorization: `Bearer ${answer.candidateToken}` };
    const canceled = await kit.app.inject({ method: 'POST', url, headers });
    expect(canceled.json()).toEqual({ status: 'canceled' });
    const again = await kit.app.inject({ method: 'POST', url, headers });
    expect(again.json()).toEqual({ status: 'canceled' });
    const row = await kit.database.db
      .selectFrom('interviews')
      .select(['status', 'end_reason'])
      .where('id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'canceled', end_reason: 'canceled' });
  });
});
