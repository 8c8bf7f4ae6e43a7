import { initializeLogger, voice, type metrics } from '@livekit/agents';
import { SAMPLE_JOB, SAMPLE_RESUME, buildInterviewPlan, type AgentContext } from '@screenline/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallController } from './call-controller.js';
import { createInterviewSession, type InterviewCall } from './create-interview-session.js';
import type { InterviewDriver } from './interview-driver.js';
import { CallRecorder } from './testing/call-recorder.js';

const plan = buildInterviewPlan({ ...SAMPLE_JOB }, SAMPLE_RESUME);
const context: AgentContext = {
  interviewId: 'iv-7',
  plan,
  engineState: null,
  turns: [],
  timezone: null,
};

interface Harness extends InterviewCall {
  turns: CallRecorder['turns'];
  hangUps: CallRecorder['hangUps'];
  recorder: CallRecorder;
}

/**
 * Production's call in scripted mode with no room and no speech (the framework's own test
 * harness): text in, engine replies out, the backend and the job recorded.
 */
async function startHarness(
  settings: { silenceTimeoutS?: number; rejoinGraceMs?: number } = {},
): Promise<Harness> {
  const recorder = new CallRecorder();
  const call = createInterviewSession({
    context,
    conversation: { mode: 'scripted' },
    speech: null,
    reports: recorder,
    job: recorder,
    room: null,
    ...settings,
  });
  await call.start();
  return { ...call, turns: recorder.turns, hangUps: recorder.hangUps, recorder };
}

describe('CallController with the framework test harness', () => {
  let harness: Harness | undefined;
  beforeAll(() => {
    initializeLogger({ pretty: false, level: 'error' });
  });
  afterEach(async () => {
    await harness?.session.close();
    harness = undefined;
  });

  it('opens as an AI assistant calling about a job application, asking for the candidate', async () => {
    harness = await startHarness();
    await harness.open();
    const opening = harness.turns[0];
    expect(opening?.speaker).toBe('agent');
    expect(opening?.text).toMatch(/AI assistant calling about a job application/);
  });

  it('answers a candidate turn with the engine and reports both turns', async () => {
    harness = await startHarness();
    await harness.open();
    const result = await harness.session.run({ userInput: 'Yes, now is a good time.' }).wait();
    result.expect.containsMessage({ role: 'assistant' });
    const speakers = harness.turns.map((turn) => turn.speaker);
    expect(speakers).toEqual(['agent', 'candidate', 'agent']);
    expect(harness.turns[1]?.text).toBe('Yes, now is a good time.');
  });

  it('ends the call on an opt-out after saying goodbye, which cannot be interrupted', async () => {
    harness = await startHarness();
    const speeches: voice.SpeechHandle[] = [];
    harness.session.on(voice.AgentSessionEventTypes.SpeechCreated, (event) => {
      speeches.push(event.speechHandle);
    });
    await harness.open();
    const result = await harness.session
      .run({ userInput: 'Please stop calling me, take me off your list.' })
      .wait();
    result.expect.containsMessage({ role: 'assistant' });
    await expect.poll(() => harness?.hangUps, { timeout: 5_000 }).toEqual(['opted_out']);
    expect(harness.turns.at(-1)?.text).toMatch(/not call you again/);
    // The opening could be interrupted; the goodbye plays out whole.
    expect(speeches[0]?.allowInterruptions).toBe(true);
    expect(speeches.at(-1)?.allowInterruptions).toBe(false);
  });
});

describe('a candidate who goes silent', () => {
  it('is prompted twice, each after the silence timeout, then the call ends as no response', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ silenceTimeoutS: 0.2 });
    try {
      await harness.open();
      await expect.poll(() => harness.hangUps, { timeout: 5_000 }).toEqual(['no_response']);
      const said = harness.turns.map((turn) => turn.text);
      expect(said).toHaveLength(4);
      expect(said[1]).toMatch(/^Are you still there\?/);
      expect(said[2]).toMatch(/still cannot hear you/);
      expect(said[3]).toMatch(/end the call/);
      expect(harness.turns.every((turn) => turn.speaker === 'agent')).toBe(true);
    } finally {
      await harness.session.close();
    }
  });
});

describe('a browser candidate who leaves the room (a reload)', () => {
  it('is not prompted while away; back in time, hears that the call was cut off and the question again', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ silenceTimeoutS: 0.2, rejoinGraceMs: 2_000 });
    try {
      await harness.open();
      const asked = harness.turns.at(-1)?.text ?? '';
      harness.controller.onCandidateLeft();
      // Three silence timeouts pass: nobody is prompted, and the call is not over.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(harness.turns).toHaveLength(1);
      expect(harness.hangUps).toEqual([]);
      await harness.controller.onCandidateBack();
      expect(harness.turns.at(-1)?.text).toBe(`Sorry, we were cut off. ${asked}`);
      // The wait is over: the grace passing later ends nothing.
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      expect(harness.hangUps.filter((reason) => reason === 'candidate_hung_up')).toEqual([]);
    } finally {
      await harness.session.close();
    }
  });

  it('back but silent (marked away while gone) is prompted again, and the call ends as no response', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ silenceTimeoutS: 0.3, rejoinGraceMs: 5_000 });
    try {
      await harness.open();
      harness.controller.onCandidateLeft();
      // The framework's silence timer fires while they are gone: nobody is prompted then.
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(harness.turns).toHaveLength(1);
      await harness.controller.onCandidateBack();
      await expect.poll(() => harness.hangUps, { timeout: 5_000 }).toEqual(['no_response']);
      const said = harness.turns.map((turn) => turn.text);
      expect(said[1]).toMatch(/^Sorry, we were cut off\./);
      expect(said[2]).toMatch(/^Are you still there\?/);
      expect(said[3]).toMatch(/still cannot hear you/);
      expect(said.at(-1)).toMatch(/end the call/);
    } finally {
      await harness.session.close();
    }
  });

  it('who does not come back ends the call as a hang-up once the grace is over, not before', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ rejoinGraceMs: 400 });
    try {
      await harness.open();
      await harness.session.run({ userInput: 'Yes, now is a good time.' }).wait();
      harness.controller.onCandidateLeft();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(harness.hangUps).toEqual([]);
      await expect.poll(() => harness.hangUps, { timeout: 3_000 }).toEqual(['candidate_hung_up']);
      // The end report went first, with the answer given before the candidate left.
      expect(harness.recorder.callEvents.at(-1)).toBe('ended');
      expect(harness.turns.filter((turn) => turn.speaker === 'candidate')).toHaveLength(1);
    } finally {
      await harness.session.close();
    }
  });

  it('who ends the screen on the page ends the call at once, away or not, and only once', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ rejoinGraceMs: 60_000 });
    try {
      await harness.open();
      await harness.session.run({ userInput: 'Yes, now is a good time.' }).wait();
      harness.controller.onCandidateEnded();
      // Well inside the minute the grace would have waited.
      await expect.poll(() => harness.hangUps, { timeout: 2_000 }).toEqual(['candidate_hung_up']);
      expect(harness.recorder.callEvents.at(-1)).toBe('ended');
      expect(harness.turns.filter((turn) => turn.speaker === 'candidate')).toHaveLength(1);
      // Nothing brings it back or ends it twice.
      harness.controller.onCandidateEnded();
      harness.controller.onCandidateLeft();
      await harness.controller.onCandidateBack();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(harness.hangUps).toEqual(['candidate_hung_up']);
      expect(
        harness.turns.filter((turn) => turn.text.startsWith('Sorry, we were cut off')),
      ).toEqual([]);
    } finally {
      await harness.session.close();
    }
  });

  it('who left and then ends it from the page (the removal arrives while away) ends it now too', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness({ rejoinGraceMs: 60_000 });
    try {
      await harness.open();
      harness.controller.onCandidateLeft();
      harness.controller.onCandidateEnded();
      await expect.poll(() => harness.hangUps, { timeout: 2_000 }).toEqual(['candidate_hung_up']);
    } finally {
      await harness.session.close();
    }
  });

  it('on the phone, leaving is hanging up: there is nothing to wait for', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const harness = await startHarness();
    try {
      await harness.open();
      harness.controller.onCandidateLeft();
      await harness.controller.onCandidateBack();
      expect(harness.turns).toHaveLength(1);
    } finally {
      await harness.session.close();
    }
  });
});

describe('voicemail', () => {
  it('leaves the short message, reports voicemail and hangs up', async () => {
    initializeLogger({ pretty: false, level: 'error' });
    const { leaveVoicemail, VOICEMAIL_MESSAGE } = await import('./voicemail.js');
    const { session, recorder, hangUp } = await startHarness();
    await leaveVoicemail(session, recorder, hangUp);
    // The end is reported (as voicemail) before the room goes, as on every hang-up.
    expect(recorder.callEvents).toEqual(['voicemail', 'ended']);
    expect(recorder.hangUps).toEqual(['voicemail']);
    const said = session.history.items
      .filter((item) => item.type === 'message' && item.role === 'assistant')
      .map((item) => (item.type === 'message' ? item.textContent : ''));
    expect(said).toContain(VOICEMAIL_MESSAGE);
    expect(VOICEMAIL_MESSAGE).not.toMatch(/\d/);
    await session.close();
  });
});

describe('a whole screen through the voice session', () => {
  it('records every knock-out answer from the candidate turns', async () => {
    const { createPersona } = await import('@screenline/core');
    const harness = await startHarness();
    try {
      await harness.open();
      const persona = createPersona('qualified', plan, SAMPLE_RESUME);
      for (let turn = 0; turn < 30 && harness.hangUps.length === 0; turn += 1) {
        const lastAgent = harness.turns.filter((item) => item.speaker === 'agent').at(-1);
        const answer = persona.reply(lastAgent?.text ?? '');
        if (answer === null) break;
        await harness.session.run({ userInput: answer }).wait();
      }
      await expect.poll(() => harness.hangUps, { timeout: 5_000 }).toEqual(['finished']);
      const state = harness.turns.filter((item) => item.speaker === 'agent').at(-1)
        ?.engineState as {
        answers: { kind: string; answer?: { knockoutId: string; turnId: string } }[];
      };
      const knockouts = state.answers.filter((answer) => answer.kind === 'knockout');
      expect(knockouts.map((answer) => answer.answer?.knockoutId).sort()).toEqual(
        plan.knockouts.map((knockout) => knockout.id).sort(),
      );
      const candidateTurnIds = new Set(
        harness.turns.filter((item) => item.speaker === 'candidate').map((item) => item.id),
      );
      for (const answer of knockouts) expect(candidateTurnIds).toContain(answer.answer?.turnId);
    } finally {
      await harness.session.close();
    }
  });
});

describe('turn latency with speech synthesised ahead', () => {
  const ttsFigure = (ttfbMs: number): metrics.TTSMetrics => ({
    type: 'tts_metrics',
    label: 'test',
    requestId: 'r1',
    timestamp: 0,
    ttfbMs,
    durationMs: 900,
    audioDurationMs: 1_500,
    cancelled: false,
    charactersCount: 20,
    streamed: false,
  });

  /** The TTS time to first byte each controller gives its turn, for one synthesis of 640 ms. */
  const notedTts = (isSpeechAhead: boolean): unknown[] => {
    const session = new voice.AgentSession({});
    const noted: unknown[] = [];
    const driver = {
      noteLatency: (latency: object) => noted.push(latency),
    } as unknown as InterviewDriver;
    new CallController({ session, driver, hangUp: () => Promise.resolve(), isSpeechAhead });
    session.emit(
      voice.AgentSessionEventTypes.MetricsCollected,
      voice.createMetricsCollectedEvent({ metrics: ttsFigure(640) }),
    );
    return noted;
  };

  it('a reply synthesised when said carries the synthesiser’s first-byte time', () => {
    expect(notedTts(false)).toEqual([{ ttsTimeToFirstByteMs: 640 }]);
  });

  it('with speech synthesised ahead the figure is a prepared line’s, which no reply waited for: not the turn’s', () => {
    expect(notedTts(true)).toEqual([]);
  });
});
