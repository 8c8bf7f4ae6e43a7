import { DisconnectReason } from '@livekit/protocol';
import { MAX_AGENT_REDISPATCHES } from '@screenline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  TEST_API_KEY,
  TEST_API_SECRET,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';
import { signWebhook } from '../test-support/livekit-emulator/webhook-signer.js';

/**
 * How livekit-server v1.13.5 reports an agent whose job process was killed (no leave; the server
 * times the connection out about 20 s later): seen on the real stack, agent-crash.livekit.ts.
 */
const KILLED = DisconnectReason.CONNECTION_TIMEOUT;

async function interviewRow(t: LiveKitTestApp, interviewId: string) {
  return t.db
    .selectFrom('interviews')
    .select(['status', 'end_reason', 'agent_redispatches'])
    .where('id', '=', interviewId)
    .executeTakeFirstOrThrow();
}

/** Dispatches LiveKit holds for the room: the dial's own, then each one the backend sent again. */
function dispatchesInto(t: LiveKitTestApp, roomName: string) {
  return t.emulator.dispatches.filter((dispatch) => dispatch.room === roomName);
}

describe.each(TEST_ENGINES)('a lost agent is sent again (REL-5) (%s)', (engine) => {
  let t: LiveKitTestApp;

  beforeEach(async () => {
    t = await buildLiveKitTestApp(engine);
  });

  afterEach(async () => {
    await t.close();
  });

  /** A live call with the dial's agent in the room. */
  async function liveCallWithAgent() {
    const call = await t.answeredCall('+12133734253');
    const agent = t.emulator.takeDispatch(call.roomName);
    if (agent === undefined) throw new Error('the dial sent no agent');
    await t.emulator.flushWebhooks();
    return { ...call, agent };
  }

  async function loseAgent(roomName: string, identity: string): Promise<void> {
    t.emulator.disconnectParticipant(roomName, identity, KILLED);
    await t.emulator.flushWebhooks();
  }

  it('dispatches a new agent into the same room with a fresh backend token; it joins', async () => {
    const { interviewId, roomName, auth, agent } = await liveCallWithAgent();
    expect(dispatchesInto(t, roomName)).toHaveLength(1);

    await loseAgent(roomName, agent);

    const dispatches = dispatchesInto(t, roomName);
    expect(dispatches).toHaveLength(2);
    const again = dispatches[1];
    expect(again?.agentName).toBe(t.env.AGENT_NAME);
    const metadata = JSON.parse(again?.metadata ?? '{}') as Record<string, unknown>;
    expect(metadata).toMatchObject({
      interviewId,
      channel: 'phone',
      participantIdentity: 'candidate',
    });
    expect(await interviewRow(t, interviewId)).toMatchObject({
      status: 'in_progress',
      agent_redispatches: 1,
    });
    // The new agent reports with its own token; the lost one's no longer opens the interview.
    const fresh = { authorization: `Bearer ${String(metadata.backendToken)}` };
    const context = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${interviewId}/context`,
      headers: fresh,
    });
    expect(context.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'GET',
      url: `/api/agent/interviews/${interviewId}/context`,
      headers: auth,
    });
    expect(stale.statusCode).toBe(401);
    // A worker takes it: the new agent joins the call.
    expect(t.emulator.takeDispatch(roomName)).toMatch(/^agent-AJ_/);
    await t.emulator.flushWebhooks();
    const trail = await t.db
      .selectFrom('interview_events')
      .select(['type', 'data'])
      .where('interview_id', '=', interviewId)
      .where('type', 'in', ['agent_left', 'agent_joined'])
      .execute();
    // Event ids are not ordered: count them. Two agents joined, one was lost.
    expect(trail.map((event) => event.type).sort()).toEqual([
      'agent_joined',
      'agent_joined',
      'agent_left',
    ]);
    const left = trail.find((event) => event.type === 'agent_left');
    expect(left?.data).toMatchObject({ reason: KILLED, agentRedispatches: 1 });
  });

  it('sends none when the agent leaves after the call ended, or with the deleted room', async () => {
    const { interviewId, roomName, auth, agent } = await liveCallWithAgent();
    // The agent ends the call itself: its report first, then it leaves.
    await t.agentEvent(interviewId, auth, {
      event: 'ended',
      reason: 'finished',
      engineState: {},
    });
    expect((await interviewRow(t, interviewId)).status).toBe('completed');
    await loseAgent(roomName, agent);
    expect(dispatchesInto(t, roomName)).toHaveLength(1);

    // A second call whose room is deleted under the live call: the agent goes with the room.
    const other = await liveCallWithAgent();
    await t.telephony.callPlacer.hangUp(other.roomName);
    await t.emulator.flushWebhooks();
    expect(dispatchesInto(t, other.roomName)).toHaveLength(1);
    expect((await interviewRow(t, other.interviewId)).agent_redispatches).toBe(0);
  });

  it(`sends ${MAX_AGENT_REDISPATCHES} at most; the next loss ends the call agent_lost and hangs up`, async () => {
    const call = await liveCallWithAgent();
    const { interviewId, roomName } = call;
    let agent: string | undefined = call.agent;
    for (let loss = 1; loss <= MAX_AGENT_REDISPATCHES; loss += 1) {
      if (agent === undefined) throw new Error(`no agent in the room before loss ${loss}`);
      await loseAgent(roomName, agent);
      expect(dispatchesInto(t, roomName)).toHaveLength(1 + loss);
      agent = t.emulator.takeDispatch(roomName);
      await t.emulator.flushWebhooks();
    }
    if (agent === undefined) throw new Error('the last replacement did not join');
    await loseAgent(roomName, agent);

    expect(dispatchesInto(t, roomName)).toHaveLength(1 + MAX_AGENT_REDISPATCHES);
    expect(await interviewRow(t, interviewId)).toEqual({
      status: 'completed',
      end_reason: 'agent_lost',
      agent_redispatches: MAX_AGENT_REDISPATCHES,
    });
    // The candidate is not left on a silent line, and the saved turns are scored.
    expect(t.emulator.rooms.has(roomName)).toBe(false);
    expect(await t.scored()).toContain(interviewId);
  });

  it('a duplicate delivery of the leave dispatches once', async () => {
    const { interviewId, roomName, agent } = await liveCallWithAgent();
    await loseAgent(roomName, agent);
    expect(dispatchesInto(t, roomName)).toHaveLength(2);

    const left = t.emulator.webhooks.findLast(
      (webhook) => webhook.event === 'participant_left' && webhook.participant?.identity === agent,
    );
    if (left === undefined) throw new Error('no participant_left was sent');
    const signed = await signWebhook(left.toJsonString(), TEST_API_KEY, TEST_API_SECRET);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/livekit/webhook',
      headers: signed.headers,
      payload: signed.body,
    });
    expect(replay.json()).toEqual({ result: 'duplicate' });
    expect(dispatchesInto(t, roomName)).toHaveLength(2);
    expect((await interviewRow(t, interviewId)).agent_redispatches).toBe(1);
  });
});
