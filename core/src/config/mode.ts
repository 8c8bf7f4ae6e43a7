import { z } from 'zod';

/** How calls are placed: a real phone call, a browser call over LiveKit, or simulated in-process. */
export const ZMode = z.enum(['phone', 'web', 'simulated']);
export type Mode = z.infer<typeof ZMode>;

/** The configuration values that decide the mode; empty strings count as unset. */
export interface LiveKitSettings {
  LIVEKIT_URL?: string | undefined;
  LIVEKIT_API_KEY?: string | undefined;
  LIVEKIT_API_SECRET?: string | undefined;
  SIP_TRUNK_ID?: string | undefined;
}

const LIVEKIT_CREDENTIALS = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'] as const;

export type ModeResolution = { ok: true; mode: Mode } | { ok: false; missing: string[] };

/**
 * Decides the mode from configuration. A partial LiveKit configuration is an error that names
 * the missing variables (never the values of the present ones).
 */
export function resolveMode(settings: LiveKitSettings): ModeResolution {
  const isSet = (name: keyof LiveKitSettings): boolean => (settings[name] ?? '').trim() !== '';
  const present = LIVEKIT_CREDENTIALS.filter(isSet);
  const hasTrunk = isSet('SIP_TRUNK_ID');

  if (present.length === 0 && !hasTrunk) return { ok: true, mode: 'simulated' };
  const missing = LIVEKIT_CREDENTIALS.filter((name) => !isSet(name));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, mode: hasTrunk ? 'phone' : 'web' };
}
