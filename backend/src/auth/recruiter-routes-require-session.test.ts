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
  // Says only whether a fresh install awaits its first admin; making one needs the one-time token.
  'GET /api/auth/setup',
  'POST /api/auth/setup',
  // An invitation's one-time token is the credential: what it is for, and the account it makes.
  'POST /api/auth/invitation',
  'POST /api/auth/invitation/accept',
  'POST /api/resumes',
  'POST /api/interview/start-phone-screen',
]);

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const SOME_UUID = '00000000-0000-4000-8000-000000000000';

interface Operation {
  security?: Record<string, unknown>[];
}

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

  it('answers 401 to every recruiter operation of the OpenAPI document without a session', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
    }>();
    const recruiterOperations: string[] = [];
    const open: string[] = [];
    for (const [pathTemplate, operations] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = operations[method];
        if (operation === undefined) continue;
        const name = `${method.toUpperCase()} ${pathTemplate}`;
        if (PUBLIC_OPERATIONS.has(name)) continue;
        const isRecruiterOnly = (operation.security ?? []).some(
          (requirement) => 'recruiterSession' in requirement,
        );
        const response = await testApp.app.inject({
          method: method.toUpperCase() as Uppercase<(typeof METHODS)[number]>,
          url: pathTemplate.replaceAll(/\{[^}]+\}/g, SOME_UUID),
          ...(method !== 'get' && method !== 'delete' && { payload: {} }),
        });
        if (isRecruiterOnly) {
          recruiterOperations.push(name);
          // Recruiter routes check the session before anything else, so the answer is always 401.
          if (response.statusCode !== 401) open.push(`${name} → ${response.statusCode}`);
        } else if (response.statusCode < 400) {
          // Candidate-token and service routes may refuse an empty body first, but never succeed.
          open.push(`${name} → ${response.statusCode}`);
        }
      }
    }
    // The figure: routes open without a session.
    expect(open).toEqual([]);
    expect(recruiterOperations).toEqual(
      expect.arrayContaining([
        'GET /api/auth/me',
        'POST /api/jobs',
        'PATCH /api/jobs/{id}',
        'GET /api/interviews',
        'GET /api/interviews/export.csv',
        'GET /api/interviews/{id}/review',
        'POST /api/interviews/{id}/decision',
        'POST /api/interviews/{id}/notes',
      ]),
    );
  });

  it('keeps closed jobs and the full list to recruiters', async () => {
    const all = await testApp.app.inject({ method: 'GET', url: '/api/jobs?scope=all' });
    expect(all.statusCode).toBe(401);
  });
});
