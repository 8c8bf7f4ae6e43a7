import type { ServerResponse } from 'node:http';

/** The error body OpenAI's API answers with, so clients surface it the way they would in production. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** A refusal with its HTTP status, in OpenAI's shape. */
export class OpenAiError extends Error {
  override name = 'OpenAiError';
  readonly status: number;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;

  constructor(
    status: number,
    message: string,
    options: { type?: string; param?: string | null; code?: string | null } = {},
  ) {
    super(message);
    this.status = status;
    this.type = options.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
    this.param = options.param ?? null;
    this.code = options.code ?? null;
  }

  get body(): OpenAiErrorBody {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}

/** A 400 naming the parameter at fault. */
export function invalidParameter(
  param: string,
  message: string,
  code: string | null = null,
): OpenAiError {
  return new OpenAiError(400, message, { param, code });
}

/** A 404 for a model this server does not serve, as OpenAI words it. */
export function unknownModel(model: string): OpenAiError {
  return new OpenAiError(
    404,
    `The model \`${model}\` does not exist or you do not have access to it.`,
    {
      code: 'model_not_found',
    },
  );
}

/** Writes a JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Writes an OpenAI-shaped error. */
export function sendError(response: ServerResponse, error: OpenAiError): void {
  sendJson(response, error.status, error.body);
}
