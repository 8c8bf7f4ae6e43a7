/** Twirp error codes the emulator answers with, and the HTTP status Twirp pairs with each. */
export const TWIRP_HTTP_STATUS = {
  invalid_argument: 400,
  malformed: 400,
  bad_route: 404,
  not_found: 404,
  unauthenticated: 401,
  permission_denied: 403,
  already_exists: 409,
  resource_exhausted: 429,
  failed_precondition: 412,
  deadline_exceeded: 408,
  internal: 500,
  unavailable: 503,
} as const;

export type TwirpCode = keyof typeof TWIRP_HTTP_STATUS;

/** A Twirp error the request handler throws; the server turns it into `{ code, msg, meta }`. */
export class TwirpFailure extends Error {
  constructor(
    readonly code: TwirpCode,
    message: string,
    readonly meta: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'TwirpFailure';
  }

  get httpStatus(): number {
    return TWIRP_HTTP_STATUS[this.code];
  }

  toBody(): string {
    return JSON.stringify({ code: this.code, msg: this.message, meta: this.meta });
  }
}
