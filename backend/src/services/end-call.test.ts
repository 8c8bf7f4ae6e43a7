import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';
import { dialAttempt } from './dial-attempt.js';

const PHONE = '+12133734253';

/** An engine state with one recorded knock-out answer, as the agent reports it at the end. */
const ANSWERED_STATE = {
  version: 1,
  answers: [
    { kind: 'question', stepId: 'q1', text: 'Five years of Go.', turnId: 't-2', isVague: false },
  ],
};

describe.each(TEST_ENGINES)('the end of a real call, as the agent reports it (%s)', (engine) => {
  let t: LiveKitTestApp;

  beforeEach(async () => {
    t = await buildLiveKitTestApp(engine);
  });

  afterEach(async () => {
    await t.close();
  });

  const callInProgress = () => t.answeredCall(PHONE);
  const report = (
    interviewId: string,
    auth: Record<string, string>,
    payload: Record<string, unknown>,
  ) => t.agentEvent(interviewId, auth, payload);

  async function interview(interviewId: string) {
    return t.db
      .selectFrom('interviews')
      .select(['status', 'end_reason', 'scheduled_for', 'ended_at'])
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
  }

  async function suppressed(): Promise<string[]> {
    const db = t.db;
    const rows = await db.selectFrom('suppressed_numbers').select('phone_e164').execute();
    return rows.map((row) => row.phone_e164);
  }

  it('an opt-out on the call suppresses the number for good, and nothing is scored', async () => {
    const { interviewId, auth } = await callInProgress();
    const ended = await report(interviewId, auth, { event: 'ended', reason: 'opted_out' });
    expect(ended).toEqual({ result: 'applied' });
    expect(await interview(interviewId)).toMatchObject({
      status: 'opted_out',
      end_reason: 'opted_out',
    });
    expect(await suppressed()).toEqual([PHONE]);
    expect(await t.scored()).toEqual([]);
  });

  it("the end report takes only the reasons an agent ends a call with: the backend's own, or one it does not know, are refused and the call goes on", async () => {
    const { interviewId, auth } = await callInProgress();
    for (const reason of ['canceled', 'job_closed', 'agent_lost', 'error', 'hung_up']) {
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/agent/interviews/${interviewId}/events`,
        headers: auth,
        payload: { event: 'ended', reason },
      });
      expect(refused.statusCode, reason).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        message:
          'The request is invalid. body.reason: is not a reason an agent ends a call with; use one of finished, callback_requested, wrong_person, no_response, opted_out, time_limit, candidate_hung_up, voicemail, withdrew',
      });
    }
    expect(await interview(interviewId)).toMatchObject({ status: 'in_progress', end_reason: null });
  });

  it('a callback asked for on the call schedules the next attempt at that time', async () => {
    const { interviewId, auth } = await callInProgress();
    const at = new Date(Date.now() + 26 * 3_600_000);
    at.setUTCSeconds(0, 0);
    const ended = await report(interviewId, auth, {
      event: 'ended',
      reason: 'callback_requested',
      callback: { requestedText: 'tomorrow at 3 pm', requestedAt: at.toISOString() },
    });
    expect(ended).toEqual({ result: 'applied' });
    const row = await interview(interviewId);
    expect(row).toMatchObject({ status: 'scheduled', end_reason: 'callback_requested' });
    expect(row.scheduled_for?.toISOString()).toBe(at.toISOString());
    expect(await t.queued()).toEqual([{ interviewId, attempt: 1, at }]);
    expect(await suppressed()).toEqual([]);
  });

  it('a callback said by someone else who answered is marked so on the timeline', async () => {
    const { interviewId, auth } = await callInProgress();
    const at = new Date(Date.now() + 30 * 3_600_000);
    at.setUTCSeconds(0, 0);
    const ended = await report(interviewId, auth, {
      event: 'ended',
      reason: 'callback_requested',
      callback: {
        requestedText: 'try her tomorrow around six',
        requestedAt: at.toISOString(),
        askedBy: 'someone_else',
      },
    });
    expect(ended).toEqual({ result: 'applied' });
    const event = await t.db
      .selectFrom('interview_events')
      .select('data')
      .where('interview_id', '=', interviewId)
      .where('status', '=', 'scheduled')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ askedBy: 'someone_else', scheduledFor: at.toISOString() });
  });

  it('a callback with no time it could read is tried the next day', async () => {
    const { interviewId, auth } = await callInProgress();
    const before = Date.now();
    await report(interviewId, auth, {
      event: 'ended',
      reason: 'callback_requested',
      callback: { requestedText: 'some other time', requestedAt: null },
    });
    const queued = (await t.queued()).at(-1);
    expect(queued?.interviewId).toBe(interviewId);
    const delayH = ((queued?.at.getTime() ?? 0) - before) / 3_600_000;
    expect(delayH).toBeGreaterThan(23.9);
    expect(delayH).toBeLessThan(24.1);
  });

  it('a finished interview with answers is queued for its scorecard, once', async () => {
    const { interviewId, auth } = await callInProgress();
    const payload = { event: 'ended', reason: 'finished', engineState: ANSWERED_STATE };
    expect(await report(interviewId, auth, payload)).toEqual({ result: 'applied' });
    // A redelivered report (the agent's outbox retries) changes nothing.
    expect(await report(interviewId, auth, payload)).toEqual({ result: 'recorded' });
    expect(await interview(interviewId)).toMatchObject({ status: 'completed' });
    expect(await t.scored()).toEqual([interviewId]);
  });

  it('a wrong person gets no scorecard; any other completed call is queued for one', async () => {
    const first = await callInProgress();
    await report(first.interviewId, first.auth, {
      event: 'ended',
      reason: 'wrong_person',
      engineState: ANSWERED_STATE,
    });
    const second = await callInProgress();
    await report(second.interviewId, second.auth, {
      event: 'ended',
      reason: 'candidate_hung_up',
      engineState: { version: 1, answers: [] },
    });
    // The scoring job itself skips an interview without answers, with a timeline event.
    expect(await t.scored()).toEqual([second.interviewId]);
    expect((await interview(second.interviewId)).status).toBe('completed');
  });

  it('a call the webhooks close is scored, and an opt-out reported late still suppresses', async () => {
    const { interviewId, roomName, auth } = await callInProgress();
    await t.telephony.callPlacer.hangUp(roomName);
    await t.emulator.flushWebhooks();
    // The room was deleted from our side (DisconnectReason.ROOM_DELETED): the call finished.
    expect(await interview(interviewId)).toMatchObject({
      status: 'completed',
      end_reason: 'finished',
    });
    expect(await t.scored()).toEqual([interviewId]);
    const late = await report(interviewId, auth, { event: 'ended', reason: 'opted_out' });
    expect(late).toEqual({ result: 'recorded' });
    expect(await suppressed()).toEqual([PHONE]);
  });

  it('an end reported after voicemail leaves the queued retry alone', async () => {
    const { interviewId, auth } = await callInProgress();
    await report(interviewId, auth, { event: 'voicemail' });
    expect((await interview(interviewId)).status).toBe('scheduled');
    const queued = (await t.queued()).length;
    const ended = await report(interviewId, auth, { event: 'ended', reason: 'voicemail' });
    expect(ended).toEqual({ result: 'recorded' });
    expect((await interview(interviewId)).status).toBe('scheduled');
    expect(await t.queued()).toHaveLength(queued);
    expect(await t.scored()).toEqual([]);
  });

  it('"stop calling me" suppresses the number the moment it is heard, while the goodbye plays', async () => {
    const { interviewId, auth } = await callInProgress();
    expect(await report(interviewId, auth, { event: 'opted_out' })).toEqual({ result: 'recorded' });
    expect(await suppressed()).toEqual([PHONE]);
    expect((await interview(interviewId)).status).toBe('in_progress');
    await report(interviewId, auth, { event: 'ended', reason: 'opted_out' });
    expect((await interview(interviewId)).status).toBe('opted_out');
  });

  it('a callback queued before an opt-out never rings the number', async () => {
    const { interviewId, auth } = await callInProgress();
    await report(interviewId, auth, {
      event: 'ended',
      reason: 'callback_requested',
      callback: { requestedText: 'in an hour', requestedAt: null },
    });
    // The candidate opts out on another call (another application) before the callback is due.
    const other = await callInProgress();
    await report(other.interviewId, other.auth, { event: 'opted_out' });

    // The queued callback comes due: the runtime moves it to dialing and dials the attempt.
    const roomName = `screen-${interviewId}-2`;
    await t.db
      .updateTable('interviews')
      .set({ status: 'dialing', attempt: 2, room_name: roomName })
      .where('id', '=', interviewId)
      .execute();
    const dialsBefore = t.emulator.callsTo('CreateSIPParticipant').length;
    const result = await dialAttempt(
      {
        store: t.runtime.store,
        lifecycle: t.runtime.lifecycle,
        callPlacer: t.telephony.callPlacer,
      },
      { interviewId, attempt: 2, roomName, phoneE164: PHONE },
    );
    expect(result).toMatchObject({ outcome: 'failed', reason: 'number_suppressed' });
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(dialsBefore);
    expect(await interview(interviewId)).toMatchObject({ status: 'canceled' });
  });

  it('refuses a callback time that is not an ISO instant, with a message', async () => {
    const { interviewId, auth } = await callInProgress();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/agent/interviews/${interviewId}/events`,
      headers: auth,
      payload: {
        event: 'ended',
        reason: 'callback_requested',
        callback: { requestedText: 'soon', requestedAt: 'tomorrow' },
      },
    });
    expect(response.statusCode).toBe(400);
    expect((await interview(interviewId)).status).toBe('in_progress');
  });
});
