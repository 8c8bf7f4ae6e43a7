import { inference, initializeLogger, type VAD } from '@livekit/agents';
import { SAMPLE_JOB, SAMPLE_RESUME, buildInterviewPlan, type AgentContext } from '@screenline/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PHONE_ENDPOINTING,
  createInterviewSession,
  type InterviewCall,
} from './create-interview-session.js';
import { EngineLLM } from './engine-llm.js';
import { parseAgentEnv } from './env.js';
import { InterviewerAgent } from './interviewer-agent.js';
import { createCallSettings } from './speech.js';
import { CallRecorder } from './testing/call-recorder.js';
import { ToolInterviewerAgent } from './tool-interviewer.js';

const plan = buildInterviewPlan({ ...SAMPLE_JOB }, SAMPLE_RESUME);
const context: AgentContext = {
  interviewId: 'iv-11',
  plan,
  engineState: null,
  turns: [],
  timezone: null,
};
const LIVEKIT = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'test-key',
  LIVEKIT_API_SECRET: 'test-secret',
};
// Production's VAD is loaded at prewarm; the session only has to receive that same object.
const prewarmedVad = { label: 'prewarmed-vad' } as unknown as VAD;

describe('createInterviewSession, with the settings production reads from its environment', () => {
  let call: InterviewCall | undefined;
  beforeAll(() => {
    initializeLogger({ pretty: false, level: 'error' });
    // LiveKit Inference models read their credentials when they are built, as under main.ts.
    for (const [name, value] of Object.entries(LIVEKIT)) vi.stubEnv(name, value);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  afterEach(async () => {
    await call?.session.close();
    call = undefined;
  });

  /** The call `runInterviewCall` builds for this environment, roomless. */
  function productionCall(source: Record<string, string>): InterviewCall {
    const recorder = new CallRecorder();
    return createInterviewSession({
      ...createCallSettings(parseAgentEnv({ ...LIVEKIT, ...source }), prewarmedVad),
      context,
      reports: recorder,
      job: recorder,
      room: null,
    });
  }

  it('a phone call waits out phone pauses, prompts after the silence timeout, hears through the speech models', () => {
    call = productionCall({});
    const options = call.session.sessionOptions;
    expect(options.turnHandling.endpointing).toMatchObject({ minDelay: 700, maxDelay: 3_500 });
    expect(options.turnHandling.endpointing).toMatchObject(PHONE_ENDPOINTING);
    expect(options.userAwayTimeout).toBe(8);
    expect(options.turnHandling.turnDetection).toBeInstanceOf(inference.TurnDetector);
    expect(call.session.vad).toBe(prewarmedVad);
    expect(call.session.stt).toBeInstanceOf(inference.STT);
    expect(call.session.tts).toBeInstanceOf(inference.TTS);
  });

  it('SILENCE_TIMEOUT_S is the session’s user-away timeout', () => {
    call = productionCall({ SILENCE_TIMEOUT_S: '12' });
    expect(call.session.sessionOptions.userAwayTimeout).toBe(12);
  });

  it('scripted mode (the default): the engine speaks through EngineLLM and writes the transcript', () => {
    call = productionCall({});
    expect(call.session.llm).toBeInstanceOf(EngineLLM);
    expect(call.agent).toBeInstanceOf(InterviewerAgent);
    expect(call.driver.transcriptSource).toBe('engine');
    // The engine is asked once per finished turn, never on a guess at a pause mid-answer.
    expect(call.session.sessionOptions.turnHandling.preemptiveGeneration.enabled).toBe(false);
  });

  it('LLM_MODE=llm: the model holds the conversation through tools; the session writes the transcript', () => {
    call = productionCall({ LLM_MODE: 'llm' });
    expect(call.session.llm).toBeInstanceOf(inference.LLM);
    expect((call.session.llm as inference.LLM).model).toBe('openai/gpt-4.1-mini');
    expect(call.agent).toBeInstanceOf(ToolInterviewerAgent);
    expect(call.driver.transcriptSource).toBe('conversation');
    expect(call.session.sessionOptions.turnHandling.preemptiveGeneration.enabled).toBe(true);
  });
});

describe('how a call ends', () => {
  let recorder: CallRecorder;
  let call: InterviewCall;
  beforeAll(() => {
    initializeLogger({ pretty: false, level: 'error' });
  });
  afterEach(async () => {
    await call.session.close();
  });

  async function startCall(): Promise<void> {
    recorder = new CallRecorder();
    call = createInterviewSession({
      context,
      conversation: { mode: 'scripted' },
      speech: null,
      reports: recorder,
      job: recorder,
      room: null,
    });
    await call.start();
    await call.open();
  }

  async function runShutdownCallbacks(): Promise<void> {
    for (const callback of recorder.shutdownCallbacks) await callback();
  }

  it('a hang-up reports the end with the engine state, then deletes the room, then the job ends with its reason', async () => {
    await startCall();
    await call.hangUp('opted_out');
    expect(recorder.callReports).toMatchObject([{ event: 'ended', reason: 'opted_out' }]);
    // The engine state goes with it, so a later dispatch resumes where this call stopped.
    expect(recorder.callReports[0]).toHaveProperty('engineState.isStarted', true);
    expect(recorder.hangUps).toEqual(['opted_out']);
    await call.session.close();
    expect(recorder.shutdowns).toEqual(['opted_out']);
    // The job's shutdown reports the end again only if nothing did.
    await runShutdownCallbacks();
    expect(recorder.callEvents).toEqual(['ended']);
  });

  it('the candidate hanging up closes the job, whose shutdown reports the end', async () => {
    await startCall();
    await call.session.close();
    expect(recorder.shutdowns).toEqual(['candidate_hung_up']);
    expect(recorder.callEvents).toEqual([]);
    await runShutdownCallbacks();
    expect(recorder.callReports).toEqual([
      expect.objectContaining({ event: 'ended', reason: 'candidate_hung_up' }),
    ]);
    expect(recorder.hangUps).toEqual([]);
  });
});
