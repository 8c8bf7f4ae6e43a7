// A whole screening call over real media (`npm run test:livekit`): the production agent worker
// with the offline speech server (espeak-ng, pocketsphinx) and the scripted engine, a WebRTC
// candidate speaking the `qualified` persona's clips, and the backend in web mode on livekit-server
// itself. Nothing in between is simulated: what the agent hears is what pocketsphinx made of the
// clips as they came through WebRTC, and what the candidate recorded is what the agent said.
import { readFile } from 'node:fs/promises';
import { PocketsphinxRecogniser, decodeWav, rmsLevel } from '@screenline/local-speech';
import { describe, expect, it } from 'vitest';
import { stackFromEnv } from './stack-kit.js';
import { runWebCall, type WebCallResult } from './web-call-rig.js';

describe('a real web-leg screening call on the local stack', () => {
  it('the agent speaks the opening, hears every answer, closes, and the interview is evaluated', async () => {
    const result = await runWebCall(stackFromEnv());
    const failure = diagnostics(result);

    expect(result.status, failure).toBe('evaluated');
    expect(result.clipsPlayed, failure).toBe(result.clipCount);
    // The agent hung up on the candidate (it deletes the room after the goodbye).
    expect(result.timeline.disconnectedMs, failure).not.toBeNull();

    // The recruiter's transcript has the turns, in order, both voices.
    const candidateTurns = result.turns.filter((turn) => turn.speaker === 'candidate');
    const agentTurns = result.turns.filter((turn) => turn.speaker === 'agent');
    expect(candidateTurns.length, failure).toBeGreaterThanOrEqual(result.clipCount);
    expect(agentTurns.length, failure).toBeGreaterThan(result.clipCount);
    expect(result.turns[0]?.speaker).toBe('agent');

    // Every evidence quote is words the recogniser heard from the candidate.
    const heardWords = candidateTurns.map((turn) => turn.text.toLowerCase()).join(' ');
    const quotes = (result.scorecard?.criteria ?? []).flatMap((c) =>
      c.evidence.map((e) => e.quote),
    );
    expect(quotes.length, failure).toBeGreaterThan(0);
    for (const quote of quotes) expect(heardWords).toContain(quote.toLowerCase());

    // What the candidate heard is speech, and the disclosures are in it: the identity line (up to
    // the first answer) says it is an AI, the opening (up to the second) that the call is recorded.
    // Recognised per stretch (pocketsphinx's level normalisation settles within an utterance), by
    // a model of the lines the agent's transcript says it spoke: words the audio must carry.
    const heard = decodeWav(await readFile(result.heardWav));
    expect(heard.samples.length / heard.sampleRate).toBeGreaterThan(20);
    expect(rmsLevel(heard.samples)).toBeGreaterThan(0.005);
    const recogniser = new PocketsphinxRecogniser({
      mode: 'domain-lm',
      lines: agentTurns.map((turn) => turn.text),
    });
    const [first, second] = result.timeline.clips;
    const stretch = (fromMs: number, toMs: number) => ({
      sampleRate: heard.sampleRate,
      samples: heard.samples.subarray(
        Math.round((fromMs / 1000) * heard.sampleRate),
        Math.round((toMs / 1000) * heard.sampleRate),
      ),
    });
    const identity = await recogniser.transcribe(
      stretch((result.timeline.firstAgentAudioMs ?? 0) - 300, first?.startMs ?? 0),
    );
    // pocketsphinx on espeak under load sometimes hears "an AI assistant" as other short words
    // ("it what at calling about a job application"): the disclosure counts as heard when its
    // keyword is, or when most of the agent's own identity line is.
    const identityLine = agentTurns[0]?.text ?? '';
    expect(
      identity.split(' ').some((word) => word === 'ai' || word === 'assistant') ||
        shareOfWordsHeard(identityLine, identity) >= 0.6,
      identity,
    ).toBe(true);
    const opening = await recogniser.transcribe(stretch(first?.endMs ?? 0, second?.startMs ?? 0));
    expect(opening.split(' '), opening).toContain('recorded');
  }, 840_000);
});

/** What went wrong, without the candidate's words: statuses, counts and the worker's last lines. */
function diagnostics(result: WebCallResult): string {
  return [
    `status ${result.status}, clips ${result.clipsPlayed}/${result.clipCount}, turns ${result.turns.length}`,
    `timeline ${JSON.stringify(result.timeline)}`,
    result.workerLog.slice(-3000),
  ].join('\n');
}

/** The share of a line's words that a transcript contains. */
function shareOfWordsHeard(line: string, transcript: string): number {
  const words = line.toLowerCase().match(/[a-z']+/g) ?? [];
  const heard = new Set(transcript.split(' '));
  return words.length === 0 ? 0 : words.filter((word) => heard.has(word)).length / words.length;
}
