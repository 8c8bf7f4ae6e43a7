import { SAMPLE_RESUME } from '@screenline/core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsersRepository } from '../../auth/users-repository.js';
import { drivePersona } from '../../services/drive-persona.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { createAndSignIn, signInCookies } from '../../test/sign-in.js';
import { TEST_ENGINES } from '../../test/test-database.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/webhook-receiver.js';
import type { HostResolver } from '../../webhooks/url-guard.js';

const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'correct horse battery' };
const ALL_EVENTS = [
  'interview.completed',
  'interview.evaluated',
  'interview.ended',
  'decision.made',
] as const;

interface Attempt {
  attempt: number;
  eventType: string;
  httpStatus: number | null;
  error: string | null;
}

/** Names resolve through this table only: no test asks real DNS or reaches past loopback. */
function tableResolver(table: Map<string, string>): HostResolver {
  return (hostname) => {
    const address = table.get(hostname);
    return Promise.resolve(address === undefined ? [] : [{ address, family: 4 as const }]);
  };
}

const tuning = { outboxPollMs: 25, retryBaseMs: 20, timeoutMs: 2_000 };

describe.each(TEST_ENGINES)('signed webhooks on %s', (engine) => {
  let open: InterviewTestApp;
  let strict: InterviewTestApp;
  let receiver: WebhookReceiver;
  let openCookies: Record<string, string>;
  let strictCookies: Record<string, string>;
  const dns = new Map<string, string>();

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    [open, strict] = await Promise.all([
      buildInterviewTestApp(
        engine,
        { ...ADMIN, WEBHOOK_ALLOW_PRIVATE_URLS: 'true' },
        { webhooks: { ...tuning, resolver: tableResolver(dns) } },
      ),
      buildInterviewTestApp(engine, ADMIN, {
        webhooks: { ...tuning, resolver: tableResolver(dns) },
      }),
    ]);
    openCookies = await signInCookies(open.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    strictCookies = await signInCookies(strict.app, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await Promise.all([open.close(), strict.close()]);
    await receiver.close();
  });

  const addEndpoint = async (
    kit: InterviewTestApp,
    cookies: Record<string, string>,
    payload: object,
  ) => kit.app.inject({ method: 'POST', url: '/api/webhooks', cookies, payload });

  const attemptsOf = async (
    kit: InterviewTestApp,
    cookies: Record<string, string>,
    id: string,
  ): Promise<Attempt[]> =>
    (await kit.app.inject({ method: 'GET', url: `/api/webhooks/${id}/attempts`, cookies })).json<{
      attempts: Attempt[];
    }>().attempts;

  it('delivers a simulated screen and its decision to the endpoint, signed and without the transcript', async () => {
    const plain = await addEndpoint(open, openCookies, {
      url: receiver.url('/plain'),
      events: ALL_EVENTS,
    });
    expect(plain.statusCode).toBe(201);
    const { webhook, secret } = plain.json<{
      webhook: { id: string; events: string[] };
      secret: string;
    }>();
    expect(secret).toMatch(/^whsec_/);
    expect(webhook.events).toEqual(ALL_EVENTS);
    const optedIn = await addEndpoint(open, openCookies, {
      url: receiver.url('/full'),
      events: ['interview.evaluated'],
      includeTranscript: true,
    });
    const fullSecret = optedIn.json<{ secret: string }>().secret;

    // The secret is shown once: the list never carries it.
    const list = await open.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      cookies: openCookies,
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain('whsec_');

    const resumeId = await insertResume(open.database);
    const screen = await drivePersona(open.app, open.runtime, {
      jobId: open.jobId,
      resumeId,
      phone: '+12133734301',
      persona: 'qualified',
      resume: SAMPLE_RESUME,
    });
    expect(screen.status).toBe('evaluated');

    const verifier = new Webhook(secret);
    const forThisScreen = (path: string) => (request: { path: string; body: string }) =>
      request.path === path && request.body.includes(screen.interviewId);
    const delivered = await receiver.waitFor(forThisScreen('/plain'), 3);
    const payloads = delivered.map(
      (request) =>
        verifier.verify(request.body, request.headers as Record<string, string>) as {
          type: string;
          data: Record<string, unknown>;
        },
    );
    expect(payloads.map((payload) => payload.type).sort()).toEqual([
      'interview.completed',
      'interview.ended',
      'interview.evaluated',
    ]);
    for (const request of delivered) {
      expect(request.headers['webhook-id']).toMatch(/^msg_/);
      // Neither the resume nor the transcript leaves without opting in; knock-out answers are
      // the values an ATS filters on, so they are the only words of the candidate sent.
      expect(request.body).not.toContain(SAMPLE_RESUME.name);
      const knockoutAnswers = new Set(screen.scorecard?.knockouts.map((k) => k.answer));
      const said = screen.transcript.filter(
        (t) => t.speaker === 'candidate' && !knockoutAnswers.has(t.text),
      );
      expect(said.length).toBeGreaterThan(2);
      for (const turn of said) {
        expect(request.body).not.toContain(turn.text);
      }
    }
    const evaluated = payloads.find((payload) => payload.type === 'interview.evaluated');
    expect(evaluated?.data).toMatchObject({
      interviewId: screen.interviewId,
      jobId: open.jobId,
      status: 'evaluated',
      scorecard: { suggestion: screen.scorecard?.suggestion },
    });
    const knockouts = (
      evaluated?.data.scorecard as { knockouts: { id: string; passed: boolean }[] }
    ).knockouts;
    expect(knockouts.map((knockout) => knockout.id)).toEqual(
      screen.scorecard?.knockouts.map((knockout) => knockout.id),
    );
    // Without the quotes, `determined` tells a score from the floor of "nothing said about it".
    const criteria = (
      evaluated?.data.scorecard as { criteria: { id: string; determined: boolean }[] }
    ).criteria;
    expect(criteria.map(({ id, determined }) => ({ id, determined }))).toEqual(
      screen.scorecard?.criteria.map((criterion) => ({
        id: criterion.id,
        determined: criterion.evidence.length > 0,
      })),
    );
    const ended = payloads.find((payload) => payload.type === 'interview.ended');
    expect(ended?.data).toMatchObject({ status: 'completed', endReason: 'finished' });

    // A tampered body or another endpoint's secret does not verify.
    const first = delivered[0];
    expect(first).toBeDefined();
    expect(() =>
      verifier.verify(`${first?.body ?? ''} `, first?.headers as Record<string, string>),
    ).toThrow();
    expect(() =>
      new Webhook(fullSecret).verify(first?.body ?? '', first?.headers as Record<string, string>),
    ).toThrow();

    // The opted-in endpoint gets the transcript, signed with its own secret.
    const [full] = await receiver.waitFor(forThisScreen('/full'));
    const fullPayload = new Webhook(fullSecret).verify(
      full?.body ?? '',
      full?.headers as Record<string, string>,
    ) as { data: { transcript: { text: string }[] } };
    expect(fullPayload.data.transcript.length).toBe(screen.transcript.length);

    const decision = await open.app.inject({
      method: 'POST',
      url: `/api/interviews/${screen.interviewId}/decision`,
      cookies: openCookies,
      payload: { decision: 'advance' },
    });
    expect(decision.statusCode).toBe(200);
    const [made] = await receiver.waitFor(
      (request) => forThisScreen('/plain')(request) && request.body.includes('decision.made'),
    );
    expect(
      verifier.verify(made?.body ?? '', made?.headers as Record<string, string>),
    ).toMatchObject({
      type: 'decision.made',
      data: { decision: 'advance', interviewId: screen.interviewId },
    });

    // Every attempt is logged with its HTTP status (written once the receiver has answered).
    await vi.waitFor(async () => {
      const attempts = await attemptsOf(open, openCookies, webhook.id);
      expect(attempts.filter((a) => a.httpStatus === 204).length).toBe(4);
    });
  });

  it('retries a failing endpoint with backoff and disables it after a day of failures', async () => {
    const created = await addEndpoint(open, openCookies, {
      url: receiver.url('/status/500'),
      events: ['decision.made'],
    });
    const { webhook } = created.json<{ webhook: { id: string } }>();
    const interviewId = await insertInterview(open.database.db, {
      name: 'Grace Hopper',
      status: 'evaluated',
      score: 4,
      createdAt: new Date().toISOString(),
    });
    await open.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/decision`,
      cookies: openCookies,
      payload: { decision: 'reject' },
    });
    await vi.waitFor(
      async () => {
        expect((await attemptsOf(open, openCookies, webhook.id)).length).toBeGreaterThanOrEqual(3);
      },
      { timeout: 15_000, interval: 50 },
    );
    const attempts = await attemptsOf(open, openCookies, webhook.id);
    expect(attempts.every((a) => a.httpStatus === 500 && a.error === 'HTTP 500')).toBe(true);
    expect(attempts.map((a) => a.attempt).slice(-3)).toEqual([3, 2, 1]);

    // The endpoint has been failing for more than a day: the next failure disables it.
    await open.database.db
      .updateTable('webhook_endpoints')
      .set({ failing_since: new Date(Date.now() - 25 * 60 * 60_000) })
      .where('id', '=', webhook.id)
      .execute();
    await vi.waitFor(
      async () => {
        const list = await open.app.inject({
          method: 'GET',
          url: '/api/webhooks',
          cookies: openCookies,
        });
        const endpoint = list
          .json<{
            webhooks: { id: string; disabledAt: string | null; disabledReason: string | null }[];
          }>()
          .webhooks.find((item) => item.id === webhook.id);
        expect(endpoint?.disabledAt).not.toBeNull();
        expect(endpoint?.disabledReason).toContain('failed for a day');
      },
      { timeout: 15_000, interval: 50 },
    );
  });

  it('refuses private, malformed and link-local URLs with a 400, and stores nothing', async () => {
    dns.set('internal.example.com', '10.0.0.7');
    for (const payload of [
      { url: receiver.url('/x'), events: ['decision.made'] },
      { url: 'http://169.254.169.254/latest/meta-data', events: ['decision.made'] },
      { url: 'http://[::ffff:127.0.0.1]/hook', events: ['decision.made'] },
      { url: 'http://internal.example.com/hook', events: ['decision.made'] },
      { url: 'http://unknown.example.com/hook', events: ['decision.made'] },
      { url: 'ftp://ats.example.com/hook', events: ['decision.made'] },
      { url: 'not a url', events: ['decision.made'] },
      { url: 'https://ats.example.com/hook', events: [] },
      { url: 'https://ats.example.com/hook', events: ['interview.started'] },
    ]) {
      const response = await addEndpoint(strict, strictCookies, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json<{ message: string }>().message.length).toBeGreaterThan(10);
    }
    const list = await strict.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      cookies: strictCookies,
    });
    expect(list.json<{ webhooks: unknown[] }>().webhooks).toEqual([]);
  });

  it('checks the address again on every delivery, after DNS (a name that turns private is not called)', async () => {
    dns.set('ats.example.com', '93.184.216.34');
    // The port is the loopback receiver's: were the check skipped, the receiver would hear it.
    const created = await addEndpoint(strict, strictCookies, {
      url: `http://ats.example.com:${String(receiver.port)}/rebound`,
      events: ['decision.made'],
    });
    expect(created.statusCode).toBe(201);
    const { webhook } = created.json<{ webhook: { id: string } }>();
    dns.set('ats.example.com', '127.0.0.1');

    const interviewId = await insertInterview(strict.database.db, {
      name: 'Alan Turing',
      status: 'evaluated',
      score: 3,
      createdAt: new Date().toISOString(),
    });
    await strict.app.inject({
      method: 'POST',
      url: `/api/interviews/${interviewId}/decision`,
      cookies: strictCookies,
      payload: { decision: 'advance' },
    });
    await vi.waitFor(
      async () => {
        const [attempt] = await attemptsOf(strict, strictCookies, webhook.id);
        expect(attempt?.httpStatus).toBeNull();
        expect(attempt?.error).toContain('private');
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(receiver.received.filter((request) => request.path === '/rebound')).toEqual([]);
  });

  it('keeps webhooks to administrators: a recruiter gets 403 and nothing changes', async () => {
    const recruiter = await createAndSignIn(strict.app, new UsersRepository(strict.database.db), {
      email: 'recruiter@example.com',
      role: 'recruiter',
    });
    const before = await strict.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      cookies: strictCookies,
    });
    for (const request of [
      { method: 'GET' as const, url: '/api/webhooks' },
      {
        method: 'POST' as const,
        url: '/api/webhooks',
        payload: { url: 'https://ats.example.com/hook', events: ['decision.made'] },
      },
    ]) {
      const response = await strict.app.inject({ ...request, cookies: recruiter });
      expect(response.statusCode).toBe(403);
      expect(response.json<{ message: string }>().message).toContain('administrator');
    }
    const after = await strict.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      cookies: strictCookies,
    });
    expect(after.body).toBe(before.body);
    const missing = await strict.app.inject({
      method: 'DELETE',
      url: '/api/webhooks/00000000-0000-4000-8000-000000000000',
      cookies: strictCookies,
    });
    expect(missing.statusCode).toBe(404);
  });
});
