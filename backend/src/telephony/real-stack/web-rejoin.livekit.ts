// A browser candidate who leaves the screen mid-way (`npm run test:livekit`): a page reload, a
// dropped network. The production agent worker with the offline speech server, WebRTC candidates
// speaking persona clips, the backend in web mode, all on livekit-server. The agent waits for the
// candidate, who comes back to the same room with the token the page kept, and the screen goes on
// where it stopped; a candidate who does not come back ends the call, once the wait is over; a
// candidate who ends the screen on the page (the backend removes them from the room) ends it at
// once, with no wait.
import { describe, expect, it } from 'vitest';
import { stackFromEnv, sleep } from './stack-kit.js';
import { openWebCallSite, personaClips, webCallOf, type WebCallSite } from './web-call-rig.js';
import { runWebCandidate } from './web-candidate.js';

const CALL_TIMEOUT_MS = 10 * 60_000;
/** Short, so the second case does not wait a minute; the first comes back well inside it. */
const REJOIN_GRACE_S = 12;
/** How long the reloading page takes to come back. */
const AWAY_MS = 3_000;

describe('a browser candidate who leaves mid-screen, on the local stack', () => {
  const turnsOf = (site: WebCallSite, id: string) =>
    site.database.db
      .selectFrom('transcript_turns')
      .select(['speaker', 'text'])
      .where('interview_id', '=', id)
      .orderBy('seq')
      .execute();
  /** The interview's events, for a failure message: what moved it, and when. */
  const trailOf = async (site: WebCallSite, id: string) =>
    JSON.stringify(
      await site.database.db
        .selectFrom('interview_events')
        .select(['type', 'status', 'data', 'created_at'])
        .where('interview_id', '=', id)
        .orderBy('created_at')
        .execute(),
    );
  const statusOf = (site: WebCallSite, id: string) =>
    site.database.db
      .selectFrom('interviews')
      .select(['status', 'attempt', 'end_reason', 'room_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('comes back with the same token: the agent says it was cut off, asks the question again, and the screen is held to its end', async () => {
    const site = await openWebCallSite(stackFromEnv(), {
      backendEnv: { WEB_REJOIN_GRACE_S: String(REJOIN_GRACE_S) },
    });
    try {
      const started = await site.startScreen();
      const id = started.interview.id;
      const clips = await personaClips('qualified');
      const before = await runWebCandidate({
        ...webCallOf(started),
        clips: clips.slice(0, 3),
        timeoutMs: CALL_TIMEOUT_MS,
        leaveAfterLastClip: true,
      });
      const failure = () => `clips ${before.clipsPlayed}\n${site.worker.log().slice(-3000)}`;
      expect(before.clipsPlayed, failure()).toBe(3);
      // The agent did not end the call on the candidate: the page left it.
      expect(before.timeline.disconnectedMs, failure()).toBeNull();
      await sleep(AWAY_MS);
      expect(await statusOf(site, id), failure()).toMatchObject({
        status: 'in_progress',
        attempt: 1,
      });
      const turnsBefore = await turnsOf(site, id);

      // The page reloads: the saved call joins the same room with the same token.
      const after = await runWebCandidate({
        ...webCallOf(started),
        clips: clips.slice(3),
        timeoutMs: CALL_TIMEOUT_MS,
      });
      const turns = await turnsOf(site, id);
      const failure2 = () =>
        `clips ${after.clipsPlayed}/${clips.length - 3}, turns ${JSON.stringify(turns.map((t) => t.speaker))}\n${site.worker.log().slice(-3000)}`;
      expect(await site.settledStatus(id), failure2()).toBe('evaluated');
      const row = await statusOf(site, id);
      // One attempt, one room: the same screen, not a new one.
      expect(row, failure2()).toMatchObject({ attempt: 1, room_name: `screen-${id}-1` });
      const back = turns.slice(turnsBefore.length);
      expect(back[0]?.speaker, failure2()).toBe('agent');
      expect(back[0]?.text, failure2()).toMatch(/^Sorry, we were cut off\./);
      // The question asked before the candidate left is the one asked again.
      const lastAskedBefore = turnsBefore.filter((turn) => turn.speaker === 'agent').at(-1);
      const askedAgain = (back[0]?.text ?? '').replace(/^Sorry, we were cut off\. /, '');
      expect(askedAgain, failure2()).not.toBe('');
      expect(lastAskedBefore?.text, failure2()).toContain(askedAgain);
      expect(turns.filter((turn) => turn.text.includes('cut off'))).toHaveLength(1);
      expect(
        turns.filter((turn) => turn.speaker === 'candidate').length,
        failure2(),
      ).toBeGreaterThanOrEqual(3 + after.clipsPlayed);
      // The agent held the screen to its close and hung up on the candidate.
      expect(after.timeline.disconnectedMs, failure2()).not.toBeNull();
      const scorecard = await site.database.db
        .selectFrom('scorecards')
        .select('interview_id')
        .where('interview_id', '=', id)
        .executeTakeFirst();
      expect(scorecard, failure2()).toBeDefined();
    } finally {
      await site.close();
    }
  }, 1_200_000);

  it('ends the screen on the page: removed from the room, the agent ends the call at once as theirs', async () => {
    // The default grace: ending now must not be the minute's wait for a reload.
    const site = await openWebCallSite(stackFromEnv());
    try {
      const started = await site.startScreen();
      const id = started.interview.id;
      const clips = await personaClips('qualified');
      const candidate = runWebCandidate({
        ...webCallOf(started),
        clips: clips.slice(0, 2),
        timeoutMs: CALL_TIMEOUT_MS,
      });
      let trail = '';
      const failure = () => `trail ${trail}
${site.worker.log().slice(-3000)}`;
      // Both answers heard, the candidate still in the room, listening.
      const answered = async (): Promise<void> => {
        for (let tries = 0; tries < 600; tries += 1) {
          const turns = await turnsOf(site, id);
          if (turns.filter((turn) => turn.speaker === 'candidate').length >= 2) return;
          await sleep(500);
        }
        throw new Error(`the two answers were never recorded
${failure()}`);
      };
      await answered();
      const endedAt = Date.now();
      const ended = await site.app.inject({
        method: 'DELETE',
        url: `/api/interviews/${id}/web-call`,
        headers: { authorization: `Bearer ${started.candidateToken}` },
      });
      expect(ended.statusCode, ended.body).toBe(204);
      const left = await candidate;
      // LiveKit took the candidate out of the room.
      expect(left.timeline.disconnectedMs, failure()).not.toBeNull();
      await site.settledStatus(id, (status) => status !== 'in_progress');
      // Well inside the minute a reload would have had.
      expect(Date.now() - endedAt, failure()).toBeLessThan(20_000);
      expect(['evaluated', 'completed'], failure()).toContain(await site.settledStatus(id));
      trail = await trailOf(site, id);
      // The agent's own report ended it, not the backend's fallback for a room without them;
      // LiveKit reported the leave as a removal (PARTICIPANT_REMOVED), not the client's own.
      expect(trail, failure()).toMatch(/"type":"agent_ended".*"reason":"candidate_hung_up"/);
      expect(trail, failure()).toMatch(/"type":"candidate_left"[^}]*"reason":4/);
      expect(trail, failure()).not.toContain('candidate_ended_screen');
      expect(await statusOf(site, id), failure()).toMatchObject({
        attempt: 1,
        end_reason: 'candidate_hung_up',
      });
      const turns = await turnsOf(site, id);
      expect(turns.filter((turn) => turn.speaker === 'candidate').length).toBeGreaterThanOrEqual(2);
      expect(turns.some((turn) => turn.text.includes('cut off'))).toBe(false);
    } finally {
      await site.close();
    }
  }, 1_200_000);

  it('does not come back: the call stays live while they may, then ends as theirs', async () => {
    const site = await openWebCallSite(stackFromEnv(), {
      backendEnv: { WEB_REJOIN_GRACE_S: String(REJOIN_GRACE_S) },
    });
    try {
      const started = await site.startScreen();
      const id = started.interview.id;
      const clips = await personaClips('qualified');
      const left = await runWebCandidate({
        ...webCallOf(started),
        clips: clips.slice(0, 2),
        timeoutMs: CALL_TIMEOUT_MS,
        leaveAfterLastClip: true,
      });
      const leftAt = Date.now();
      let trail = '';
      const failure = () =>
        `clips ${left.clipsPlayed}, trail ${trail}\n${site.worker.log().slice(-3000)}`;
      expect(left.clipsPlayed, failure()).toBe(2);
      await sleep((REJOIN_GRACE_S * 1_000) / 2);
      trail = await trailOf(site, id);
      expect((await statusOf(site, id)).status, failure()).toBe('in_progress');

      // Over: scored when the answers given before leaving were screening answers, else closed
      // with nothing to score (the first two answers confirm who and when).
      expect(['evaluated', 'completed'], failure()).toContain(await site.settledStatus(id));
      trail = await trailOf(site, id);
      expect(trail, failure()).toContain('"reason":"candidate_hung_up"');
      expect(Date.now() - leftAt).toBeGreaterThanOrEqual(REJOIN_GRACE_S * 1_000);
      expect(await statusOf(site, id), failure()).toMatchObject({
        attempt: 1,
        end_reason: 'candidate_hung_up',
      });
      const turns = await turnsOf(site, id);
      expect(turns.filter((turn) => turn.speaker === 'candidate').length).toBeGreaterThanOrEqual(2);
      expect(turns.some((turn) => turn.text.includes('cut off'))).toBe(false);
    } finally {
      await site.close();
    }
  }, 1_200_000);
});
