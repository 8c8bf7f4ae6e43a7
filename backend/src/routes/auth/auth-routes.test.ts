import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../auth/recruiter-auth.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { TEST_ENGINES } from '../../test/test-database.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

interface InjectedCookie {
  name: string;
  value: string;
  httpOnly?: boolean;
  sameSite?: string;
  secure?: boolean;
  maxAge?: number;
}

describe.each(TEST_ENGINES)('recruiter auth on %s', (engine) => {
  let testApp: TestApp;
  let ipCounter = 0;
  /** Each test signs in from its own address, so the per-IP throttle of one test leaves the others alone. */
  const nextIp = (): string => `10.0.0.${++ipCounter}`;

  const signIn = (email: string, password: string, ip: string, cookie?: string) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password },
      remoteAddress: ip,
      ...(cookie !== undefined && { cookies: { [SESSION_COOKIE]: cookie } }),
    });
  const sessionCookie = (cookies: InjectedCookie[]): InjectedCookie | undefined =>
    cookies.find((cookie) => cookie.name === SESSION_COOKIE);

  beforeAll(async () => {
    testApp = await buildTestApp(engine, {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('signs in the first admin with an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await signIn('Admin@Example.com', ADMIN.password, nextIp());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { email: ADMIN.email, role: 'admin' } });
    const cookie = sessionCookie(response.cookies);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookie?.secure).toBeFalsy();
    expect(response.body).not.toContain('password');

    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: cookie?.value ?? '' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: ADMIN.email } });
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const unknown = await signIn('nobody@example.com', ADMIN.password, nextIp());
    const wrong = await signIn(ADMIN.email, 'not the password', nextIp());
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('refuses the cookie after sign-out (server-side invalidation)', async () => {
    const signedIn = await signIn(ADMIN.email, ADMIN.password, nextIp());
    const token = sessionCookie(signedIn.cookies)?.value ?? '';
    const signOut = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(signOut.statusCode).toBe(204);
    expect(sessionCookie(signOut.cookies)?.value).toBe('');

    const replayedMe = await testApp.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(replayedMe.statusCode).toBe(401);
    const replayedWrite = await testApp.app.inject({
      method: 'POST',
      url: '/api/jobs',
      cookies: { [SESSION_COOKIE]: token },
      payload: { title: 'Replayed', company: 'Nobody' },
    });
    expect(replayedWrite.statusCode).toBe(401);
  });

  it('issues a new session id at each sign-in and ends the one the browser had', async () => {
    const first = await signIn(ADMIN.email, ADMIN.password, nextIp());
    const firstToken = sessionCookie(first.cookies)?.value ?? '';
    const second = await signIn(ADMIN.email, ADMIN.password, nextIp(), firstToken);
    const secondToken = sessionCookie(second.cookies)?.value ?? '';
    expect(secondToken).not.toBe('');
    expect(secondToken).not.toBe(firstToken);
    const old = await testApp.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: firstToken },
    });
    expect(old.statusCode).toBe(401);
  });

  it('throttles 30 wrong passwords for one account: 5 failures, then 429 with Retry-After, 0 successes', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    // A different address for every attempt: the per-account limit must hold on its own.
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const response = await signIn(ADMIN.email, `wrong password ${attempt}`, nextIp());
      statuses.push(response.statusCode);
      if (response.statusCode === 429) retryAfter ??= String(response.headers['retry-after']);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(0);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(15 * 60);

    // The right password does not get through while the account is throttled.
    const correct = await signIn(ADMIN.email, ADMIN.password, nextIp());
    expect(correct.statusCode).toBe(429);
    expect(correct.json<{ message: string }>().message).toMatch(/Too many failed sign-ins/);
  });

  it('holds the limit against 30 guesses sent at once: 5 checked, 25 refused', async () => {
    const guesses = Array.from({ length: 30 }, (_, attempt) =>
      signIn('parallel-target@example.com', `guess ${attempt}`, nextIp()),
    );
    const statuses = (await Promise.all(guesses)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  });

  it('throttles one address guessing many accounts', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await signIn(`guess${attempt}@example.com`, 'whatever', ip)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });
});

describe('client addresses behind one proxy (TRUST_PROXY=1)', () => {
  it('a forged left-most X-Forwarded-For entry does not dodge the per-address throttle', async () => {
    const testApp = await buildTestApp('pglite', { TRUST_PROXY: '1' });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 7; attempt += 1) {
        const response = await testApp.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: `someone${attempt}@example.com`, password: 'whatever' },
          remoteAddress: '10.1.1.1',
          // The client wrote the first entry; our proxy appended the address it saw.
          headers: { 'x-forwarded-for': `203.0.113.${attempt}, 198.51.100.77` },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    } finally {
      await testApp.close();
    }
  });
});

describe('session cookie behind TLS', () => {
  it('is Secure when the request came over https through a trusted proxy', async () => {
    const testApp = await buildTestApp('pglite', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUST_PROXY: 'true',
    });
    try {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
        payload: ADMIN,
      });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await testApp.close();
    }
  });
});
