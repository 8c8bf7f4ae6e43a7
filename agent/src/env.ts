import { z } from 'zod';

const optionalString = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().optional(),
);

const ZAgentEnv = z.object({
  LIVEKIT_URL: optionalString,
  LIVEKIT_API_KEY: optionalString,
  LIVEKIT_API_SECRET: optionalString,
  AGENT_NAME: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().default('screenline-screener'),
  ),
  BACKEND_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url().default('http://127.0.0.1:3000'),
  ),
  LLM_MODE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['scripted', 'llm']).default('scripted'),
  ),
  SPEECH: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['inference', 'openai']).default('inference'),
  ),
});

export type AgentEnv = z.infer<typeof ZAgentEnv> & {
  LIVEKIT_URL: string;
  LIVEKIT_API_KEY: string;
  LIVEKIT_API_SECRET: string;
};

/** Raised when the worker cannot run; the message is one line naming keys, never values. */
export class AgentConfigError extends Error {
  override name = 'AgentConfigError';
}

/** The worker needs LiveKit: without its three variables it refuses to start. */
export function parseAgentEnv(source: Record<string, string | undefined>): AgentEnv {
  const result = ZAgentEnv.safeParse(source);
  if (!result.success) {
    const keys = [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
    throw new AgentConfigError(
      `Invalid agent configuration: ${keys.join(', ')} (see .env.example)`,
    );
  }
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = result.data;
  const missing = Object.entries({ LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET })
    .filter(([, value]) => value === undefined)
    .map(([name]) => name);
  if (
    LIVEKIT_URL === undefined ||
    LIVEKIT_API_KEY === undefined ||
    LIVEKIT_API_SECRET === undefined
  ) {
    throw new AgentConfigError(
      `The voice agent needs LiveKit: set ${missing.join(', ')}. Simulated mode needs no agent.`,
    );
  }
  return { ...result.data, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET };
}
