import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../auth/recruiter-auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { signInCookies } from '../../test/sign-in.js';
import { TEST_ENGINES } from '../../test/test-database.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };
const PASSWORD = 'a password long enough';

interface AuditView {
  action: string;
  actorId: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

describe.each(TEST_ENGINES)('team accounts and the audit log on %s', (engine) => {
  let testApp: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    testApp = await buildTestApp(engine, { ...ADMIN, PUBLIC_URL: 'https://screen.example.com' });
    admin = await signInCookies(testApp.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const invite = (email: string, role = 'recruiter', cookies = admin) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/team/invitations',
      cookies,
      payload: { email, role },
    });
  const tokenOf = (setupPath: string): string => setupPath.split('#token=')[1] ?? '';
  const accept = (token: string, name = 'Rita Recruiter', password = PASSWORD) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, name, password },
    });
  const auditEntries = async (): Promise<AuditView[]> =>
    (await testApp.app.inject({ method: 'GET', url: '/api/audit', cookies: admin })).json<{
      entries: AuditView[];
    }>().entries;

  let recruiter: Record<string, string>;

  it('invites a recruiter with a one-time link that signs them in, once', async () => {
    const invited = await invite('rita@example.com');
    expect(invited.statusCode).toBe(201);
    const body = invited.json<{
      invitation: { email: string; role: string };
      setupPath: string;
      setupUrl: string;
    }>();
    expect(body.invitation).toMatchObject({ email: 'rita@example.com', role: 'recruiter' });
    expect(body.setupPath).toMatch(/^\/dashboard\/invite#token=/);
    expect(body.setupUrl).toBe(`https://screen.example.com${body.setupPath}`);
    const token = tokenOf(body.setupPath);

    const preview = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/invitation',
      payload: { token },
    });
    expect(preview.json()).toEqual({ email: 'rita@example.com', role: 'recruiter' });

    const tooShort = await accept(token, 'Rita', 'short');
    expect(tooShort.statusCode).toBe(400);
    const joined = await accept(token);
    expect(joined.statusCode).toBe(201);
    expect(joined.json<{ user: { role: string } }>().user.role).toBe('recruiter');
    const session = joined.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '';
    recruiter = { [SESSION_COOKIE]: session };
    const me = await testApp.app.inject({ method: 'GET', url: '/api/auth/me', cookies: recruiter });
    expect(me.json<{ user: { email: string } }>().user.email).toBe('rita@example.com');

    // The link is spent.
    const again = await accept(token, 'Mallory');
    expect(again.statusCode).toBe(404);
    expect(again.json<{ message: string }>().message).toContain('Ask an administrator');
    const team = await testApp.app.inject({ method: 'GET', url: '/api/team', cookies: admin });
    expect(team.json<{ users: { email: string }[] }>().users.map((user) => user.email)).toEqual([
      'admin@example.com',
      'rita@example.com',
    ]);
  });

  it('refuses an expired, withdrawn or unknown link, and an address that has an account', async () => {
    const expired = tokenOf(
      (await invite('late@example.com')).json<{ setupPath: string }>().setupPath,
    );
    await testApp.database.db
      .updateTable('user_invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', 'late@example.com')
      .execute();
    expect((await accept(expired)).statusCode).toBe(404);

    const withdrawnBody = (await invite('gone@example.com')).json<{
      invitation: { id: string };
      setupPath: string;
    }>();
    const withdraw = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/team/invitations/${withdrawnBody.invitation.id}`,
      cookies: admin,
    });
    expect(withdraw.statusCode).toBe(204);
    expect((await accept(tokenOf(withdrawnBody.setupPath))).statusCode).toBe(404);
    expect((await accept('made-up-token')).statusCode).toBe(404);

    const taken = await invite('RITA@example.com');
    expect(taken.statusCode).toBe(409);
    expect((await invite('not an email')).statusCode).toBe(400);
    expect((await invite('x@example.com', 'owner')).statusCode).toBe(400);
    const users = await testApp.database.db.selectFrom('users').select('email').execute();
    expect(users.map((user) => user.email).sort()).toEqual([
      'admin@example.com',
      'rita@example.com',
    ]);
  });

  it('keeps admin routes from a recruiter: 403, and nothing changes', async () => {
    const before = (await testApp.app.inject({ method: 'GET', url: '/api/team', cookies: admin }))
      .body;
    for (const request of [
      { method: 'GET' as const, url: '/api/team' },
      { method: 'GET' as const, url: '/api/audit' },
      {
        method: 'POST' as const,
        url: '/api/team/invitations',
        payload: { email: 'm@example.com', role: 'admin' },
      },
      { method: 'POST' as const, url: '/api/api-keys', payload: { name: 'mine', scope: 'write' } },
      { method: 'GET' as const, url: '/api/webhooks' },
      { method: 'PUT' as const, url: '/api/admin/dialing', payload: { isPaused: true } },
    ]) {
      const response = await testApp.app.inject({ ...request, cookies: recruiter });
      expect(response.statusCode, request.url).toBe(403);
      expect(response.json<{ message: string }>().message).toMatch(/administrator/i);
    }
    const after = (await testApp.app.inject({ method: 'GET', url: '/api/team', cookies: admin }))
      .body;
    expect(after).toBe(before);
    const dialing = await testApp.app.inject({
      method: 'GET',
      url: '/api/admin/dialing',
      cookies: admin,
    });
    expect(dialing.json<{ isPaused: boolean }>().isPaused).toBe(false);
    // A recruiter still does a recruiter's work.
    const list = await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews',
      cookies: recruiter,
    });
    expect(list.statusCode).toBe(200);
  });

  it('changes roles but never leaves the team without an administrator', async () => {
    const team = (
      await testApp.app.inject({ method: 'GET', url: '/api/team', cookies: admin })
    ).json<{
      users: { id: string; email: string }[];
    }>();
    const adminId = team.users.find((user) => user.email === 'admin@example.com')?.id ?? '';
    const ritaId = team.users.find((user) => user.email === 'rita@example.com')?.id ?? '';
    const demoteSelf = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/team/users/${adminId}`,
      cookies: admin,
      payload: { role: 'recruiter' },
    });
    expect(demoteSelf.statusCode).toBe(409);
    const removeSelf = await testApp.app.inject({
      method: 'DELETE',
      url: `/api/team/users/${adminId}`,
      cookies: admin,
    });
    expect(removeSelf.statusCode).toBe(409);

    const promote = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/team/users/${ritaId}`,
      cookies: admin,
      payload: { role: 'admin' },
    });
    expect(promote.statusCode).toBe(200);
    // Takes effect at once: Rita's session now reaches admin routes.
    expect(
      (await testApp.app.inject({ method: 'GET', url: '/api/team', cookies: recruiter }))
        .statusCode,
    ).toBe(200);
    await testApp.app.inject({
      method: 'PATCH',
      url: `/api/team/users/${ritaId}`,
      cookies: admin,
      payload: { role: 'recruiter' },
    });
    const missing = await testApp.app.inject({
      method: 'PATCH',
      url: '/api/team/users/00000000-0000-4000-8000-000000000000',
      cookies: admin,
      payload: { role: 'admin' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('audits sign-ins, failures, exports, decisions and job edits with ids only', async () => {
    await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'rita@example.com', password: 'wrong password here' },
    });
    const interviewId = await insertInterview(testApp.database.db, {
      name: 'Ada Lovelace',
      status: 'evaluated',
      score: 4,
      createdAt: '2026-11-02T10:00:00.000Z',
    });
    await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/decision`,
      cookies: recruiter,
      payload: { decision: 'advance' },
    });
    await testApp.app.inject({
      method: 'GET',
      url: '/api/interviews/export.csv',
      cookies: recruiter,
    });
    const job = await testApp.database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
    await testApp.app.inject({
      method: 'PATCH',
      url: `/api/jobs/${job.id}`,
      cookies: recruiter,
      payload: { title: 'Senior Backend Engineer (Payments)' },
    });

    const entries = await auditEntries();
    const actions = entries.map((entry) => entry.action);
    for (const action of [
      'auth.signed_in',
      'auth.sign_in_failed',
      'team.invited',
      'team.joined',
      'team.invitation_revoked',
      'team.role_changed',
      'interview.decided',
      'interviews.exported',
      'job.updated',
    ]) {
      expect(actions).toContain(action);
    }
    expect(entries.find((entry) => entry.action === 'interview.decided')).toMatchObject({
      targetId: interviewId,
      details: { decision: 'advance' },
    });
    const text = JSON.stringify(entries);
    for (const personal of [
      'Ada Lovelace',
      '@example.com',
      '+1213',
      'Payments',
      'wrong password',
    ]) {
      expect(text).not.toContain(personal);
    }
  });
});
