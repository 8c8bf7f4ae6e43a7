import { describe, expect, it } from 'vitest';
import { AgentConfigError, parseAgentEnv } from './env.js';

describe('parseAgentEnv', () => {
  it('names every missing LiveKit variable', () => {
    expect(() => parseAgentEnv({})).toThrow(/set LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET/);
  });

  it('never prints a value it was given', () => {
    try {
      parseAgentEnv({ LIVEKIT_URL: 'wss://x', LIVEKIT_API_SECRET: 'top-secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AgentConfigError);
      expect((error as Error).message).toBe(
        'The voice agent needs LiveKit: set LIVEKIT_API_KEY. Simulated mode needs no agent.',
      );
    }
  });

  it('accepts a complete configuration with defaults', () => {
    const env = parseAgentEnv({
      LIVEKIT_URL: 'wss://x',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
    });
    expect(env).toMatchObject({
      AGENT_NAME: 'screenline-screener',
      LLM_MODE: 'scripted',
      SPEECH: 'inference',
    });
  });

  it('AGENT_LOAD_THRESHOLD is a share of the CPU, or above 1 for a worker that is never full', () => {
    const livekit = { LIVEKIT_URL: 'wss://x', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' };
    expect(parseAgentEnv(livekit).AGENT_LOAD_THRESHOLD).toBe(0.75);
    expect(parseAgentEnv({ ...livekit, AGENT_LOAD_THRESHOLD: '2' }).AGENT_LOAD_THRESHOLD).toBe(2);
    expect(() => parseAgentEnv({ ...livekit, AGENT_LOAD_THRESHOLD: '0' })).toThrow(
      /AGENT_LOAD_THRESHOLD/,
    );
    expect(() => parseAgentEnv({ ...livekit, AGENT_LOAD_THRESHOLD: '3' })).toThrow(
      /AGENT_LOAD_THRESHOLD/,
    );
  });

  it('LLM_MODE=llm runs on LiveKit Inference with no endpoint, and needs one with SPEECH=openai', async () => {
    const livekit = { LIVEKIT_URL: 'wss://x', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' };
    const { createConversationLlm, DEFAULT_INFERENCE_LLM } = await import('./speech.js');
    const onInference = parseAgentEnv({ ...livekit, LLM_MODE: 'llm' });
    expect(createConversationLlm(onInference)).toBe(DEFAULT_INFERENCE_LLM);
    expect(() => parseAgentEnv({ ...livekit, LLM_MODE: 'llm', SPEECH: 'openai' })).toThrow(
      /needs LLM_BASE_URL and LLM_MODEL/,
    );
    expect(() => parseAgentEnv({ ...livekit, LLM_BASE_URL: 'http://127.0.0.1:11434/v1' })).toThrow(
      /without LLM_MODEL/,
    );
    const onEndpoint = parseAgentEnv({
      ...livekit,
      LLM_MODE: 'llm',
      SPEECH: 'openai',
      LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      LLM_MODEL: 'llama3.1',
    });
    expect(createConversationLlm(onEndpoint)).toMatchObject({ model: 'llama3.1' });
  });
});
