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
});
