// What every real-stack test, rig and bench shares: where the stack is (from the environment
// scripts/in-livekit-stack.mjs gives), the port its webhooks go to, and a poll with a deadline.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The port the stack's livekit.yaml sends webhooks to (scripts/livekit-stack.mjs). */
export const BACKEND_PORT = 3900;

export interface StackSettings {
  stackIp: string;
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The offline speech endpoint the stack runs (`OPENAI_BASE_URL`). */
  speechBaseUrl: string;
}

/** The stack's settings from the environment `scripts/in-livekit-stack.mjs` gives; throws if absent. */
export function stackFromEnv(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const settings = {
    stackIp: env.STACK_IP ?? '',
    livekitUrl: env.LIVEKIT_URL ?? '',
    apiKey: env.LIVEKIT_API_KEY ?? '',
    apiSecret: env.LIVEKIT_API_SECRET ?? '',
    speechBaseUrl: env.OPENAI_BASE_URL ?? '',
  };
  const missing = Object.entries(settings).filter(([, value]) => value === '');
  if (missing.length > 0) {
    throw new Error(
      `not inside the local stack (missing ${missing.map(([k]) => k).join(', ')}): run through scripts/in-livekit-stack.mjs`,
    );
  }
  return settings;
}

/** LiveKit's HTTP API address (the server SDK's clients take http, the stack prints ws). */
export function livekitHttpUrl(stack: StackSettings): string {
  return stack.livekitUrl.replace(/^ws/, 'http');
}

/**
 * A scripted candidate (the WebRTC one and the browser's) takes the agent's turn as over once it
 * has been quiet this long with its state back at `listening`: its reply may come in two lines.
 */
export const TURN_END_QUIET_MS = 1_200;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Reads until `isDone` holds or the deadline passes, and returns the last value read either way:
 * the caller's assertion on it says what was seen, which a timeout error would not.
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  isDone: (value: T) => boolean,
  ms: number,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > deadline) return value;
    await sleep(pollMs);
  }
}
