import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECRUITER_SECURITY, recruiterOf, type RecruiterAuth } from '../../auth/recruiter-auth.js';

export interface ApiKeysRoutesOptions {
  auth: RecruiterAuth;
}

const ZApiKeyScope = z.enum(['read', 'write'], {
  error: 'scope must be read (list, read, export) or write (also decisions and notes)',
});

const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  scope: ZApiKeyScope,
  /** The key's first characters, to tell keys apart; the key itself is never shown again. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const ZCreateApiKeyRequest = z
  .object({
    name: z.string().trim().min(1, 'Name the key after the system that will use it.').max(100),
    scope: ZApiKeyScope,
  })
  .strict();

/** API keys for machine access to the recruiter API: administrators only. */
export const apiKeysRoutes: FastifyPluginAsyncZod<ApiKeysRoutesOptions> = async (app, { auth }) => {
  app.addHook('onRequest', auth.requireAdmin);

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Makes an API key (sk_...); the key is in this answer only',
        security: RECRUITER_SECURITY,
        body: ZCreateApiKeyRequest,
        response: { 201: z.object({ apiKey: ZApiKey, key: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await auth.apiKeys.create({
        ...request.body,
        createdBy: recruiterOf(request).id,
      });
      await auth.recordAudit(request, {
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: created.apiKey.id,
        details: { scope: created.apiKey.scope },
      });
      request.log.info(
        { apiKeyId: created.apiKey.id, scope: created.apiKey.scope },
        'api key created',
      );
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'API keys with their scope and last use (never the keys)',
        security: RECRUITER_SECURITY,
        response: { 200: z.object({ apiKeys: z.array(ZApiKey) }) },
      },
    },
    async () => ({ apiKeys: await auth.apiKeys.list() }),
  );

  app.delete(
    '/api/api-keys/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revokes an API key: it stops working at once',
        security: RECRUITER_SECURITY,
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: z.object({ apiKey: ZApiKey }) },
      },
    },
    async (request) => {
      const apiKey = await auth.apiKeys.revoke(request.params.id);
      if (apiKey === undefined) {
        throw new AppError('NOT_FOUND', { message: 'This API key does not exist.' });
      }
      await auth.recordAudit(request, {
        action: 'api_key.revoked',
        targetType: 'api_key',
        targetId: apiKey.id,
      });
      request.log.info({ apiKeyId: apiKey.id }, 'api key revoked');
      return { apiKey };
    },
  );
};
