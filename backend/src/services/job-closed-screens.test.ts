// Closing a job calls nobody for it again: its calls still to come end `canceled` (reason
// `job_closed`), at the close and, for one queued after it, at the dial; a call under way goes on,
// and what it would queue after the close (a callback, a retry) ends the screen the same way.
// The real app in phone mode on the LiveKit emulator, driven through its routes.
import type { StartPhoneScreenResponse } from '@screenline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { insertResume } from '../test/interview-test-kit.js';
import { signInCookies } from '../test/sign-in.js';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  TEST_TRUNK,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

describe.each(TEST_ENGINES)('closing a job (%s)', (engine) => {
  let t: LiveKitTestApp;
  let cookies: Record<string, string>;
  let jobId: string;
  beforeAll(async () => {
    t = await buildLiveKitTestApp(engine, {
      env: {
        RATE_LIMIT_PER_IP_PER_HOUR: '100000',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
    });
    cookies = await signInCookies(t.app, ADMIN.email, ADMIN.password);
    jobId = (await t.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowOf = async (id: string) =>
    await t.db
      .selectFrom('interviews')
      .select(['status', 'end_reason', 'attempt'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const dialsTo = (phone: string) =>
    t.emulator
      .callsTo('CreateSIPParticipant')
      .filter((call) => (call.body as { sipCallTo?: string }).sipCallTo === phone);
  const auditOfJob = () =>
    t.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('target_id', '=', jobId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  const setJobStatus = (status: 'open' | 'closed') =>
    t.app.inject({ method: 'PATCH', url: `/api/jobs/${jobId}`, cookies, payload: { status } });

  /** "Call Me Now" from `phone`, answered by the agent: the call is under way. */
  const liveCall = async (
    phone: string,
  ): Promise<{ id: string; token: string; linkToken: string }> => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.40',
      payload: { jobId, resumeId: await insertResume(t.database), phone, consent: true },
    });
    expect(started.statusCode, started.body).toBe(202);
    const answer = started.json<StartPhoneScreenResponse>();
    const id = answer.interview.id;
    await vi.waitFor(() => expect(dialsTo(phone)).toHaveLength(1), { timeout: 5_000 });
    const { backendToken } = await t.prepareMetadata(id);
    await t.agentEvent(id, { authorization: `Bearer ${backendToken}` }, { event: 'answered' });
    expect((await rowOf(id)).status).toBe('in_progress');
    const linkToken = answer.candidateLink?.path.split('#token=')[1] ?? '';
    return { id, token: backendToken, linkToken };
  };
  const myCall = async (linkToken: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/my-call',
        headers: { authorization: `Bearer ${linkToken}` },
      })
    ).json<{ interview: { status: string; endReason: string | null } }>();

  /** On the call, the candidate asks to be called back tomorrow. */
  const askForCallback = (live: { id: string; token: string }) =>
    t.agentEvent(
      live.id,
      { authorization: `Bearer ${live.token}` },
      {
        event: 'ended',
        reason: 'callback_requested',
        callback: {
          requestedText: 'tomorrow at ten',
          requestedAt: new Date(Date.now() + 26 * 3_600_000).toISOString(),
        },
      },
    );

  /** A call under way whose candidate asked, on it, to be called back tomorrow. */
  const callbackTomorrow = async (phone: string): Promise<string> => {
    const live = await liveCall(phone);
    await askForCallback(live);
    expect(await rowOf(live.id)).toMatchObject({ status: 'scheduled', attempt: 1 });
    return live.id;
  };

  it('cancels its calls still to come, says how many, and leaves the call under way alone; the queued dial then places nothing', async () => {
    await setJobStatus('open');
    const waiting = await callbackTomorrow('+12125550141');
    const live = await liveCall('+12125550142');

    const closed = await setJobStatus('closed');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ job: { status: 'closed' }, canceledScreens: 1 });
    expect(await rowOf(waiting)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
    expect(await rowOf(live.id)).toMatchObject({ status: 'in_progress', end_reason: null });
    // The recruiter's timeline says why.
    const events = await t.runtime.store.listEvents(waiting);
    expect(events.at(-1)).toMatchObject({
      type: 'canceled',
      status: 'canceled',
      data: { reason: 'job_closed', endReason: 'job_closed' },
    });

    // Its time comes: nothing is dialled.
    await t.runQueuedCall(waiting, 1);
    expect(dialsTo('+12125550141')).toHaveLength(1);
    expect((await rowOf(waiting)).status).toBe('canceled');
    // Closing again finds nothing more to cancel.
    expect((await setJobStatus('closed')).json()).toMatchObject({ canceledScreens: 0 });
  });

  it('a call that comes due for a job closed since it was queued is canceled by its dial, not placed', async () => {
    await setJobStatus('open');
    const waiting = await callbackTomorrow('+12125550143');
    // Closed without the close's own sweep: as for a retry queued by a call in flight at the close.
    await t.db.updateTable('jobs').set({ status: 'closed' }).where('id', '=', jobId).execute();

    await t.runQueuedCall(waiting, 1);
    expect(dialsTo('+12125550143')).toHaveLength(1);
    expect(await rowOf(waiting)).toMatchObject({
      status: 'canceled',
      end_reason: 'job_closed',
      attempt: 1,
    });
  });

  it('reopening cancels nothing, and a candidate cannot start a screen for the closed job', async () => {
    await setJobStatus('open');
    const waiting = await callbackTomorrow('+12125550144');
    const reopened = await setJobStatus('open');
    expect(reopened.json()).toMatchObject({ job: { status: 'open' }, canceledScreens: 0 });
    expect((await rowOf(waiting)).status).toBe('scheduled');

    await setJobStatus('closed');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.40',
      payload: {
        jobId,
        resumeId: await insertResume(t.database),
        phone: '+12125550145',
        consent: true,
      },
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This job does not exist or is no longer open.',
    });
  });

  it('a call under way at the close whose candidate asks for a callback ends job_closed: nobody calls back, and the link says so', async () => {
    await setJobStatus('open');
    const live = await liveCall('+12125550146');
    expect((await setJobStatus('closed')).json()).toMatchObject({ canceledScreens: 0 });

    await askForCallback(live);
    expect(await rowOf(live.id)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
    expect((await t.queued()).filter((call) => call.interviewId === live.id)).toEqual([]);
    expect(await myCall(live.linkToken)).toMatchObject({
      interview: { status: 'canceled', endReason: 'job_closed' },
      canMove: false,
      canJoin: false,
      canCancel: false,
    });
  });

  it('a call under way at the close that reaches voicemail ends job_closed instead of queuing a retry', async () => {
    await setJobStatus('open');
    const live = await liveCall('+12125550147');
    await setJobStatus('closed');

    await t.agentEvent(live.id, { authorization: `Bearer ${live.token}` }, { event: 'voicemail' });
    expect(await rowOf(live.id)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
    expect((await t.queued()).filter((call) => call.interviewId === live.id)).toEqual([]);
    const events = await t.runtime.store.listEvents(live.id);
    // The retry the policy asked for is on the timeline, as what ended the screen.
    expect(events.at(-1)).toMatchObject({
      status: 'canceled',
      data: { outcome: 'voicemail', endReason: 'job_closed' },
    });
  });

  it("the candidate's link does not move a call whose job closed: it ends it and says the position closed", async () => {
    await setJobStatus('open');
    const live = await liveCall('+12125550148');
    await askForCallback(live);
    // Closed without the close's own sweep, as a close racing the candidate's click would be.
    await t.db.updateTable('jobs').set({ status: 'closed' }).where('id', '=', jobId).execute();

    const moveTo = (at: Date) =>
      t.app.inject({
        method: 'POST',
        url: '/api/my-call/reschedule',
        headers: { authorization: `Bearer ${live.linkToken}` },
        payload: { at: at.toISOString() },
      });
    const closedMessage = {
      code: 'CONFLICT',
      message: 'This position has closed, so there is no call to move. Thank you for your time.',
    };
    const refused = await moveTo(new Date(Date.now() + 30 * 3_600_000));
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toEqual(closedMessage);
    expect(await rowOf(live.id)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
    // Asked again, the link says the same, not that the call is merely canceled.
    const again = await moveTo(new Date(Date.now() + 31 * 3_600_000));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual(closedMessage);
  });

  it('a queued dial whose job closes while it waits for the trunk never leaves: the screen ends job_closed', async () => {
    await setJobStatus('open');
    const phone = '+12125550149';
    const waiting = await callbackTomorrow(phone);
    // The trunk's next free slot is three seconds away: the dial checks the job, then waits.
    await sql`
      insert into dial_pacing (trunk_id, next_slot_at)
      values (${TEST_TRUNK}, clock_timestamp() + interval '3 seconds')
      on conflict (trunk_id) do update set next_slot_at = excluded.next_slot_at
    `.execute(t.db);
    await t.runQueuedCall(waiting, 1);
    expect(await rowOf(waiting)).toMatchObject({ status: 'dialing', attempt: 2 });

    // Closed meanwhile: the close's sweep leaves a call already dialling alone; its dial checks.
    expect((await setJobStatus('closed')).json()).toMatchObject({ canceledScreens: 0 });
    await vi.waitFor(
      async () =>
        expect(await rowOf(waiting)).toMatchObject({
          status: 'canceled',
          end_reason: 'job_closed',
          attempt: 2,
        }),
      { timeout: 15_000, interval: 50 },
    );
    expect(dialsTo(phone)).toHaveLength(1);
    expect(
      t.emulator.dispatches.filter((dispatch) => dispatch.room === `screen-${waiting}-2`),
    ).toEqual([]);
    const events = await t.runtime.store.listEvents(waiting);
    expect(events.at(-1)).toMatchObject({
      type: 'dial_dropped',
      status: 'canceled',
      data: { reason: 'job_closed', endReason: 'job_closed' },
    });
  });

  it('a close whose sweep fails keeps the job closed and on the audit log; closing again finishes it', async () => {
    await setJobStatus('open');
    const waiting = await callbackTomorrow('+12125550150');
    const sweep = vi
      .spyOn(t.runtime.store, 'listScheduledIds')
      .mockRejectedValueOnce(new Error('the database went away'));
    const auditedBefore = await auditOfJob();
    try {
      expect((await setJobStatus('closed')).statusCode).toBe(500);
    } finally {
      sweep.mockRestore();
    }
    const job = await t.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('closed');
    expect((await auditOfJob()).slice(auditedBefore.length)).toEqual([
      { action: 'job.updated', details: { fields: 'status' } },
    ]);
    expect((await rowOf(waiting)).status).toBe('scheduled');

    expect((await setJobStatus('closed')).json()).toMatchObject({ canceledScreens: 1 });
    expect(await rowOf(waiting)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
  });
});
