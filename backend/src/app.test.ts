import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZHealth, ZJob } from '@screenline/core';
import { z } from 'zod';
import { buildTestApp, type TestApp } from './test/build-test-app.js';
import { TEST_ENGINES } from './test/test-database.js';

describe.each(TEST_ENGINES)('app on %s', (engine) => {
  let testApp: TestApp;
  let frontendDir: string;

  beforeAll(async () => {
    frontendDir = mkdtempSync(path.join(tmpdir(), 'screenline-frontend-'));
    mkdirSync(path.join(frontendDir, 'assets'));
    writeFileSync(path.join(frontendDir, 'index.html'), '<!doctype html><title>Screenline</title>');
    writeFileSync(path.join(frontendDir, 'assets', 'app-123.js'), 'console.log(1)');
    testApp = await buildTestApp(engine, {}, { frontendDir });
  });
  afterAll(async () => {
    await testApp.close();
    rmSync(frontendDir, { recursive: true, force: true });
  });

  it('reports health with mode and database engine', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const health = ZHealth.parse(response.json());
    expect(health).toMatchObject({
      status: 'ok',
      mode: 'simulated',
      database: engine === 'pglite' ? 'embedded' : 'postgres',
    });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('lists the open demo job', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/jobs' });
    expect(response.statusCode).toBe(200);
    const { jobs } = z.object({ jobs: z.array(ZJob) }).parse(response.json());
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.knockouts.length).toBe(3);
  });

  it('returns one open job and a 404 with a message for an unknown one', async () => {
    const list = z
      .object({ jobs: z.array(ZJob) })
      .parse((await testApp.app.inject({ method: 'GET', url: '/api/jobs' })).json());
    const id = list.jobs[0]?.id ?? '';
    const found = await testApp.app.inject({ method: 'GET', url: `/api/jobs/${id}` });
    expect(found.statusCode).toBe(200);
    const missing = await testApp.app.inject({ method: 'GET', url: '/api/jobs/not-a-job' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(missing.json<{ message: string }>().message).toMatch(/no longer open/);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the app shell for client-side routes', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/apply/some-job' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<title>Screenline</title>');
  });

  it('caches fingerprinted assets and not the shell', async () => {
    const asset = await testApp.app.inject({ method: 'GET', url: '/assets/app-123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const shell = await testApp.app.inject({ method: 'GET', url: '/' });
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['cache-control']).toBe('no-cache');
  });

  it('publishes an OpenAPI document that lists the routes', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/jobs', '/api/jobs/{id}']),
    );
    const page = await testApp.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('answers malformed JSON with a 400 the caller can act on', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/nope',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});
