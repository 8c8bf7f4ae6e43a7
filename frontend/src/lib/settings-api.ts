import { z } from 'zod';
import { requestJson } from './api';

/** The webhook events an endpoint can subscribe to (the backend's list). */
export const WEBHOOK_EVENTS = [
  'interview.completed',
  'interview.evaluated',
  'interview.ended',
  'decision.made',
] as const;

const ZWebhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  includeTranscript: z.boolean(),
  includeResumeText: z.boolean(),
  createdAt: z.string(),
  failingSince: z.string().nullable(),
  disabledAt: z.string().nullable(),
  disabledReason: z.string().nullable(),
});
export type Webhook = z.infer<typeof ZWebhook>;

const ZWebhookAttempt = z.object({
  id: z.string(),
  eventType: z.string(),
  attempt: z.number(),
  httpStatus: z.number().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
  createdAt: z.string(),
});
export type WebhookAttempt = z.infer<typeof ZWebhookAttempt>;

const ZApiKey = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['read', 'write']),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ZApiKey>;

const ZRole = z.enum(['admin', 'recruiter']);
export type Role = z.infer<typeof ZRole>;
const ZMember = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.string(),
});
export type Member = z.infer<typeof ZMember>;
const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof ZInvitation>;

const ZAuditEntry = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

const jsonBody = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The administrator's Settings page: webhooks, API keys, the team and the audit log. */
export const settingsApi = {
  listWebhooks: async (): Promise<Webhook[]> =>
    (await requestJson('/api/webhooks', z.object({ webhooks: z.array(ZWebhook) }))).webhooks,
  addWebhook: (input: {
    url: string;
    events: string[];
    includeTranscript: boolean;
  }): Promise<{ webhook: Webhook; secret: string }> =>
    requestJson(
      '/api/webhooks',
      z.object({ webhook: ZWebhook, secret: z.string() }),
      jsonBody('POST', input),
    ),
  removeWebhook: async (id: string): Promise<void> => {
    await requestJson(`/api/webhooks/${encodeURIComponent(id)}`, z.unknown(), {
      method: 'DELETE',
    });
  },
  enableWebhook: async (id: string): Promise<void> => {
    await requestJson(`/api/webhooks/${encodeURIComponent(id)}/enable`, z.unknown(), {
      method: 'POST',
    });
  },
  webhookAttempts: async (id: string): Promise<WebhookAttempt[]> =>
    (
      await requestJson(
        `/api/webhooks/${encodeURIComponent(id)}/attempts?limit=20`,
        z.object({ attempts: z.array(ZWebhookAttempt) }),
      )
    ).attempts,
  listApiKeys: async (): Promise<ApiKey[]> =>
    (await requestJson('/api/api-keys', z.object({ apiKeys: z.array(ZApiKey) }))).apiKeys,
  createApiKey: (input: { name: string; scope: 'read' | 'write' }) =>
    requestJson(
      '/api/api-keys',
      z.object({ apiKey: ZApiKey, key: z.string() }),
      jsonBody('POST', input),
    ),
  revokeApiKey: async (id: string): Promise<void> => {
    await requestJson(`/api/api-keys/${encodeURIComponent(id)}`, z.unknown(), {
      method: 'DELETE',
    });
  },
  team: () =>
    requestJson(
      '/api/team',
      z.object({ users: z.array(ZMember), invitations: z.array(ZInvitation) }),
    ),
  invite: (input: { email: string; role: Role }) =>
    requestJson(
      '/api/team/invitations',
      z.object({ invitation: ZInvitation, setupPath: z.string(), setupUrl: z.string().nullable() }),
      jsonBody('POST', input),
    ),
  setRole: async (id: string, role: Role): Promise<void> => {
    await requestJson(
      `/api/team/users/${encodeURIComponent(id)}`,
      z.unknown(),
      jsonBody('PATCH', { role }),
    );
  },
  removeMember: async (id: string): Promise<void> => {
    await requestJson(`/api/team/users/${encodeURIComponent(id)}`, z.unknown(), {
      method: 'DELETE',
    });
  },
  audit: async (): Promise<AuditEntry[]> =>
    (await requestJson('/api/audit?limit=50', z.object({ entries: z.array(ZAuditEntry) }))).entries,
  invitation: (token: string) =>
    requestJson(
      '/api/auth/invitation',
      z.object({ email: z.string(), role: ZRole }),
      jsonBody('POST', { token }),
    ),
  acceptInvitation: (input: { token: string; name: string; password: string }) =>
    requestJson(
      '/api/auth/invitation/accept',
      z.object({
        user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: ZRole }),
      }),
      jsonBody('POST', input),
    ),
};
