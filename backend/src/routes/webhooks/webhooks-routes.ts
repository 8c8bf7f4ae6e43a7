import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RECRUITER_SECURITY, recruiterOf, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { Database } from '../../db/schema.js';
import {
  assertWebhookUrlAllowed,
  type HostResolver,
  type WebhookUrlPolicy,
} from '../../webhooks/url-guard.js';
import { WebhookEndpointsRepository } from '../../webhooks/webhook-endpoints-repository.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/webhook-events.js';

export interface WebhooksRoutesOptions {
  db: Kysely<Database>;
  auth: RecruiterAuth;
  policy: WebhookUrlPolicy;
  resolver: HostResolver;
}

const ZWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  includeTranscript: z.boolean(),
  includeResumeText: z.boolean(),
  createdAt: z.string(),
  failingSince: z.string().nullable(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
});

const ZCreateWebhookRequest = z
  .object({
    url: z.string().trim().min(1, 'Enter the URL that receives the events.').max(2000),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `use one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
      .min(1, 'Choose at least one event.')
      .max(WEBHOOK_EVENT_TYPES.length),
    /** Off by default: the transcript is the candidate's words, sent only when the ATS needs them. */
    includeTranscript: z.boolean().optional(),
    includeResumeText: z.boolean().optional(),
  })
  .strict();

const ZIdParams = z.object({ id: z.string().min(1).max(100) });

const ZAttempt = z.object({
  id: z.string(),
  deliveryId: z.string(),
  eventType: z.string(),
  attempt: z.number(),
  httpStatus: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
  createdAt: z.string(),
});

const notFound = (): AppError =>
  new AppError('NOT_FOUND', { message: 'This webhook endpoint does not exist (any more).' });

/** Webhook endpoints for an ATS: administrators only. */
export const webhooksRoutes: FastifyPluginAsyncZod<WebhooksRoutesOptions> = async (
  app,
  { db, auth, policy, resolver },
) => {
  const endpoints = new WebhookEndpointsRepository(db);
  app.addHook('onRequest', auth.requireAdmin);

  app.post(
    '/api/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Adds a webhook endpoint; the signing secret (whsec_...) is shown in this answer only',
        security: RECRUITER_SECURITY,
        body: ZCreateWebhookRequest,
        response: { 201: z.object({ webhook: ZWebhookEndpoint, secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const url = await assertWebhookUrlAllowed(request.body.url, policy, resolver);
      const events = [...new Set(request.body.events)];
      const created = await endpoints.create({
        url: url.toString(),
        events,
        includeTranscript: request.body.includeTranscript ?? false,
        includeResumeText: request.body.includeResumeText ?? false,
        createdBy: recruiterOf(request).id,
      });
      await auth.recordAudit(request, {
        action: 'webhook.created',
        targetType: 'webhook',
        targetId: created.endpoint.id,
        details: { events: events.join(',') },
      });
      request.log.info({ endpointId: created.endpoint.id, events }, 'webhook endpoint added');
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({ webhook: created.endpoint, secret: created.secret });
    },
  );

  app.get(
    '/api/webhooks',
    {
      schema: {
        tags: ['admin'],
        summary: 'Webhook endpoints, with whether each is failing or disabled',
        security: RECRUITER_SECURITY,
        response: { 200: z.object({ webhooks: z.array(ZWebhookEndpoint) }) },
      },
    },
    async () => ({ webhooks: await endpoints.list() }),
  );

  app.delete(
    '/api/webhooks/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Removes a webhook endpoint; deliveries still queued for it are dropped',
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await endpoints.delete(request.params.id))) throw notFound();
      await auth.recordAudit(request, {
        action: 'webhook.deleted',
        targetType: 'webhook',
        targetId: request.params.id,
      });
      request.log.info({ endpointId: request.params.id }, 'webhook endpoint removed');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/webhooks/:id/enable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Turns a disabled endpoint back on (new events only)',
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        response: { 200: z.object({ webhook: ZWebhookEndpoint }) },
      },
    },
    async (request) => {
      const endpoint = await endpoints.enable(request.params.id);
      if (endpoint === undefined) throw notFound();
      await auth.recordAudit(request, {
        action: 'webhook.enabled',
        targetType: 'webhook',
        targetId: endpoint.id,
      });
      return { webhook: endpoint };
    },
  );

  app.get(
    '/api/webhooks/:id/attempts',
    {
      schema: {
        tags: ['admin'],
        summary: "The endpoint's latest delivery attempts with their HTTP status",
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.object({ attempts: z.array(ZAttempt) }) },
      },
    },
    async (request) => {
      if ((await endpoints.find(request.params.id)) === undefined) throw notFound();
      return { attempts: await endpoints.attempts(request.params.id, request.query.limit) };
    },
  );
};
