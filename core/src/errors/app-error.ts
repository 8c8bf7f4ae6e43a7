/**
 * Error codes the product can answer with. Each maps to one HTTP status in `httpStatusForCode`.
 * Expected call outcomes (busy, no answer...) are values, not errors: they never appear here.
 */
export const APP_ERROR_CODES = {
  /** The request body, query or params failed validation. */
  VALIDATION_FAILED: 400,
  /** A caller needs to sign in (no session or candidate token, or an expired one). */
  UNAUTHORIZED: 401,
  /** The caller is known but may not do this. */
  FORBIDDEN: 403,
  /** The resource does not exist, or the caller may not know that it does. */
  NOT_FOUND: 404,
  /** The request conflicts with the current state (an active call already exists, a closed job...). */
  CONFLICT: 409,
  /** The uploaded file is larger than the configured limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** The uploaded file is not a type we accept. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The input is well formed but cannot be processed (an encrypted PDF, an image-only scan...). */
  UNPROCESSABLE: 422,
  /** Too many requests: the answer carries Retry-After. */
  RATE_LIMITED: 429,
  /** Something failed on our side; the message is generic, the log has the cause. */
  INTERNAL: 500,
  /** A dependency (database, LiveKit) is unavailable. */
  SERVICE_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

/** The HTTP status for an error code. */
export function httpStatusForCode(code: AppErrorCode): number {
  return APP_ERROR_CODES[code];
}

export interface AppErrorOptions {
  /** Message for the person on the other side: what went wrong and what to do. */
  message: string;
  /** Extra fields returned beside code and message (for example the invalid fields). */
  details?: Record<string, unknown>;
  /** Seconds after which a rate-limited caller may try again. */
  retryAfterS?: number;
  cause?: unknown;
}

/** The one error type the product throws on purpose. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfterS: number | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.retryAfterS = options.retryAfterS;
  }

  get httpStatus(): number {
    return httpStatusForCode(this.code);
  }
}

/** True for an AppError, including one from another copy of this module. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === 'AppError');
}
