import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from './recruiter-auth.js';
import { firstRunSetupPath } from './first-run-setup.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { TEST_ENGINES } from '../test/test-database.js';

const ADMIN = {
  email: 'owner@example.com',
  name: 'Olive Owner',
  password: 'a long first password',
};

describe.each(TEST_ENGINES)('the first administrator from the setup link (%s)', (engine) => {
  let testApp: TestApp | undefined;
  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  const post = (app: TestApp, payload: Record<string, unknown>) =>
    app.app.inject({ method: 'POST', url: '/api/auth/setup', payload });

  it('a fresh install prints a one-time link; it makes the admin, signs them in, and is spent', async () => {
    testApp = await buildTestApp(engine);
    const path = await firstRunSetupPath(testApp.app);
    expect(path).toMatch(/^\/dashboard\/setup#token=\S{20,}$/);
    const token = path?.split('#token=')[1] ?? '';
    const needed = await testApp.app.inject({ method: 'GET', url: '/api/auth/setup' });
    expect(needed.json()).toEqual({ isNeeded: true });

    const wrong = await post(testApp, { ...ADMIN, token: 'guessed-token' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<{ message: string }>().message).toMatch(/link printed where the server/);
    const short = await post(testApp, { ...ADMIN, password: 'short', token });
    expect(short.statusCode).toBe(400);

    const created = await post(testApp, { ...ADMIN, token });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ user: { email: ADMIN.email, role: 'admin' } });
    const session = created.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
    expect(session?.httpOnly).toBe(true);
    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: session?.value ?? '' },
    });
    expect(me.json()).toMatchObject({ user: { name: ADMIN.name } });

    const again = await post(testApp, { ...ADMIN, email: 'second@example.com', token });
    expect(again.statusCode).toBe(409);
    expect(await firstRunSetupPath(testApp.app)).toBeUndefined();
    expect((await testApp.app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({
      isNeeded: false,
    });
  });

  it('an install with an account (ADMIN_EMAIL) has no setup link at all', async () => {
    testApp = await buildTestApp(engine, {
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
    });
    expect(await firstRunSetupPath(testApp.app)).toBeUndefined();
    const attempt = await post(testApp, { ...ADMIN, token: 'anything-at-all' });
    expect(attempt.statusCode).toBe(409);
  });
});
