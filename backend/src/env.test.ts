import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('defaults to simulated mode on the embedded database', () => {
    const env = parseEnv({});
    expect(env.mode).toBe('simulated');
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./.data');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '', LIVEKIT_URL: '' });
    expect(env.PORT).toBe(3000);
    expect(env.mode).toBe('simulated');
  });

  it('names missing LiveKit variables without printing the present values', () => {
    const secret = 'very-secret-value';
    expect(() =>
      parseEnv({ LIVEKIT_URL: 'wss://x.livekit.cloud', LIVEKIT_API_SECRET: secret }),
    ).toThrow(ConfigError);
    try {
      parseEnv({ LIVEKIT_URL: 'wss://x.livekit.cloud', LIVEKIT_API_SECRET: secret });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('LIVEKIT_API_KEY');
      expect(message).not.toContain(secret);
      expect(message).not.toContain('\n');
    }
  });

  it('refuses a trunk without LiveKit', () => {
    expect(() => parseEnv({ SIP_TRUNK_ID: 'ST_1' })).toThrow(
      /LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET/,
    );
  });

  it('is phone mode with credentials and a trunk', () => {
    const env = parseEnv({
      LIVEKIT_URL: 'wss://x.livekit.cloud',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
      SIP_TRUNK_ID: 'ST_1',
    });
    expect(env.mode).toBe('phone');
  });

  it('needs an LLM endpoint for LLM_MODE=llm only where the backend holds the conversation', () => {
    expect(() => parseEnv({ LLM_MODE: 'llm' })).toThrow(/simulated mode needs LLM_BASE_URL/);
    // With LiveKit the agent holds the call and may use LiveKit Inference for its model.
    const web = parseEnv({
      LLM_MODE: 'llm',
      LIVEKIT_URL: 'wss://x.livekit.cloud',
      LIVEKIT_API_KEY: 'k',
      LIVEKIT_API_SECRET: 's',
    });
    expect(web.mode).toBe('web');
  });

  it('TRUST_PROXY trusts a number of hops or named proxies, never every hop', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toBe(
      '10.0.0.0/8, 127.0.0.1',
    );
    expect(() => parseEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('rejects a bad port and names the key only', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://u:p@h/db' })).toThrow(/DATABASE_URL/);
  });
});
