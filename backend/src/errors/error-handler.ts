import { isAppError } from '@screenline/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

interface ErrorBody {
  code: string;
  message: string;
  [key: string]: unknown;
}

/**
 * The one place errors become HTTP answers: 4xx bodies say what went wrong and what to do,
 * 5xx bodies are generic and the cause goes to the log.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      if (error.retryAfterS !== undefined)
        void reply.header('retry-after', String(error.retryAfterS));
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        ...(error.details ?? {}),
      };
      if (error.httpStatus >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(error.httpStatus).send(body);
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        field: [error.validationContext, issue.instancePath.replace(/^\//, '').replaceAll('/', '.')]
          .filter(Boolean)
          .join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: `The request is invalid. ${summary}`,
        fields,
      } satisfies ErrorBody);
    }

    // Fastify's own client errors (bad JSON, body too large, wrong content type) carry a 4xx status.
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        code: clientErrorCode(status),
        message: clientErrorMessage(error, status),
      } satisfies ErrorBody);
    }

    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      code: 'INTERNAL',
      message: 'Something went wrong on our side. Please try again in a moment.',
    } satisfies ErrorBody);
  });
}

function clientErrorCode(status: number): string {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'VALIDATION_FAILED';
  }
}

function clientErrorMessage(error: FastifyError, status: number): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return 'This content type is not accepted here. Send JSON (Content-Type: application/json).';
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return 'The request body is empty. Send a JSON object.';
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return 'The request body is not valid JSON.';
  }
  if (status === 413) return 'The request body is too large.';
  return error.message;
}
