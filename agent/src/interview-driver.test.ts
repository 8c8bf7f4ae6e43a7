import {
  SAMPLE_JOB,
  SAMPLE_RESUME,
  buildInterviewPlan,
  createPersona,
  type AgentContext,
  type AgentTurnReport,
} from '@screenline/core';
import { describe, expect, it } from 'vitest';
import { InterviewDriver, type DriverReports } from './interview-driver.js';

function recorder(): DriverReports & { turns: AgentTurnReport[]; events: string[] } {
  const turns: AgentTurnReport[] = [];
  const events: string[] = [];
  return {
    turns,
    events,
    reportTurn: (turn) => turns.push(turn),
    reportCall: (event) => events.push(event.event),
  };
}

const plan = buildInterviewPlan({ ...SAMPLE_JOB }, SAMPLE_RESUME);
const freshContext: AgentContext = {
  interviewId: 'iv-1',
  plan,
  engineState: null,
  turns: [],
  timezone: 'America/New_York',
};

describe('InterviewDriver', () => {
  it('opens as an AI assistant asking for the candidate and reports the turn with its state', async () => {
    const reports = recorder();
    const driver = new InterviewDriver({ context: freshContext, reports });
    const reply = await driver.open();
    expect(reply.utterance).toMatch(/AI assistant calling about a job application/);
    expect(reports.turns).toHaveLength(1);
    expect(reports.turns[0]).toMatchObject({ id: 'iv-1:1', speaker: 'agent' });
    expect(reports.turns[0]?.engineState).toBeDefined();
  });

  it('holds a whole screen with the qualified persona and ends finished', async () => {
    const reports = recorder();
    const driver = new InterviewDriver({ context: freshContext, reports });
    const persona = createPersona('qualified', plan, SAMPLE_RESUME);
    let reply = await driver.open();
    for (let turn = 0; turn < 40 && reply.endReason === null; turn += 1) {
      const answer = persona.reply(reply.utterance ?? '');
      reply = answer === null ? await driver.onSilence() : await driver.onCandidateTurn(answer);
    }
    expect(reply.endReason).toBe('finished');
    expect(driver.isEnded).toBe(true);
    const ids = reports.turns.map((turn) => turn.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(reports.turns.filter((turn) => turn.speaker === 'candidate').length).toBeGreaterThan(4);
  });

  it('ends at once on an opt-out, reporting it before the goodbye is even said', async () => {
    const reports = recorder();
    const driver = new InterviewDriver({ context: freshContext, reports });
    await driver.open();
    const reply = await driver.onCandidateTurn('Stop calling me. Take me off your list.');
    expect(reply.endReason).toBe('opted_out');
    expect(reply.utterance).toMatch(/not call you again/);
    expect(reports.events).toEqual(['opted_out']);
    expect(driver.endReport('candidate_hung_up')).toMatchObject({
      event: 'ended',
      reason: 'opted_out',
    });
  });

  it('carries a callback request, with the time it read, in the end report', async () => {
    const driver = new InterviewDriver({ context: freshContext, reports: recorder() });
    await driver.open();
    await driver.onCandidateTurn("It's me, but not a good time, sorry.");
    const reply = await driver.onCandidateTurn('Tomorrow at 3 pm works.');
    expect(reply.endReason).toBe('callback_requested');
    const end = driver.endReport('candidate_hung_up');
    expect(end).toMatchObject({ event: 'ended', reason: 'callback_requested' });
    const callback = end.event === 'ended' ? end.callback : undefined;
    expect(callback?.requestedText).toMatch(/3 pm/);
    expect(callback?.requestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('resumes from saved turns and state instead of starting over', async () => {
    const first = recorder();
    const before = new InterviewDriver({ context: freshContext, reports: first });
    await before.open();
    await before.onCandidateTurn('Yes, now is a good time.');
    const lastAgentTurn = first.turns.filter((turn) => turn.speaker === 'agent').at(-1);

    const resumedReports = recorder();
    const resumed = new InterviewDriver({
      context: {
        ...freshContext,
        engineState: lastAgentTurn?.engineState ?? null,
        turns: first.turns.map(({ id, speaker, text }) => ({ id, speaker, text })),
      },
      reports: resumedReports,
    });
    expect(resumed.isResuming).toBe(true);
    const reply = await resumed.open();
    expect(reply.utterance).toMatch(/cut off/);
    expect(reply.utterance).not.toMatch(/this is an AI/i);
    expect(resumedReports.turns[0]?.id).toBe(`iv-1:${first.turns.length + 1}`);
  });

  it('ignores empty transcripts and attaches latency to the next agent turn', async () => {
    const reports = recorder();
    const driver = new InterviewDriver({ context: freshContext, reports });
    await driver.open();
    expect(await driver.onCandidateTurn('   ')).toEqual({ utterance: null, endReason: null });
    driver.noteLatency({ endOfUtteranceDelayMs: 420 });
    driver.noteLatency({ llmTimeToFirstTokenMs: 3 });
    await driver.onCandidateTurn('Yes, it is.');
    const agentTurn = reports.turns.at(-1);
    expect(agentTurn?.speaker).toBe('agent');
    expect(agentTurn?.latency).toEqual({ endOfUtteranceDelayMs: 420, llmTimeToFirstTokenMs: 3 });
  });

  it("never records a knock-out met on the model's word when the words do not give it", async () => {
    const driver = new InterviewDriver({
      context: freshContext,
      reports: recorder(),
      transcriptSource: 'conversation',
    });
    await driver.open();
    driver.noteCandidateSpeech('Yes, this is Jordan.');
    await driver.applyReading({ intent: 'answer' });
    driver.noteCandidateSpeech('Sure, go ahead.');
    await driver.applyReading({ intent: 'answer' });
    expect(driver.currentStep.kind).toBe('knockout');
    // The model says "met"; the words say nothing about the question.
    driver.noteCandidateSpeech('I have been a backend engineer for nine years.');
    const first = await driver.applyReading({ intent: 'answer', knockoutValue: true });
    expect(first?.utterance).toMatch(/yes or a no/);
    driver.noteCandidateSpeech('I live in Austin.');
    await driver.applyReading({ intent: 'answer', knockoutValue: true });
    const answers = driver.endReport('candidate_hung_up');
    const state = answers.event === 'ended' ? answers.engineState : null;
    const recorded = (state as { answers: { kind: string; answer?: { passed: unknown } }[] })
      .answers;
    expect(recorded.find((item) => item.kind === 'knockout')?.answer?.passed).toBeNull();
  });
});
