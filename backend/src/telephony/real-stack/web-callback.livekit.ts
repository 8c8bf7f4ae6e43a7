// A web screen the candidate puts off, taken later from their link (`npm run test:livekit`): the
// production agent worker with the offline speech server, WebRTC candidates speaking persona
// clips, and the backend in web mode on livekit-server itself. Nobody can ring a browser, so the
// screen put off must wait for the candidate, and start, in a room of its own, when they come back.
import { isFinalStatus, type StartPhoneScreenResponse } from '@screenline/core';
import { describe, expect, it } from 'vitest';
import { livekitHttpUrl, stackFromEnv } from './stack-kit.js';
import { openWebCallSite, personaClips, webCallOf } from './web-call-rig.js';
import { runWebCandidate } from './web-candidate.js';
import { RoomServiceClient } from 'livekit-server-sdk';

const CALL_TIMEOUT_MS = 10 * 60_000;

describe('a web screen put off and taken later from the link, on the local stack', () => {
  it('the candidate asks for another time; the agent says to come back to the link; from it the screen starts again and is evaluated', async () => {
    const stack = stackFromEnv();
    const site = await openWebCallSite(stack);
    const rooms = new RoomServiceClient(livekitHttpUrl(stack), stack.apiKey, stack.apiSecret);
    try {
      const db = site.database.db;
      const first = await site.startScreen();
      const id = first.interview.id;
      const heldOff = await runWebCandidate({
        ...webCallOf(first),
        clips: await personaClips('callback'),
        timeoutMs: CALL_TIMEOUT_MS,
      });
      const turnsOf = () =>
        db
          .selectFrom('transcript_turns')
          .select(['speaker', 'text'])
          .where('interview_id', '=', id)
          .orderBy('seq')
          .execute();
      const afterFirst = await turnsOf();
      const failure = `clips ${heldOff.clipsPlayed}, turns ${JSON.stringify(afterFirst.map((t) => t.speaker))}\n${site.worker.log().slice(-3000)}`;
      expect(
        await site.settledStatus(id, (status) => status === 'scheduled' || isFinalStatus(status)),
        failure,
      ).toBe('scheduled');
      const row = await db
        .selectFrom('interviews')
        .select(['end_reason', 'attempt', 'scheduled_for'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row, failure).toMatchObject({ end_reason: 'callback_requested', attempt: 1 });
      expect(row.scheduled_for?.getTime() ?? 0).toBeGreaterThan(Date.now());
      // The agent hung up on the candidate, promising no call: the link is the way back.
      expect(heldOff.timeline.disconnectedMs, failure).not.toBeNull();
      const agentLines = afterFirst.filter((turn) => turn.speaker === 'agent').map((t) => t.text);
      expect(agentLines.at(-1), failure).toMatch(/Open the link to this screen at that time/);
      for (const line of agentLines) expect(line).not.toMatch(/call you/);

      // Nothing waits in LiveKit for the later screen: no room is kept or made for it.
      const waiting = await rooms.listRooms();
      expect(waiting.map((room) => room.name).filter((name) => name.includes(id))).toEqual([]);

      // The candidate comes back through their link and starts it.
      const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });
      const link = await site.app.inject({
        method: 'POST',
        url: `/api/interviews/${id}/candidate-link`,
        headers: asBearer(first.candidateToken),
      });
      const linkToken = link.json<{ path: string }>().path.split('#token=')[1] ?? '';
      const page = await site.app.inject({
        method: 'GET',
        url: '/api/my-call',
        headers: asBearer(linkToken),
      });
      expect(page.json<{ canJoin: boolean }>().canJoin).toBe(true);
      const joined = await site.app.inject({
        method: 'POST',
        url: '/api/my-call/join',
        headers: asBearer(linkToken),
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const again = joined.json<StartPhoneScreenResponse>();
      expect(again.webCall?.room).toBe(`screen-${id}-2`);

      const taken = await runWebCandidate({
        ...webCallOf(again),
        clips: await personaClips('qualified'),
        timeoutMs: CALL_TIMEOUT_MS,
      });
      const all = await turnsOf();
      const second = all.slice(afterFirst.length);
      const failure2 = `clips ${taken.clipsPlayed}/${taken.timeline.clips.length}, turns ${second.length}\n${site.worker.log().slice(-3000)}`;
      expect(await site.settledStatus(id), failure2).toBe('evaluated');
      // The screen started over, from the AI disclosure, with the browser's opening, and was held to its close.
      expect(second[0]?.speaker, failure2).toBe('agent');
      expect(second[0]?.text, failure2).toMatch(/AI assistant/);
      expect(
        second.some(
          (turn) => turn.speaker === 'agent' && turn.text.includes('come back to it later'),
        ),
        failure2,
      ).toBe(true);
      expect(
        second.filter((turn) => turn.speaker === 'candidate').length,
        failure2,
      ).toBeGreaterThanOrEqual(taken.clipsPlayed);
      expect(taken.timeline.disconnectedMs, failure2).not.toBeNull();
      const scorecard = await db
        .selectFrom('scorecards')
        .select('interview_id')
        .where('interview_id', '=', id)
        .executeTakeFirst();
      expect(scorecard, failure2).toBeDefined();
    } finally {
      await site.close();
    }
  }, 1_200_000);
});
