import { existsSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import {
  DEFAULT_WEB_REJOIN_GRACE_S,
  parseCallingHours,
  resolveMode,
  type Mode,
} from '@screenline/core';
import { z } from 'zod';
import { MIN_ADMIN_PASSWORD_LENGTH } from './auth/password.js';

/** `FOO=` counts as unset: an empty string becomes undefined before validation. */
const optionalString = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().optional(),
);

/** A number setting where `FOO=` counts as unset. */
function numberSetting<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema);
}

const ZEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('127.0.0.1')),
  PORT: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(0).max(65_535).default(3000),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./.data')),
  /** LAW-6: days a candidate's data is kept after their last interview; 0 keeps it until erased. */
  RETENTION_DAYS: numberSetting(z.coerce.number().int().min(0).max(3650).default(180)),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  PUBLIC_URL: optionalString.pipe(z.url().optional()),
  /**
   * Which X-Forwarded-For entries to believe (rate limits and throttles key on the client IP).
   * `false`: none. A number: that many proxies in front (`true` is one). A comma list of proxy
   * addresses or CIDRs: trust hops from those. Never "trust all", which takes the left-most entry,
   * one any client can write.
   */
  TRUST_PROXY: z.preprocess(
    (v) => (v === '' || v === undefined ? 'false' : v),
    z
      .string()
      .trim()
      .refine(
        (v) =>
          /^(true|false|\d{1,2})$/.test(v) ||
          v.split(',').every((part) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(part.trim())),
        'must be false, a number of proxies, or a comma list of proxy addresses',
      )
      .transform((v): number | string | false => {
        if (v === 'false' || v === '0') return false;
        if (v === 'true') return 1;
        if (/^\d+$/.test(v)) return Number(v);
        return v;
      }),
  ),
  LIVEKIT_URL: optionalString,
  LIVEKIT_API_KEY: optionalString,
  LIVEKIT_API_SECRET: optionalString,
  SIP_TRUNK_ID: optionalString,
  /** The first recruiter account, created at start-up when there is no user yet. */
  ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(
    z
      .string()
      .min(
        MIN_ADMIN_PASSWORD_LENGTH,
        `must be at least ${String(MIN_ADMIN_PASSWORD_LENGTH)} characters`,
      )
      .max(128)
      .optional(),
  ),
  /** A recruiter session ends after this much inactivity, and in any case after SESSION_MAX_AGE_S. */
  SESSION_IDLE_TIMEOUT_S: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(60).default(1800),
  ),
  SESSION_MAX_AGE_S: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(60).default(43_200),
  ),
  AGENT_NAME: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().default('screenline-screener'),
  ),
  RESUME_MAX_BYTES: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(5 * 1024 * 1024),
  ),
  RESUME_PARSE_TIMEOUT_MS: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number().int().min(100).max(120_000).default(10_000),
  ),
  /** ISO countries a screen may call (FR-2); the number's country, never its calling code. */
  ALLOWED_COUNTRIES: z.preprocess(
    (v) => (v === '' || v === undefined ? 'US,CA' : v),
    z
      .string()
      .regex(/^[A-Za-z]{2}(\s*,\s*[A-Za-z]{2})*$/, 'comma-separated ISO country codes')
      .transform((v) => v.split(',').map((code) => code.trim().toUpperCase())),
  ),
  /** A simulated call prompts the candidate after this much silence, twice, then ends (typing takes longer than talking). */
  SILENCE_TIMEOUT_S: numberSetting(z.coerce.number().positive().max(600).default(20)),
  /**
   * Web mode: how long a candidate who leaves the screen (a reload, a dropped network) has to come
   * back to it. The agent waits that long, and LiveKit keeps the room a little longer.
   */
  WEB_REJOIN_GRACE_S: numberSetting(
    z.coerce.number().int().min(1).max(600).default(DEFAULT_WEB_REJOIN_GRACE_S),
  ),
  /** The interview closes politely after this long. */
  CALL_MAX_DURATION_S: numberSetting(z.coerce.number().int().min(60).max(7200).default(900)),
  /** How long a simulated call rings before it is answered (dialing, then ringing). */
  SIMULATED_RING_MS: numberSetting(z.coerce.number().int().min(0).max(60_000).default(1500)),
  LLM_MODE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['scripted', 'llm']).default('scripted'),
  ),
  LLM_BASE_URL: optionalString.pipe(z.url().optional()),
  LLM_API_KEY: optionalString,
  LLM_MODEL: optionalString,
  /** FR-4 rate limits on "Call Me Now" (0 turns one off). */
  RATE_LIMIT_PER_IP_PER_HOUR: numberSetting(z.coerce.number().int().min(0).default(5)),
  RATE_LIMIT_PER_NUMBER_PER_10_MIN: numberSetting(z.coerce.number().int().min(0).default(1)),
  RATE_LIMIT_PER_NUMBER_PER_DAY: numberSetting(z.coerce.number().int().min(0).default(3)),
  RATE_LIMIT_PER_PREFIX_PER_HOUR: numberSetting(z.coerce.number().int().min(0).default(10)),
  RATE_LIMIT_GLOBAL_PER_MINUTE: numberSetting(z.coerce.number().int().min(0).default(60)),
  /** Phone mode: how long a dialed phone rings before the attempt counts as no answer. */
  RINGING_TIMEOUT_S: numberSetting(z.coerce.number().int().min(5).max(120).default(30)),
  /** LAW-4: local hours a phone may ring, `HH:MM-HH:MM`; `00:00-24:00` turns the guard off. */
  CALLING_HOURS: z.preprocess(
    (v) => (v === '' || v === undefined ? '09:00-20:00' : v),
    z.string().transform((text, context) => {
      const window = parseCallingHours(text);
      if (window === undefined) {
        context.addIssue({ code: 'custom', message: 'HH:MM-HH:MM, start before end' });
        return z.NEVER;
      }
      return window;
    }),
  ),
  /** FR-6 kill switch: true stops every new dial at once (starts answer 503). */
  DIALING_DISABLED: z.preprocess(
    (v) => (v === '' || v === undefined ? 'false' : v),
    z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  ),
  /** Outbound webhooks may reach loopback and private addresses (a self-hosted ATS); off by default (SSRF). */
  WEBHOOK_ALLOW_PRIVATE_URLS: z.preprocess(
    (v) => (v === '' || v === undefined ? 'false' : v),
    z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  ),
  /** LOAD-2: dials per second per trunk (carriers default to 1). */
  SIP_CALLS_PER_SECOND: numberSetting(z.coerce.number().positive().max(100).default(1)),
  /** Deadline of one LiveKit API request; a dial past it is hung up and retried. */
  LIVEKIT_REQUEST_TIMEOUT_S: numberSetting(z.coerce.number().positive().max(60).default(5)),
  /** Audio recording to an S3-compatible bucket (all four, or none). */
  RECORDING_S3_BUCKET: optionalString,
  RECORDING_S3_REGION: optionalString,
  RECORDING_S3_ACCESS_KEY: optionalString,
  RECORDING_S3_SECRET: optionalString,
  RECORDING_S3_ENDPOINT: optionalString,
  RECORDING_PREFIX: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().default('recordings/'),
  ),
});

export type Env = z.infer<typeof ZEnvSchema> & { mode: Mode };

/** Raised when configuration is invalid; its message is one line naming keys, never values. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses configuration from a plain object (the process environment in production, a literal in tests). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = ZEnvSchema.safeParse(source);
  if (!result.success) {
    const keys = [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
    throw new ConfigError(`Invalid configuration: ${keys.join(', ')} (see .env.example)`);
  }
  const mode = resolveMode(result.data);
  if (!mode.ok) {
    throw new ConfigError(
      `Incomplete LiveKit configuration: missing ${mode.missing.join(', ')}. ` +
        'Set all of LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or none for simulated mode.',
    );
  }
  const recording = [
    'RECORDING_S3_BUCKET',
    'RECORDING_S3_REGION',
    'RECORDING_S3_ACCESS_KEY',
    'RECORDING_S3_SECRET',
  ] as const;
  const missingRecording = recording.filter((key) => result.data[key] === undefined);
  if (missingRecording.length > 0 && missingRecording.length < recording.length) {
    throw new ConfigError(
      `Incomplete recording configuration: missing ${missingRecording.join(', ')}`,
    );
  }
  // The backend holds conversations only in simulated mode; with LiveKit the agent does, and it
  // may take its model from LiveKit Inference, so the endpoint is needed here only when simulated.
  const needsEndpoint = result.data.LLM_MODE === 'llm' && mode.mode === 'simulated';
  if (needsEndpoint && (!result.data.LLM_BASE_URL || !result.data.LLM_MODEL)) {
    throw new ConfigError(
      'LLM_MODE=llm in simulated mode needs LLM_BASE_URL and LLM_MODEL (see .env.example)',
    );
  }
  return { ...result.data, mode: mode.mode };
}

/** Loads `.env` from the working directory or the repository root, when present, without overriding. */
export function loadDotenvFiles(cwd = process.cwd()): void {
  for (const candidate of [path.join(cwd, '.env'), path.join(cwd, '..', '.env')]) {
    if (existsSync(candidate)) {
      loadDotenv({ path: candidate, quiet: true });
      return;
    }
  }
}
