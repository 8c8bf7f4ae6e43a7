import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { TEST_ENGINES } from '../test/test-database.js';

/**
 * Routes that anyone may call: the candidate's side and the system's. Every other route in the
 * OpenAPI document must refuse a caller without a session (WEB-3). A new public route belongs here,
 * on purpose and reviewed, never by accident.
 */
const PUBLIC_OPERATIONS = new Set([
  'GET /api/health',
  'GET /api/jobs',
  'GET /api/jobs/{id}',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/resumes',
  'POST /api/interview/start-phone-screen',
]);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SOME_UUID = '00000000-0000-4000-8000-000000000000';

describe.each(TEST_ENGINES)('every recruiter route needs a session (WEB-3) on %s', (engine) => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp(engine, {
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
    });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers 401 to each non-public operation of the OpenAPI document without a session', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
    }>();
    const checked: string[] = [];
    const open: string[] = [];
    for (const [pathTemplate, operations] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        if (operations[method] === undefined) continue;
        const operation = `${method.toUpperCase()} ${pathTemplate}`;
        if (PUBLIC_OPERATIONS.has(operation)) continue;
        const url = pathTemplate.replaceAll(/\{[^}]+\}/g, SOME_UUID);
        const response = await testApp.app.inject({
          method: method.toUpperCase() as Uppercase<(typeof METHODS)[number]>,
          url,
          ...(method !== 'get' && method !== 'delete' && { payload: {} }),
        });
        checked.push(operation);
        if (response.statusCode !== 401) open.push(`${operation} → ${response.statusCode}`);
      }
    }
    // The figure: routes open without a session.
    expect(open).toEqual([]);
    expect(checked).toEqual(
      expect.arrayContaining(['GET /api/auth/me', 'POST /api/jobs', 'PATCH /api/jobs/{id}']),
    );
  });

  it('keeps closed jobs and the full list to recruiters', async () => {
    const all = await testApp.app.inject({ method: 'GET', url: '/api/jobs?scope=all' });
    expect(all.statusCode).toBe(401);
  });
});
