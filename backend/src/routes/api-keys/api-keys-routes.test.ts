import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsersRepository } from '../../auth/users-repository.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { createAndSignIn, signInCookies } from '../../test/sign-in.js';
import { TEST_ENGINES } from '../../test/test-database.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };

interface ApiKeyView {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

describe.each(TEST_ENGINES)('API keys on %s', (engine) => {
  let testApp: TestApp;
  let admin: Record<string, string>;
  let interviewId: string;
  beforeAll(async () => {
    testApp = await buildTestApp(engine, ADMIN);
    admin = await signInCookies(testApp.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    interviewId = await insertInterview(testApp.database.db, {
      name: 'Ada Lovelace',
      status: 'evaluated',
      score: 4.2,
      createdAt: '2026-11-02T10:00:00.000Z',
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const createKey = async (payload: object) =>
    testApp.app.inject({ method: 'POST', url: '/api/api-keys', cookies: admin, payload });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const decisionOf = async () =>
    await testApp.database.db
      .selectFrom('interviews')
      .select(['decision', 'decided_by'])
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();

  it('reads with a read key, writes with a write key, and refuses a read key a write', async () => {
    const readResponse = await createKey({ name: 'ATS reader', scope: 'read' });
    expect(readResponse.statusCode).toBe(201);
    const read = readResponse.json<{ apiKey: ApiKeyView; key: string }>();
    expect(read.key).toMatch(/^sk_[A-Za-z0-9_-]{40,}$/);
    expect(read.apiKey).toMatchObject({ name: 'ATS reader', scope: 'read', lastUsedAt: null });
    expect(read.key.startsWith(read.apiKey.prefix)).toBe(true);

    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews',
      headers: bearer(read.key),
    });
    expect(list.statusCode).toBe(200);
    expect(
      list.json<{ interviews: { id: string }[] }>().interviews.map((item) => item.id),
    ).toContain(interviewId);
    const review = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${interviewId}/review`,
      headers: bearer(read.key),
    });
    expect(review.statusCode).toBe(200);
    const csv = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews/export.csv',
      headers: bearer(read.key),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Ada Lovelace');

    const refused = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/decision`,
      headers: bearer(read.key),
      payload: { decision: 'advance' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain('write scope');
    expect((await decisionOf()).decision).toBeNull();

    const write = (await createKey({ name: 'ATS writer', scope: 'write' })).json<{
      apiKey: ApiKeyView;
      key: string;
    }>();
    const decided = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/decision`,
      headers: bearer(write.key),
      payload: { decision: 'advance' },
    });
    expect(decided.statusCode).toBe(200);
    const noted = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/notes`,
      headers: bearer(write.key),
      payload: { text: 'Moved to the onsite stage in the ATS.' },
    });
    expect(noted.statusCode).toBe(201);
    const adminId = (
      await testApp.database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', ADMIN.ADMIN_EMAIL)
        .executeTakeFirstOrThrow()
    ).id;
    expect(await decisionOf()).toEqual({ decision: 'advance', decided_by: adminId });

    // The list shows each key's last use and never a key.
    const keys = await testApp.app.inject({ method: 'GET', url: '/api/api-keys', cookies: admin });
    expect(keys.body).not.toContain(read.key);
    expect(keys.body).not.toContain(write.key);
    const listed = keys.json<{ apiKeys: ApiKeyView[] }>().apiKeys;
    expect(listed.find((key) => key.id === read.apiKey.id)?.lastUsedAt).not.toBeNull();
  });

  it('refuses a revoked or unknown key with a 401, and changes nothing', async () => {
    const { apiKey, key } = (await createKey({ name: 'Old ATS', scope: 'write' })).json<{
      apiKey: ApiKeyView;
      key: string;
    }>();
    const revoked = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${apiKey.id}`,
      cookies: admin,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<{ apiKey: ApiKeyView }>().apiKey.revokedAt).not.toBeNull();
    const before = await decisionOf();
    for (const presented of [key, 'sk_not-a-real-key', `${key}x`]) {
      const read = await testApp.app.inject({
        method: 'GET',
        url: '/api/interviews',
        headers: bearer(presented),
      });
      expect(read.statusCode).toBe(401);
      expect(read.json<{ message: string }>().message).toContain('API key');
      const write = await testApp.app.inject({
        method: 'POST',
        url: `/api/interviews/${interviewId}/decision`,
        headers: bearer(presented),
        payload: { decision: 'reject' },
      });
      expect(write.statusCode).toBe(401);
    }
    expect(await decisionOf()).toEqual(before);
    const missing = await testApp.app.inject({
      method: 'DELETE',
      url: '/api/api-keys/00000000-0000-4000-8000-000000000000',
      cookies: admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('keeps key management to administrators and never takes a key for it', async () => {
    const { key } = (await createKey({ name: 'Sneaky', scope: 'write' })).json<{ key: string }>();
    const withKey = await testApp.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: bearer(key),
      payload: { name: 'Another', scope: 'write' },
    });
    expect(withKey.statusCode).toBe(401);
    const webhooksWithKey = await testApp.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      headers: bearer(key),
    });
    expect(webhooksWithKey.statusCode).toBe(401);

    const recruiter = await createAndSignIn(testApp.app, new UsersRepository(testApp.database.db), {
      email: 'recruiter@example.com',
      role: 'recruiter',
    });
    const count = async () =>
      (await testApp.app.inject({ method: 'GET', url: '/api/api-keys', cookies: admin })).json<{
        apiKeys: unknown[];
      }>().apiKeys.length;
    const before = await count();
    const forbidden = await testApp.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      cookies: recruiter,
      payload: { name: 'Mine', scope: 'read' },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it.each([
    [{ name: '', scope: 'read' }, 'name'],
    [{ name: 'ATS', scope: 'admin' }, 'scope'],
    [{ name: 'ATS' }, 'scope'],
    [{ name: 'ATS', scope: 'read', extra: true }, 'extra'],
  ])('answers 400 to %j', async (payload, field) => {
    const response = await createKey(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain(field);
  });

  it('documents Bearer keys in the OpenAPI document', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      components: { securitySchemes: Record<string, { scheme?: string }> };
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    }>();
    expect(document.components.securitySchemes.apiKey?.scheme).toBe('bearer');
    const security = document.paths['/api/interviews']?.get?.security ?? [];
    expect(security.some((requirement) => 'apiKey' in requirement)).toBe(true);
    expect(document.paths['/api/api-keys']?.post).toBeDefined();
  });
});
