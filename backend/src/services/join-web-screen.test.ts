// A web screen the candidate put off waits for them: nothing dials a browser at the time, and the
// candidate starts it from their own link. On the LiveKit emulator in web mode (no trunk).
import type { StartPhoneScreenResponse } from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResume } from '../test/interview-test-kit.js';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';
import { requeueLostCallbacks } from './lost-callback-sweep.js';

interface MyCall {
  interview: { id: string; status: string; scheduledFor: string | null };
  canMove: boolean;
  canCancel: boolean;
  canJoin: boolean;
}

describe.each(TEST_ENGINES)('a web screen put off is started from the link (%s)', (engine) => {
  let t: LiveKitTestApp;
  beforeAll(async () => {
    t = await buildLiveKitTestApp(engine, {
      env: { SIP_TRUNK_ID: '', RATE_LIMIT_PER_IP_PER_HOUR: '100000', CALLING_HOURS: '00:00-24:00' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const statusOf = async (id: string) =>
    await t.db
      .selectFrom('interviews')
      .select(['status', 'attempt', 'room_name', 'end_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** The link page's "Start my screen now". */
  const joinFromLink = (linkToken: string) =>
    t.app.inject({ method: 'POST', url: '/api/my-call/join', headers: asBearer(linkToken) });
  const roomsFor = (id: string) =>
    t.emulator.dispatches.filter((dispatch) => dispatch.room.startsWith(`screen-${id}-`));

  /** A web screen the candidate asked, on the call, to take tomorrow instead; and their link. */
  const putOffScreen = async (
    hoursAhead = 26,
  ): Promise<{ id: string; linkToken: string; at: Date }> => {
    const job = await t.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.30',
      payload: { jobId: job.id, resumeId: await insertResume(t.database), consent: true },
    });
    expect(started.statusCode, started.body).toBe(202);
    const answer = started.json<StartPhoneScreenResponse>();
    const id = answer.interview.id;
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/interviews/${id}/candidate-link`,
      headers: asBearer(answer.candidateToken),
    });
    expect(link.statusCode).toBe(201);
    const { backendToken } = await t.prepareMetadata(id);
    const auth = asBearer(backendToken);
    await t.agentEvent(id, auth, { event: 'answered' });
    const at = new Date(Date.now() + hoursAhead * 3_600_000);
    at.setUTCSeconds(0, 0);
    await t.agentEvent(id, auth, {
      event: 'ended',
      reason: 'callback_requested',
      callback: { requestedText: 'tomorrow afternoon', requestedAt: at.toISOString() },
    });
    expect(await statusOf(id)).toMatchObject({ status: 'scheduled', attempt: 1 });
    return { id, linkToken: link.json<{ path: string }>().path.split('#token=')[1] ?? '', at };
  };

  it('at its time nothing is placed: the queued job and the lost-job sweep leave it waiting for the candidate', async () => {
    const { id, linkToken } = await putOffScreen();
    const roomsBefore = roomsFor(id).length;
    // Due now: the job for this attempt runs and must not make a room nobody will join.
    await t.db
      .updateTable('interviews')
      .set({ scheduled_for: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', id)
      .execute();
    await t.runQueuedCall(id, 1);
    expect(await statusOf(id)).toMatchObject({ status: 'scheduled', attempt: 1 });
    expect(roomsFor(id)).toHaveLength(roomsBefore);
    // Late and never placed is the normal state of a web screen put off, not a lost job.
    const log = { info: () => undefined, error: () => undefined };
    await requeueLostCallbacks({
      db: t.db,
      queue: { send: () => Promise.reject(new Error(`requeued ${id}`)) },
      log,
    });

    const page = await t.app.inject({
      method: 'GET',
      url: '/api/my-call',
      headers: asBearer(linkToken),
    });
    expect(page.json<MyCall>()).toMatchObject({
      interview: { status: 'scheduled' },
      canJoin: true,
      canMove: false,
      canCancel: true,
    });
  });

  it('the candidate starts it from the link: a new room with the agent, a room token, and a token to follow it; once', async () => {
    const { id, linkToken } = await putOffScreen();
    const joined = await joinFromLink(linkToken);
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.headers['cache-control']).toBe('no-store');
    const answer = joined.json<StartPhoneScreenResponse>();
    expect(answer.interview).toEqual({ id, status: 'dialing', mode: 'web' });
    expect(answer.webCall?.room).toBe(`screen-${id}-2`);
    expect(answer.webCall?.token.split('.')).toHaveLength(3);
    expect(roomsFor(id).map((dispatch) => dispatch.room)).toContain(`screen-${id}-2`);
    expect(await statusOf(id)).toMatchObject({
      status: 'dialing',
      attempt: 2,
      room_name: `screen-${id}-2`,
    });

    // The new candidate token follows the screen, as the start's does.
    const view = await t.app.inject({
      method: 'GET',
      url: `/api/interviews/${id}`,
      headers: asBearer(answer.candidateToken),
    });
    expect(view.statusCode, view.body).toBe(200);

    // The conversation starts over on the same plan: the agent's context has no turns of its own.
    const { backendToken } = await t.prepareMetadata(id);
    const context = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${id}/context`,
      headers: asBearer(backendToken),
    });
    expect(context.statusCode).toBe(200);
    const plan = context.json<{ plan?: { channel?: string } }>().plan;
    expect(plan?.channel).toBe('web');

    // A second press (another tab) starts nothing more.
    const again = await joinFromLink(linkToken);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toMatch(/nothing to start/);
    expect(roomsFor(id).filter((dispatch) => dispatch.room === `screen-${id}-2`)).toHaveLength(1);
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/my-call',
      headers: asBearer(linkToken),
    });
    expect(page.json<MyCall>()).toMatchObject({ canJoin: false });
  });

  it('the link stays good until a week after the time the candidate chose, however far off', async () => {
    const { id } = await putOffScreen(9 * 24);
    const link = await t.db
      .withTables<{ candidate_links: { interview_id: string; expires_at: Date } }>()
      .selectFrom('candidate_links')
      .select('expires_at')
      .where('interview_id', '=', id)
      .executeTakeFirstOrThrow();
    const interview = await t.db
      .selectFrom('interviews')
      .select('scheduled_for')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(link.expires_at.getTime()).toBe(
      (interview.scheduled_for?.getTime() ?? 0) + 7 * 24 * 3_600_000,
    );
  });

  it('refuses without a link, and a canceled screen cannot be started, with a message a person can act on', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/my-call/join' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json<{ message: string }>().message).toMatch(/link you were given/);
    const unknown = await joinFromLink('not-a-real-link-token-000000000000');
    expect(unknown.statusCode).toBe(404);

    const { id, linkToken } = await putOffScreen();
    const canceled = await t.app.inject({
      method: 'POST',
      url: '/api/my-call/cancel',
      headers: asBearer(linkToken),
    });
    expect(canceled.statusCode).toBe(200);
    const roomsBefore = roomsFor(id).length;
    const refused = await joinFromLink(linkToken);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ message: string }>().message).toMatch(/canceled/);
    expect(await statusOf(id)).toMatchObject({ status: 'canceled', attempt: 1 });
    expect(roomsFor(id)).toHaveLength(roomsBefore);
  });

  it('a screen whose job closed while it waited is not started: it ends job_closed, and the link page says why', async () => {
    const { id, linkToken } = await putOffScreen();
    // Closed without the close's own sweep, as a close racing the candidate's click would be.
    await t.db.updateTable('jobs').set({ status: 'closed' }).execute();
    try {
      const roomsBefore = roomsFor(id).length;
      const refused = await joinFromLink(linkToken);
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ message: string }>().message).toBe(
        'This position has closed, so there is no screen to take. Thank you for your time.',
      );
      expect(await statusOf(id)).toMatchObject({
        status: 'canceled',
        end_reason: 'job_closed',
        attempt: 1,
      });
      expect(roomsFor(id)).toHaveLength(roomsBefore);
      const page = await t.app.inject({
        method: 'GET',
        url: '/api/my-call',
        headers: asBearer(linkToken),
      });
      expect(page.json<MyCall & { interview: { endReason: string } }>()).toMatchObject({
        interview: { status: 'canceled', endReason: 'job_closed' },
        canJoin: false,
        canCancel: false,
      });
    } finally {
      await t.db.updateTable('jobs').set({ status: 'open' }).execute();
    }
  });

  it('a screen the close already ended says the position closed when the candidate tries to start it', async () => {
    const { id, linkToken } = await putOffScreen();
    await t.db.updateTable('jobs').set({ status: 'closed' }).execute();
    try {
      expect((await joinFromLink(linkToken)).statusCode).toBe(409);
      expect(await statusOf(id)).toMatchObject({ status: 'canceled', end_reason: 'job_closed' });
      const again = await joinFromLink(linkToken);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toEqual({
        code: 'CONFLICT',
        message:
          'This position has closed, so there is no screen to take. Thank you for your time.',
      });
    } finally {
      await t.db.updateTable('jobs').set({ status: 'open' }).execute();
    }
  });
});
