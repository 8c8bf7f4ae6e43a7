// The two bugs issue 14 found, each shown through the real app before its fix.
import type { StartPhoneScreenResponse } from '@screenline/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';
import { TEST_ENGINES } from '../../test/test-database.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../../test-support/livekit-emulator/livekit-test-app.js';

describe.each(TEST_ENGINES)('a token handed out on a replay (%s)', (engine) => {
  let kit: InterviewTestApp | undefined;
  afterEach(async () => {
    await kit?.close();
    kit = undefined;
  });

  it('opens, cancels and rates the interview like the first token (one candidate check)', async () => {
    kit = await buildInterviewTestApp(engine, { SIMULATED_RING_MS: '60000' });
    const app = kit.app;
    const body = {
      jobId: kit.jobId,
      resumeId: await insertResume(kit.database),
      phone: '+12133734271',
      consent: true,
    };
    const start = () =>
      app.inject({
        method: 'POST',
        url: '/api/interview/start-phone-screen',
        headers: { 'idempotency-key': 'replayed-click' },
        payload: body,
      });
    const first = (await start()).json<StartPhoneScreenResponse>();
    const replay = (await start()).json<StartPhoneScreenResponse>();
    expect(replay.interview.id).toBe(first.interview.id);
    expect(replay.candidateToken).not.toBe(first.candidateToken);
    const auth = { authorization: `Bearer ${replay.candidateToken}` };
    const id = first.interview.id;

    const read = await app.inject({ method: 'GET', url: `/api/interviews/${id}`, headers: auth });
    expect(read.statusCode).toBe(200);
    const cancel = await app.inject({
      method: 'POST',
      url: `/api/interviews/${id}/cancel`,
      headers: auth,
    });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json()).toEqual({ status: 'canceled' });
    const rating = await app.inject({
      method: 'POST',
      url: `/api/interviews/${id}/feedback`,
      headers: auth,
      payload: { rating: 4 },
    });
    expect(rating.statusCode).toBe(201);
  });
});

describe.each(TEST_ENGINES)('the live event stream of a phone call (%s)', (engine) => {
  let t: LiveKitTestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each(['wrong_person', 'callback_requested'] as const)(
    'ends when the agent ends the call as %s',
    async (reason) => {
      t = await buildLiveKitTestApp(engine);
      const { interviewId, auth, candidateToken } = await t.answeredCall('+12133734272');
      await t.agentEvent(interviewId, auth, {
        event: 'ended',
        reason,
        ...(reason === 'callback_requested'
          ? { callback: { requestedText: 'tomorrow', requestedAt: null } }
          : {}),
      });
      // Before the fix the stream stayed open: this request never finished.
      const stream = await Promise.race([
        t.app.inject({
          method: 'GET',
          url: `/api/interviews/${interviewId}/events?token=${candidateToken}`,
        }),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 5_000)),
      ]);
      expect(stream?.body).toMatch(/event: end\n/);
    },
  );
});
