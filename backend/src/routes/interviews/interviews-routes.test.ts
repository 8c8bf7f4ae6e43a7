import { createHash } from 'node:crypto';
import {
  CURRENT_CONSENT_DISCLOSURE,
  CURRENT_WEB_CONSENT_DISCLOSURE,
  renderConsentText,
  expectedPersonaOutcome,
  PERSONA_NAMES,
  SAMPLE_RESUME,
  type StartPhoneScreenResponse,
} from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivePersona } from '../../services/drive-persona.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';
import { buildApp } from '../../app.js';
import { parseEnv } from '../../env.js';
import { CALLBACK_QUEUE, readStoredConversation } from '../../services/interview-conversations.js';
import { TEST_ENGINES } from '../../test/test-database.js';

/** Distinct valid US numbers with distinct prefixes, so per-number and per-prefix limits do not interfere. */
function phone(index: number): string {
  return `+1213${String(374 + index)}${String(4100 + index).padStart(4, '0')}`;
}

describe.each(TEST_ENGINES)('simulated phone screen over HTTP on %s', (engine) => {
  let kit: InterviewTestApp;
  let quiet: InterviewTestApp;
  beforeAll(async () => {
    [kit, quiet] = await Promise.all([
      buildInterviewTestApp(engine),
      buildInterviewTestApp(engine, { SILENCE_TIMEOUT_S: '0.05' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([kit.close(), quiet.close()]);
  });

  it.each(PERSONA_NAMES)('%s reaches its end state and scorecard', async (persona) => {
    const target = persona === 'silent' ? quiet : kit;
    const resumeId = await insertResume(target.database);
    const screen = await drivePersona(target.app, target.runtime, {
      jobId: target.jobId,
      resumeId,
      phone: phone(PERSONA_NAMES.indexOf(persona)),
      persona,
      resume: SAMPLE_RESUME,
    });
    const record = await target.runtime.store.find(screen.interviewId);
    const { plan } = readStoredConversation(record?.engineState);
    const expected = expectedPersonaOutcome(persona, plan);
    expect({ status: screen.status, endReason: screen.endReason }).toEqual({
      status: expected.status,
      endReason: expected.endReason,
    });
    expect(screen.scorecard !== null).toBe(expected.hasScorecard);
    if (expected.suggestion !== null)
      expect(screen.scorecard?.suggestion).toBe(expected.suggestion);
    if (persona === 'plain-spoken') {
      // Each knock-out's typed value is kept with the turn that gave it, and shown in the API.
      const kept = await target.database.db
        .selectFrom('transcript_turns')
        .select(['id', 'knockout'])
        .where('interview_id', '=', screen.interviewId)
        .where('knockout', 'is not', null)
        .orderBy('seq')
        .execute();
      expect(kept.map((turn) => turn.knockout)).toEqual([
        { knockoutId: 'work-authorization', value: true, passed: true },
        { knockoutId: 'notice-period', value: 14, unit: 'days', passed: true },
        { knockoutId: 'salary-expectation', value: 155_000, unit: 'USD per year', passed: true },
      ]);
      expect(screen.scorecard?.knockouts.map((item) => item.value)).toEqual([true, 14, 155_000]);
    }

    // Every quote is verbatim in the candidate turn it names.
    for (const criterion of screen.scorecard?.criteria ?? []) {
      for (const evidence of criterion.evidence) {
        const turn = screen.transcript.find((item) => item.id === evidence.turnId);
        expect(turn?.speaker).toBe('candidate');
        expect(turn?.text).toContain(evidence.quote);
      }
    }
    for (const knockout of screen.scorecard?.knockouts ?? []) {
      if (knockout.turnId !== null) {
        expect(screen.transcript.find((turn) => turn.id === knockout.turnId)?.text).toBe(
          knockout.answer,
        );
      }
    }
    const agentText = screen.transcript
      .filter((turn) => turn.speaker === 'agent')
      .map((turn) => turn.text);
    if (expected.hasScorecard) {
      const naming = agentText.filter((text) =>
        /Parcelly|Tallyworks|TypeScript|Node\.js|PostgreSQL/.test(text),
      );
      expect(naming.length).toBeGreaterThanOrEqual(2);
    }
    if (persona === 'wrong-person') {
      expect(agentText.join(' ')).not.toMatch(/Parcelly|Tallyworks|TypeScript|Texas/);
    }

    // The audit trail: one event per transition, in order.
    const statuses = (await target.runtime.store.listEvents(screen.interviewId))
      .filter((event) => event.type === 'status')
      .map((event) => event.status);
    expect(statuses.slice(0, 3)).toEqual(['dialing', 'ringing', 'in_progress']);
    expect(statuses.at(-1)).toBe(expected.status);

    // Every turn persisted, in sequence.
    const turns = await target.database.db
      .selectFrom('transcript_turns')
      .select(['seq'])
      .where('interview_id', '=', screen.interviewId)
      .orderBy('seq')
      .execute();
    expect(turns.map((turn) => turn.seq)).toEqual(turns.map((_turn, index) => index + 1));
    if (persona === 'optout') {
      const suppressed = await target.runtime.store.isNumberSuppressed(
        phone(PERSONA_NAMES.indexOf(persona)),
      );
      expect(suppressed).toBe(true);
    }
    if (persona === 'callback') expect(record?.scheduledFor).not.toBeNull();
  });

  it('answers the pinned start shape, stores consent, and replays on the same Idempotency-Key', async () => {
    const resumeId = await insertResume(kit.database);
    const body = {
      jobId: kit.jobId,
      resumeId,
      phone: '+1 213 373 4299',
      consent: true,
      timezone: 'America/Los_Angeles',
    };
    const first = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      headers: { 'idempotency-key': 'key-1' },
      payload: body,
    });
    expect(first.statusCode).toBe(202);
    const answer = first.json<StartPhoneScreenResponse>();
    expect(answer.interview).toMatchObject({ status: 'dialing', mode: 'simulated' });
    expect(typeof answer.candidateToken).toBe('string');
    const again = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      headers: { 'idempotency-key': 'key-1' },
      payload: body,
    });
    expect(again.statusCode).toBe(202);
    expect(again.json<StartPhoneScreenResponse>().interview.id).toBe(answer.interview.id);
    const replayToken = again.json<StartPhoneScreenResponse>().candidateToken;
    for (const token of [answer.candidateToken, replayToken]) {
      const read = await kit.app.inject({
        method: 'GET',
        url: `/api/interviews/${answer.interview.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json<{ scorecard?: unknown }>().scorecard).toBeUndefined();
    }
    const consent = await kit.database.db
      .selectFrom('consents')
      .selectAll()
      .where('interview_id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({
      phone_e164: '+12133734299',
      text_version: CURRENT_CONSENT_DISCLOSURE.version,
      ip: '127.0.0.1',
    });
    // The hash covers the whole label the candidate saw, the employer's name included.
    const job = await kit.database.db
      .selectFrom('interviews as i')
      .innerJoin('jobs as j', 'j.id', 'i.job_id')
      .select('j.company')
      .where('i.id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    const label = renderConsentText(CURRENT_CONSENT_DISCLOSURE, job.company);
    expect(label).toMatch(/^I agree that an AI assistant will call me now for \S/);
    expect(consent.text_hash).toBe(createHash('sha256').update(label).digest('hex'));
    const count = await kit.database.db
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('resume_id', '=', resumeId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // One active call per application, even without a key.
    const second = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { ...body, phone: '+12133734298' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'CONFLICT' });
    const reused = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      headers: { 'idempotency-key': 'key-1' },
      payload: { ...body, phone: '+12133734297' },
    });
    expect(reused.statusCode).toBe(409);
  });

  it('refuses invalid requests with 4xx { code, message } and writes nothing', async () => {
    const resumeId = await insertResume(kit.database);
    const valid = { jobId: kit.jobId, resumeId, phone: '+12133734201', consent: true };
    const cases: [Record<string, unknown>, number, string?][] = [
      [{ ...valid, consent: false }, 400],
      // Simulated mode rehearses a phone call: the number stays required (web mode asks none).
      [{ jobId: kit.jobId, resumeId, consent: true }, 400, 'phone is required'],
      [{ ...valid, consentTextVersion: CURRENT_WEB_CONSENT_DISCLOSURE.version }, 400, 'browser'],
      [{ ...valid, phone: '+19005551234' }, 400, 'premium'],
      [{ ...valid, phone: '+18765551234' }, 400],
      [{ ...valid, phone: '+979123456789' }, 400],
      [{ ...valid, phone: '2133734253' }, 400],
      [{ ...valid, timezone: 'Mars/Olympus' }, 400],
      [{ ...valid, consentTextVersion: 'v0' }, 400],
      [{ ...valid, extra: 1 }, 400],
      [{ ...valid, jobId: '00000000-0000-4000-8000-000000000000' }, 404],
      [{ ...valid, resumeId: '00000000-0000-4000-8000-000000000000' }, 404],
      [{ ...valid, email: 'not-an-email' }, 400],
    ];
    for (const [payload, status, words] of cases) {
      const response = await kit.app.inject({
        method: 'POST',
        url: '/api/interview/start-phone-screen',
        payload,
      });
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code).toEqual(expect.any(String));
      expect(body.message.length).toBeGreaterThan(5);
      if (words) expect(body.message).toContain(words);
    }
    const rows = await kit.database.db
      .selectFrom('interviews')
      .select(['id', 'phone_e164', 'job_id'])
      .where('resume_id', '=', resumeId)
      .execute();
    expect(rows).toEqual([]);
    const consents = await kit.database.db
      .selectFrom('consents')
      .select('id')
      .where('phone_e164', '=', '+12133734201')
      .execute();
    expect(consents).toHaveLength(0);
  });

  it('guards turns and reads with the candidate token', async () => {
    const resumeId = await insertResume(kit.database);
    const started = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId: kit.jobId, resumeId, phone: '+12133734202', consent: true },
    });
    const { interview, candidateToken } = started.json<StartPhoneScreenResponse>();
    const noToken = await kit.app.inject({ method: 'GET', url: `/api/interviews/${interview.id}` });
    expect(noToken.statusCode).toBe(401);
    const wrong = await kit.app.inject({
      method: 'POST',
      url: `/api/interviews/${interview.id}/turns`,
      headers: { authorization: 'Bearer nope' },
      payload: { text: 'hello' },
    });
    expect(wrong.statusCode).toBe(401);
    // Without the token, a malformed body is still a 401: the caller learns nothing about it.
    const probing = await kit.app.inject({
      method: 'POST',
      url: `/api/interviews/${interview.id}/turns`,
      payload: { text: 42 },
    });
    expect(probing.statusCode).toBe(401);
    const empty = await kit.app.inject({
      method: 'POST',
      url: `/api/interviews/${interview.id}/turns`,
      headers: { authorization: `Bearer ${candidateToken}` },
      payload: { text: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('streams status changes and turns over SSE, replaying what came before', async () => {
    const resumeId = await insertResume(kit.database);
    const screen = await drivePersona(kit.app, kit.runtime, {
      jobId: kit.jobId,
      resumeId,
      phone: '+12133734203',
      persona: 'optout',
      resume: SAMPLE_RESUME,
    });
    const stream = await kit.app.inject({
      method: 'GET',
      url: `/api/interviews/${screen.interviewId}/events?token=${screen.candidateToken}`,
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    const events = stream.body
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => {
        const [eventLine = '', dataLine = ''] = block.split('\n');
        return {
          event: eventLine.slice(7),
          data: JSON.parse(dataLine.slice(6)) as Record<string, unknown>,
        };
      });
    expect(
      events.filter((item) => item.event === 'status').map((item) => item.data.status),
    ).toEqual(['dialing', 'ringing', 'in_progress', 'opted_out']);
    expect(events.filter((item) => item.event === 'turn')).toHaveLength(3);
    expect(events.at(-1)).toEqual({
      event: 'end',
      data: { status: 'opted_out', endReason: 'opted_out' },
    });
  });
});

describe.each(TEST_ENGINES)('callbacks and restarts on %s', (engine) => {
  let kit: InterviewTestApp;
  beforeAll(async () => {
    kit = await buildInterviewTestApp(engine);
  });
  afterAll(async () => {
    await kit.close();
  });

  it('a callback is queued for the time asked, then dials again as a new attempt', async () => {
    const resumeId = await insertResume(kit.database);
    const screen = await drivePersona(kit.app, kit.runtime, {
      jobId: kit.jobId,
      resumeId,
      phone: '+12133734210',
      persona: 'callback',
      resume: SAMPLE_RESUME,
    });
    const scheduled = await kit.runtime.store.find(screen.interviewId);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      endReason: 'callback_requested',
      attempt: 1,
    });
    // "Tomorrow at three in the afternoon": a future instant, in the afternoon UTC (no zone given).
    expect(scheduled!.scheduledFor!.getTime()).toBeGreaterThan(Date.now());
    expect(scheduled!.scheduledFor!.getUTCHours()).toBe(15);

    // The queued job runs now instead of tomorrow.
    await kit.runtime.queue.send(CALLBACK_QUEUE, { interviewId: screen.interviewId, attempt: 1 });
    const deadline = Date.now() + 20_000;
    let current = scheduled;
    while (Date.now() < deadline) {
      const changed = kit.runtime.bus.nextChange(screen.interviewId, 1_000);
      current = await kit.runtime.store.find(screen.interviewId);
      const turns = await kit.runtime.store.listTurns(screen.interviewId);
      if (
        current?.status === 'in_progress' &&
        turns.at(-1)?.speaker === 'agent' &&
        turns.length > screen.transcript.length
      )
        break;
      await changed;
    }
    expect(current).toMatchObject({ status: 'in_progress', attempt: 2, endReason: null });
    const turns = await kit.runtime.store.listTurns(screen.interviewId);
    expect(turns.at(-1)?.text).toContain('Am I speaking with');
  });

  it('refuses a second call for an application whose callback is scheduled', async () => {
    const resumeId = await insertResume(kit.database);
    const screen = await drivePersona(kit.app, kit.runtime, {
      jobId: kit.jobId,
      resumeId,
      phone: '+14155552671',
      persona: 'callback',
      resume: SAMPLE_RESUME,
    });
    expect((await kit.runtime.store.find(screen.interviewId))?.status).toBe('scheduled');
    const second = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      // Another number: the per-number limit must not be what refuses it.
      payload: { jobId: kit.jobId, resumeId, phone: '+16465550101', consent: true },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ message: string }>().message).toMatch(/in progress or scheduled/);
  });

  it('a simulated call that was ringing when the server stopped rings again after a restart', async () => {
    const resumeId = await insertResume(kit.database);
    // The first server rings for a minute: it is stopped long before anyone answers.
    const slow = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        SIMULATED_RING_MS: '60000',
        RATE_LIMIT_PER_IP_PER_HOUR: '1000',
      }),
      database: kit.database,
      frontendDir: '/nonexistent',
    });
    let interviewId: string;
    try {
      const started = await slow.inject({
        method: 'POST',
        url: '/api/interview/start-phone-screen',
        payload: { jobId: kit.jobId, resumeId, phone: '+13125559876', consent: true },
      });
      expect(started.statusCode).toBe(202);
      interviewId = started.json<StartPhoneScreenResponse>().interview.id;
    } finally {
      await slow.close();
    }
    expect((await kit.runtime.store.find(interviewId))?.status).toBe('dialing');

    const restarted = await buildApp({
      env: parseEnv({ NODE_ENV: 'test', SIMULATED_RING_MS: '20' }),
      database: kit.database,
      frontendDir: '/nonexistent',
    });
    try {
      const deadline = Date.now() + 15_000;
      let status = (await kit.runtime.store.find(interviewId))?.status;
      while (status !== 'in_progress' && Date.now() < deadline) {
        await kit.runtime.bus.nextChange(interviewId, 500);
        status = (await kit.runtime.store.find(interviewId))?.status;
      }
      expect(status).toBe('in_progress');
    } finally {
      await restarted.close();
    }
  });

  it('an interrupted interview resumes where it stopped in a new process', async () => {
    const resumeId = await insertResume(kit.database);
    const started = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId: kit.jobId, resumeId, phone: '+12133734211', consent: true },
    });
    const { interview, candidateToken } = started.json<StartPhoneScreenResponse>();
    const headers = { authorization: `Bearer ${candidateToken}` };
    while ((await kit.runtime.store.listTurns(interview.id)).length === 0) {
      await kit.runtime.bus.nextChange(interview.id, 1_000);
    }
    for (const text of ['Yes, now is good.', 'Yes, this is Jordan.']) {
      const turn = await kit.app.inject({
        method: 'POST',
        url: `/api/interviews/${interview.id}/turns`,
        headers,
        payload: { text },
      });
      expect(turn.statusCode).toBe(200);
    }
    // A second app on the same database stands in for a restarted server.
    const restarted = await buildApp({
      env: parseEnv({ NODE_ENV: 'test', SILENCE_TIMEOUT_S: '30' }),
      database: kit.database,
      frontendDir: '/nonexistent',
    });
    try {
      const turn = await restarted.inject({
        method: 'POST',
        url: `/api/interviews/${interview.id}/turns`,
        headers,
        payload: { text: 'Yes, I am.' },
      });
      expect(turn.statusCode).toBe(200);
      expect(turn.json<{ agentTurn: { text: string } }>().agentTurn.text).toContain(
        'notice period',
      );
    } finally {
      await restarted.close();
    }
  });
});
