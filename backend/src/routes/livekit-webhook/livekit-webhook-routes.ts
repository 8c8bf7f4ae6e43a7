import { AppError } from '@screenline/core';
import type { FastifyPluginAsync } from 'fastify';
import type { WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { z } from 'zod';

export interface LiveKitWebhookRoutesOptions {
  receiver: Pick<WebhookReceiver, 'receive'>;
  handle: (event: WebhookEvent) => Promise<{ result: string }>;
}

/**
 * `POST /api/livekit/webhook`: LiveKit's signed events (LK-1). The body stays a string, because the
 * signature covers the exact bytes; re-serialised JSON would not verify.
 */
export const liveKitWebhookRoutes: FastifyPluginAsync<LiveKitWebhookRoutesOptions> = async (
  app,
  options,
) => {
  app.addContentTypeParser(
    'application/webhook+json',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/livekit/webhook',
    {
      schema: {
        description: 'LiveKit webhooks (signed JWT in Authorization, sha256 of the raw body).',
        tags: ['livekit'],
        response: { 200: z.object({ result: z.string() }) },
      },
    },
    async (request) => {
      const raw = typeof request.body === 'string' ? request.body : undefined;
      if (raw === undefined) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: 'Send LiveKit webhooks as application/webhook+json.',
        });
      }
      // LiveKit sends the token bare; tolerate a "Bearer " prefix from a proxy or a test tool.
      const authorization = request.headers.authorization?.replace(/^Bearer\s+/i, '');
      let event: WebhookEvent;
      try {
        event = await options.receiver.receive(raw, authorization);
      } catch (error) {
        request.log.warn({ err: error }, 'rejected a LiveKit webhook');
        throw new AppError('UNAUTHORIZED', { message: 'The webhook signature does not verify.' });
      }
      const { result } = await options.handle(event);
      request.log.info({ event: event.event, id: event.id, result }, 'LiveKit webhook');
      return { result };
    },
  );
};
