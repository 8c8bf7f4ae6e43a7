// A page that reloads mid-screen comes back to the same room: the token it kept lasts fifteen
// minutes, so it may ask for a new one while the screen runs. A candidate who ends the screen on
// the page is removed from the room (the agent then ends the call at once). On the LiveKit
// emulator, web mode; the agent's side of the removal is in web-rejoin.livekit.ts, on the real stack.
import type { StartPhoneScreenResponse } from '@screenline/core';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResume } from '../test/interview-test-kit.js';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  TEST_API_KEY,
  TEST_API_SECRET,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';
import { signInCookies } from '../test/sign-in.js';
import { CANDIDATE_IDENTITY } from './agent-token.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

describe.each(TEST_ENGINES)('a new token into a web screen under way (%s)', (engine) => {
  let t: LiveKitTestApp;
  beforeAll(async () => {
    t = await buildLiveKitTestApp(engine, {
      env: {
        SIP_TRUNK_ID: '',
        RATE_LIMIT_PER_IP_PER_HOUR: '100000',
        CALLING_HOURS: '00:00-24:00',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const startWebScreen = async (): Promise<StartPhoneScreenResponse> => {
    const job = await t.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      remoteAddress: '203.0.113.40',
      payload: { jobId: job.id, resumeId: await insertResume(t.database), consent: true },
    });
    expect(started.statusCode, started.body).toBe(202);
    return started.json<StartPhoneScreenResponse>();
  };
  const rejoin = (id: string, token: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/interviews/${id}/web-call`,
      headers: asBearer(token),
    });

  it('answers a token for the room the screen is in, as the candidate, while it runs', async () => {
    const started = await startWebScreen();
    const id = started.interview.id;
    const { backendToken } = await t.prepareMetadata(id);
    await t.agentEvent(id, asBearer(backendToken), { event: 'answered' });

    const answer = await rejoin(id, started.candidateToken);
    expect(answer.statusCode, answer.body).toBe(200);
    const { webCall } = answer.json<{ webCall: { url: string; token: string; room: string } }>();
    expect(webCall.room).toBe(started.webCall?.room);
    expect(webCall.url).toBe(started.webCall?.url);
    const claims = await new TokenVerifier(TEST_API_KEY, TEST_API_SECRET).verify(webCall.token);
    expect(claims.sub).toBe(CANDIDATE_IDENTITY);
    expect(claims.video).toMatchObject({
      room: webCall.room,
      roomJoin: true,
      canPublishSources: ['microphone'],
    });
    // Fifteen minutes, as the first one.
    expect((claims.exp ?? 0) - (claims.nbf ?? 0)).toBe(15 * 60);

    // Over: there is no room to go back to.
    await t.agentEvent(id, asBearer(backendToken), { event: 'ended', reason: 'finished' });
    const over = await rejoin(id, started.candidateToken);
    expect(over.statusCode).toBe(409);
    expect(over.json<{ message: string }>().message).toMatch(/not under way/);
  });

  it('no token for a room LiveKit has closed: joining would only create it again, empty', async () => {
    const started = await startWebScreen();
    const id = started.interview.id;
    const { backendToken } = await t.prepareMetadata(id);
    await t.agentEvent(id, asBearer(backendToken), { event: 'answered' });
    // The room closed (its departure timeout ran out), and its webhook has not reached the
    // backend: the database still says the screen runs.
    const room = started.webCall?.room ?? '';
    const emulated = t.emulator.rooms.get(room);
    expect(emulated).toBeDefined();
    for (const timer of emulated?.timers ?? []) clearTimeout(timer);
    t.emulator.rooms.delete(room);

    const answer = await rejoin(id, started.candidateToken);
    expect(answer.statusCode).toBe(409);
    expect(answer.json<{ message: string }>().message).toBe(
      'This screen has ended, so there is no room to go back to. Open your link to the screen to see where it is.',
    );
  });

  const endScreen = (
    id: string,
    headers: Record<string, string>,
    cookies?: Record<string, string>,
  ) =>
    t.app.inject({
      method: 'DELETE',
      url: `/api/interviews/${id}/web-call`,
      headers,
      ...(cookies === undefined ? {} : { cookies }),
    });
  const removalsOf = (room: string | undefined) =>
    t.emulator
      .callsTo('RemoveParticipant')
      .filter((call) => (call.body as { room?: string }).room === room);

  it('ends a screen under way by removing the candidate from its room, as the candidate only', async () => {
    const started = await startWebScreen();
    const id = started.interview.id;
    const room = started.webCall?.room;
    const { backendToken } = await t.prepareMetadata(id);
    await t.agentEvent(id, asBearer(backendToken), { event: 'answered' });

    const recruiter = await endScreen(
      id,
      {},
      await signInCookies(t.app, ADMIN.email, ADMIN.password),
    );
    expect(recruiter.statusCode).toBe(403);
    const stranger = await endScreen(id, asBearer((await startWebScreen()).candidateToken));
    expect([401, 404]).toContain(stranger.statusCode);
    expect(removalsOf(room)).toEqual([]);

    const ended = await endScreen(id, asBearer(started.candidateToken));
    expect(ended.statusCode, ended.body).toBe(204);
    expect(removalsOf(room)).toHaveLength(1);
    expect(removalsOf(room)[0]?.body).toMatchObject({ identity: CANDIDATE_IDENTITY });
    // The candidate was not in the emulator's room (it has no browser), so no agent could hear
    // of it: the screen is ended here, as the candidate's hang-up, and its room closed.
    expect(
      t.emulator
        .callsTo('DeleteRoom')
        .filter((call) => (call.body as { room?: string }).room === room),
    ).toHaveLength(1);
    const row = await t.db
      .selectFrom('interviews')
      .select(['status', 'end_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', end_reason: 'candidate_hung_up' });
    const trail = await t.db
      .selectFrom('interview_events')
      .select('type')
      .where('interview_id', '=', id)
      .execute();
    expect(trail.map((event) => event.type)).toContain('candidate_ended_screen');

    // Over: nothing is left to end.
    const again = await endScreen(id, asBearer(started.candidateToken));
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toMatch(/not under way/);
  });

  it('refuses another candidate’s token, and a recruiter, who would push the candidate out', async () => {
    const started = await startWebScreen();
    const other = await startWebScreen();
    const answer = await rejoin(started.interview.id, other.candidateToken);
    expect([401, 404]).toContain(answer.statusCode);
    expect(answer.body).not.toContain('webCall');
    const recruiter = await t.app.inject({
      method: 'POST',
      url: `/api/interviews/${started.interview.id}/web-call`,
      cookies: await signInCookies(t.app, ADMIN.email, ADMIN.password),
    });
    expect(recruiter.statusCode).toBe(403);
    expect(recruiter.body).not.toContain('webCall');
  });
});
