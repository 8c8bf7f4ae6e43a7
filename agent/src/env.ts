import { z } from 'zod';

const optionalString = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().optional(),
);

/** An empty `KEY=` in .env counts as unset, so the schema's default applies. */
function blankIsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

/** Seconds of candidate silence before the engine prompts them, unless SILENCE_TIMEOUT_S says. */
export const DEFAULT_SILENCE_TIMEOUT_S = 8;

const ZAgentEnv = z.object({
  LIVEKIT_URL: optionalString,
  LIVEKIT_API_KEY: optionalString,
  LIVEKIT_API_SECRET: optionalString,
  AGENT_NAME: blankIsUnset(z.string().default('screenline-screener')),
  BACKEND_URL: blankIsUnset(z.url().default('http://127.0.0.1:3000')),
  LLM_MODE: blankIsUnset(z.enum(['scripted', 'llm']).default('scripted')),
  SPEECH: blankIsUnset(z.enum(['inference', 'openai']).default('inference')),
  /** LiveKit Inference model strings (SPEECH=inference) or OpenAI model names (SPEECH=openai). */
  STT_MODEL: optionalString,
  TTS_MODEL: optionalString,
  TTS_VOICE: optionalString,
  /** OpenAI-compatible speech endpoint for SPEECH=openai (self-hosted LiveKit). */
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_API_KEY: optionalString,
  /** Scripted calls synthesise their likely next lines while the candidate speaks (issue 13, item 4). */
  SPEECH_AHEAD: blankIsUnset(z.enum(['on', 'off']).default('on')),
  /**
   * LLM_MODE=llm: the model that holds the conversation through tools. An OpenAI-compatible chat
   * endpoint (LLM_BASE_URL + LLM_MODEL), or with SPEECH=inference a LiveKit Inference model
   * string in LLM_MODEL (default openai/gpt-4.1-mini).
   */
  LLM_BASE_URL: optionalString.pipe(z.url().optional()),
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  /** Seconds of silence before the engine prompts the candidate (two prompts, then the call ends). */
  SILENCE_TIMEOUT_S: blankIsUnset(
    z.coerce.number().min(3).max(120).default(DEFAULT_SILENCE_TIMEOUT_S),
  ),
  /**
   * LOAD-1: the worker stops taking calls above this share of its CPU (LiveKit's own figure is
   * about 25 calls per 4-core machine), so a busy worker leaves new calls to another. The load is
   * a CPU share (0-1), and a worker at 100% counts as full even at 1: above 1 it reports no load
   * at all (never full, and never over LiveKit's own target load), for a shared test machine
   * whose CPU other work holds.
   */
  AGENT_LOAD_THRESHOLD: blankIsUnset(
    // Above 1 the worker reports no load and is never full: test rigs on a shared, saturated machine
    // only (at 1 a CPU at 100% already counts as full, and livekit-server refuses the dispatch).
    z.coerce.number().gt(0).max(2).default(0.75),
  ),
  /** A call's process is stopped past this much memory (0: never); a warning comes at half. */
  AGENT_JOB_MEMORY_LIMIT_MB: blankIsUnset(
    z.coerce.number().int().min(0).max(16_384).default(1_024),
  ),
  /**
   * How long a new call process may take to start (load the VAD, connect) before the worker gives
   * up on it. The framework's 10 s is too short on a loaded machine: every job then fails.
   */
  AGENT_PROCESS_START_TIMEOUT_S: blankIsUnset(z.coerce.number().min(1).max(300).default(10)),
  /**
   * The worker's health endpoint port. 0: any free port (test rigs, where more than one worker runs
   * in the same network namespace and the fixed default collides).
   */
  AGENT_HTTP_PORT: blankIsUnset(z.coerce.number().int().min(0).max(65_535).default(8081)),
  /** How long to wait for the candidate to join or answer before giving up. */

  ANSWER_TIMEOUT_S: blankIsUnset(z.coerce.number().min(5).max(300).default(60)),
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
  // LiveKit Inference serves the LLM with the same key; elsewhere the endpoint must be named.
  const hasEndpoint = result.data.LLM_BASE_URL !== undefined && result.data.LLM_MODEL !== undefined;
  if (result.data.LLM_MODE === 'llm' && result.data.SPEECH !== 'inference' && !hasEndpoint) {
    throw new AgentConfigError(
      'LLM_MODE=llm with SPEECH=openai needs LLM_BASE_URL and LLM_MODEL (and LLM_API_KEY where the endpoint wants one).',
    );
  }
  if (result.data.LLM_BASE_URL !== undefined && result.data.LLM_MODEL === undefined) {
    throw new AgentConfigError('LLM_BASE_URL is set without LLM_MODEL: name the model to use.');
  }
  return { ...result.data, LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET };
}
