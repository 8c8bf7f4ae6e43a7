import { type StartPhoneScreenResponse } from '@screenline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALLBACK_QUEUE } from '../../services/interview-conversations.js';
import { CandidateLinks, candidateLinkPath } from '../../db/repositories/candidate-links.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { TEST_ENGINES } from '../../test/test-database.js';

/** A zone with no daylight saving time, so "10:00 local" is 10:00 UTC every day of the year. */
const ZONE = 'Africa/Abidjan';

function tomorrowAt(hour: number): string {
  const day = new Date(Date.now() + 24 * 60 * 60_000);
  day.setUTCHours(hour, 0, 0, 0);
  return day.toISOString();
}

interface MyCall {
  interview: { id: string; status: string; scheduledFor: string | null };
  callingHours: { start: string; end: string; timeZones: string[] };
  canMove: boolean;
  canCancel: boolean;
}

describe.each(TEST_ENGINES)("the candidate's own link on %s", (engine) => {
  let kit: InterviewTestApp;
  beforeAll(async () => {
    kit = await buildInterviewTestApp(engine, { CALLING_HOURS: '09:00-20:00' });
  });
  afterAll(async () => {
    await kit.close();
  });

  const start = (resumeId: string, phone: string) =>
    kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '10.9.0.1',
      payload: { jobId: kit.jobId, resumeId, phone, consent: true },
    });
  const tokenOf = (path: string): string => path.split('#token=')[1] ?? '';
  const asCandidate = (token: string) => ({ authorization: `Bearer ${token}` });
  const myCall = (token: string) =>
    kit.app.inject({ method: 'GET', url: '/api/my-call', headers: asCandidate(token) });
  const move = (token: string, at: string) =>
    kit.app.inject({
      method: 'POST',
      url: '/api/my-call/reschedule',
      headers: asCandidate(token),
      payload: { at },
    });

  /** A call waiting for its time, as a callback request or calling hours leave it. */
  const scheduledCall = async (): Promise<{ interviewId: string; token: string }> => {
    const interviewId = await insertInterview(kit.database.db, {
      name: 'Grace Hopper',
      status: 'scheduled',
      score: null,
      createdAt: new Date().toISOString(),
    });
    const scheduledFor = new Date(tomorrowAt(15));
    await kit.database.db
      .updateTable('interviews')
      .set({ scheduled_for: scheduledFor, timezone: ZONE })
      .where('id', '=', interviewId)
      .execute();
    const { token } = await new CandidateLinks(kit.database.db).create(interviewId, scheduledFor);
    return { interviewId, token };
  };
  const scheduledForOf = async (id: string) =>
    await kit.database.db
      .selectFrom('interviews')
      .select(['scheduled_for', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('hands out the link in the start answer, and applying again opens the same call', async () => {
    const resumeId = await insertResume(kit.database);
    const first = await start(resumeId, '+12133734501');
    expect(first.statusCode).toBe(202);
    const answer = first.json<StartPhoneScreenResponse>();
    expect(answer.candidateLink?.path).toMatch(/^\/my-call#token=/);
    expect(Date.parse(answer.candidateLink?.expiresAt ?? '')).toBeGreaterThan(Date.now());
    const view = await myCall(tokenOf(answer.candidateLink?.path ?? ''));
    expect(view.statusCode).toBe(200);
    expect(view.json<MyCall>().interview.id).toBe(answer.interview.id);

    // Once the tab is closed, applying again opens the pending call instead of a 409.
    const again = await start(resumeId, '+12133734501');
    expect(again.statusCode).toBe(202);
    const reopened = again.json<StartPhoneScreenResponse>();
    expect(reopened.interview.id).toBe(answer.interview.id);
    expect(reopened.candidateToken).not.toBe(answer.candidateToken);
    const read = await kit.app.inject({
      method: 'GET',
      url: `/api/interviews/${answer.interview.id}`,
      headers: asCandidate(reopened.candidateToken),
    });
    expect(read.statusCode).toBe(200);
    // Another number for the same application is a second call: still refused.
    expect((await start(resumeId, '+12133734502')).statusCode).toBe(409);

    // The call page can ask for the link too, with the candidate token.
    const link = await kit.app.inject({
      method: 'POST',
      url: `/api/interviews/${answer.interview.id}/candidate-link`,
      headers: asCandidate(answer.candidateToken),
    });
    expect(link.statusCode).toBe(201);
    const wrong = await kit.app.inject({
      method: 'POST',
      url: `/api/interviews/${answer.interview.id}/candidate-link`,
      headers: asCandidate('not-the-token'),
    });
    expect(wrong.statusCode).toBe(401);
  });

  it('moves a scheduled call inside calling hours, and refuses a time outside them', async () => {
    const { interviewId, token } = await scheduledCall();
    const view = (await myCall(token)).json<MyCall>();
    expect(view).toMatchObject({
      interview: { status: 'scheduled' },
      callingHours: { start: '09:00', end: '20:00', timeZones: [ZONE] },
      canMove: true,
      canCancel: true,
    });
    const before = await scheduledForOf(interviewId);

    for (const [at, message] of [
      [tomorrowAt(23), 'between 09:00 and 20:00'],
      [tomorrowAt(6), 'between 09:00 and 20:00'],
      [new Date(Date.now() - 60_000).toISOString(), 'five minutes from now'],
      [new Date(Date.now() + 40 * 24 * 60 * 60_000).toISOString(), '30 days'],
      ['tomorrow at ten', 'date and time'],
    ] as const) {
      const refused = await move(token, at);
      expect(refused.statusCode, at).toBe(400);
      expect(refused.json<{ message: string }>().message).toContain(message);
    }
    expect(await scheduledForOf(interviewId)).toEqual(before);

    const moved = await move(token, tomorrowAt(10));
    expect(moved.statusCode).toBe(200);
    expect(moved.json<MyCall>().interview.scheduledFor).toBe(tomorrowAt(10));
    expect((await scheduledForOf(interviewId)).scheduled_for?.toISOString()).toBe(tomorrowAt(10));
    const events = await kit.runtime.store.listEvents(interviewId);
    expect(events.map((event) => event.type)).toContain('rescheduled');

    // The job queued for the old time gives way: it completes and the call stays scheduled.
    const oldJob = await kit.runtime.queue.send(CALLBACK_QUEUE, {
      interviewId,
      attempt: 1,
      scheduledFor: before.scheduled_for?.toISOString(),
    });
    await vi.waitFor(
      async () => {
        const job = await sql<{
          state: string;
        }>`select state from pgboss.job where id = ${oldJob}`.execute(kit.database.db);
        expect(job.rows[0]?.state).toBe('completed');
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(await scheduledForOf(interviewId)).toMatchObject({ status: 'scheduled' });
  });

  it('cancels from the link, once; a canceled call cannot be moved', async () => {
    const { interviewId, token } = await scheduledCall();
    const canceled = await kit.app.inject({
      method: 'POST',
      url: '/api/my-call/cancel',
      headers: asCandidate(token),
    });
    expect(canceled.statusCode).toBe(200);
    expect(canceled.json<MyCall>()).toMatchObject({
      interview: { status: 'canceled' },
      canMove: false,
      canCancel: false,
    });
    const twice = await kit.app.inject({
      method: 'POST',
      url: '/api/my-call/cancel',
      headers: asCandidate(token),
    });
    expect(twice.statusCode).toBe(409);
    const moveAfter = await move(token, tomorrowAt(10));
    expect(moveAfter.statusCode).toBe(409);
    expect((await scheduledForOf(interviewId)).status).toBe('canceled');
  });

  it('refuses an expired, unknown or missing link with a 4xx, and changes nothing', async () => {
    const { interviewId, token } = await scheduledCall();
    await kit.database.db
      .withTables<{ candidate_links: { interview_id: string; expires_at: Date } }>()
      .updateTable('candidate_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('interview_id', '=', interviewId)
      .execute();
    const before = await scheduledForOf(interviewId);
    const expired = await move(token, tomorrowAt(10));
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ message: string }>().message).toContain('expired');
    const cancel = await kit.app.inject({
      method: 'POST',
      url: '/api/my-call/cancel',
      headers: asCandidate(token),
    });
    expect(cancel.statusCode).toBe(401);
    expect(await scheduledForOf(interviewId)).toEqual(before);

    expect((await myCall(tokenOf(candidateLinkPath('made-up')))).statusCode).toBe(404);
    const missing = await kit.app.inject({ method: 'GET', url: '/api/my-call' });
    expect(missing.statusCode).toBe(401);
  });
});
