import { describe, expect, it } from 'vitest';
import { resolveMode } from './mode.js';

const credentials = {
  LIVEKIT_URL: 'wss://example.livekit.cloud',
  LIVEKIT_API_KEY: 'key',
  LIVEKIT_API_SECRET: 'secret',
};

describe('resolveMode', () => {
  it('is simulated with no LiveKit variables', () => {
    expect(resolveMode({})).toEqual({ ok: true, mode: 'simulated' });
  });

  it('treats empty strings as unset', () => {
    expect(resolveMode({ LIVEKIT_URL: '', SIP_TRUNK_ID: ' ' })).toEqual({
      ok: true,
      mode: 'simulated',
    });
  });

  it('is web with the three credentials and no trunk', () => {
    expect(resolveMode(credentials)).toEqual({ ok: true, mode: 'web' });
  });

  it('is phone with the credentials and a trunk', () => {
    expect(resolveMode({ ...credentials, SIP_TRUNK_ID: 'ST_abc' })).toEqual({
      ok: true,
      mode: 'phone',
    });
  });

  it('names what is missing from a partial configuration', () => {
    expect(resolveMode({ LIVEKIT_URL: 'wss://x' })).toEqual({
      ok: false,
      missing: ['LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'],
    });
  });

  it('refuses a trunk without LiveKit', () => {
    expect(resolveMode({ SIP_TRUNK_ID: 'ST_abc' })).toEqual({
      ok: false,
      missing: ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'],
    });
  });
});
