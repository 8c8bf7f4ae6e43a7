import type { FastifyServerOptions } from 'fastify';

/**
 * Personal data goes in log lines only under a `pii` key, which is redacted in production.
 * Credentials (cookies, authorization headers, `?token=` on the SSE route) are never logged.
 */
export function loggerOptions(options: {
  level: string;
  production: boolean;
  pretty: boolean;
}): Exclude<FastifyServerOptions['logger'], undefined> {
  if (options.level === 'silent') return false;
  const redact = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  if (options.production) redact.push('pii', '*.pii');
  return {
    level: options.level,
    redact: { paths: redact, censor: '[redacted]' },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: stripSecretsFromUrl(request.url),
      }),
    },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/** Removes the values of query parameters that carry credentials. */
export function stripSecretsFromUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token)=)[^&#]*/gi, '$1[redacted]');
}
