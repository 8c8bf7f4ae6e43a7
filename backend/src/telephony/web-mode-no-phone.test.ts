import {
  CURRENT_CONSENT_DISCLOSURE,
  CURRENT_WEB_CONSENT_DISCLOSURE,
  renderConsentText,
  ZInterviewReview,
  type StartPhoneScreenResponse,
} from '@screenline/core';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertResume } from '../test/interview-test-kit.js';
import { signInCookies } from '../test/sign-in.js';
import { TEST_ENGINES, type TestEngine } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

/** Web mode is LiveKit without a trunk (`SIP_TRUNK_ID=` counts as unset). */
function buildWebApp(engine: TestEngine) {
  return buildLiveKitTestApp(engine, {
    env: {
      SIP_TRUNK_ID: '',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_PER_IP_PER_HOUR: '100000',
      RATE_LIMIT_PER_NUMBER_PER_10_MIN: '2',
    },
  });
}

async function jobOf(t: LiveKitTestApp): Promise<{ id: string; company: string }> {
  return t.db.selectFrom('jobs').select(['id', 'company']).executeTakeFirstOrThrow();
}

async function start(t: LiveKitTestApp, body: Record<string, unknown>) {
  const job = await jobOf(t);
  return t.app.inject({
    method: 'POST',
    url: '/api/interview/start-phone-screen',
    remoteAddress: '203.0.113.20',
    payload: { jobId: job.id, consent: true, ...body },
  });
}

async function counts(t: LiveKitTestApp) {
  const count = async (table: 'interviews' | 'consents' | 'candidates') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select(t.db.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    interviews: await count('interviews'),
    consents: await count('consents'),
    candidates: await count('candidates'),
  };
}

describe.each(TEST_ENGINES)('web mode asks for no phone number (%s)', (engine) => {
  // One app per mode for the file (each test uses resumes of its own): building one is slow.
  let web: LiveKitTestApp;
  let phone: LiveKitTestApp;

  // Two hooks, so each build has the hook timeout to itself on a busy machine.
  beforeAll(async () => {
    web = await buildWebApp(engine);
  });
  beforeAll(async () => {
    phone = await buildLiveKitTestApp(engine);
  });
  afterAll(async () => {
    await web?.close();
    await phone?.close();
  });

  it('starts without a phone: 202, a room token, an interview and a consent with no number, and the recruiter sees a web call', async () => {
    const t = web;
    expect(t.env.mode).toBe('web');
    const resumeId = await insertResume(t.database);
    const dialsBefore = t.emulator.callsTo('CreateSIPParticipant').length;
    const response = await start(t, { resumeId });
    expect(response.statusCode, response.body).toBe(202);
    const answer = response.json<StartPhoneScreenResponse>();
    expect(answer.interview.mode).toBe('web');
    expect(answer.webCall?.room).toBe(`screen-${answer.interview.id}-1`);
    // The agent is dispatched into the room; nothing dials.
    expect(
      t.emulator.dispatches.filter((dispatch) => dispatch.room === answer.webCall?.room),
    ).toHaveLength(1);
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(dialsBefore);

    const interview = await t.db
      .selectFrom('interviews')
      .select(['phone_e164', 'candidate_id'])
      .where('id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(interview.phone_e164).toBeNull();
    const candidate = await t.db
      .selectFrom('candidates')
      .select('phone_e164')
      .where('id', '=', interview.candidate_id)
      .executeTakeFirstOrThrow();
    expect(candidate.phone_e164).toBeNull();
    // The consent stored is the browser-call disclosure, word for word, with no number in it.
    const job = await jobOf(t);
    const consent = await t.db
      .selectFrom('consents')
      .select(['phone_e164', 'text_version', 'text_hash'])
      .where('interview_id', '=', answer.interview.id)
      .executeTakeFirstOrThrow();
    expect(consent).toEqual({
      phone_e164: null,
      text_version: CURRENT_WEB_CONSENT_DISCLOSURE.version,
      text_hash: createHash('sha256')
        .update(renderConsentText(CURRENT_WEB_CONSENT_DISCLOSURE, job.company))
        .digest('hex'),
    });
    const webText = renderConsentText(CURRENT_WEB_CONSENT_DISCLOSURE, job.company);
    expect(webText).toMatch(/AI assistant/);
    expect(webText).toMatch(/recorded and transcribed/);
    expect(webText).not.toMatch(/phone call|number I entered/);

    const cookies = await signInCookies(t.app, ADMIN.email, ADMIN.password);
    const review = await t.app.inject({
      method: 'GET',
      url: `/api/interviews/${answer.interview.id}/review`,
      cookies,
    });
    expect(review.statusCode).toBe(200);
    const parsed = ZInterviewReview.parse(review.json());
    expect(parsed.interview.phone).toBeNull();
    expect(parsed.interview.mode).toBe('web');

    // Applying again while the call is pending opens the same call, as it does with a number.
    const again = await start(t, { resumeId });
    expect(again.statusCode).toBe(202);
    expect(again.json<StartPhoneScreenResponse>().interview.id).toBe(answer.interview.id);
  });

  it('a phone sent in web mode is kept as contact data only: never dialled, checked by the same gate', async () => {
    const t = web;
    const before = await counts(t);
    const bad = await start(t, { resumeId: await insertResume(t.database), phone: '+19005551234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('premium');
    expect(await counts(t)).toEqual(before);

    const response = await start(t, {
      resumeId: await insertResume(t.database),
      phone: '+1 213 373 4253',
    });
    expect(response.statusCode).toBe(202);
    const { interview } = response.json<StartPhoneScreenResponse>();
    const row = await t.db
      .selectFrom('interviews as i')
      .innerJoin('candidates as c', 'c.id', 'i.candidate_id')
      .select(['i.phone_e164 as dialled', 'c.phone_e164 as contact'])
      .where('i.id', '=', interview.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ dialled: null, contact: '+12133734253' });
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(0);
  });

  it('"stop contacting me" on a web call: the call ends opted out, the contact number is suppressed, no retry', async () => {
    const t = web;
    const withNumber = await start(t, {
      resumeId: await insertResume(t.database),
      phone: '+12133734260',
    });
    const withoutNumber = await start(t, { resumeId: await insertResume(t.database) });
    for (const response of [withNumber, withoutNumber]) {
      expect(response.statusCode).toBe(202);
      const { interview } = response.json<StartPhoneScreenResponse>();
      const { backendToken } = await t.prepareMetadata(interview.id);
      const auth = { authorization: `Bearer ${backendToken}` };
      expect(await t.agentEvent(interview.id, auth, { event: 'answered' })).toMatchObject({
        result: 'applied',
      });
      await t.agentEvent(interview.id, auth, { event: 'opted_out' });
      await t.agentEvent(interview.id, auth, { event: 'ended', reason: 'opted_out' });
      const row = await t.db
        .selectFrom('interviews')
        .select(['status', 'end_reason'])
        .where('id', '=', interview.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'opted_out', end_reason: 'opted_out' });
    }
    const ids = [withNumber, withoutNumber].map(
      (response) => response.json<StartPhoneScreenResponse>().interview.id,
    );
    const suppressed = await t.db
      .selectFrom('suppressed_numbers')
      .select(['phone_e164', 'interview_id'])
      .where('interview_id', 'in', ids)
      .execute();
    expect(suppressed).toEqual([{ phone_e164: '+12133734260', interview_id: ids[0] }]);
    expect((await t.queued()).filter((job) => ids.includes(job.interviewId))).toEqual([]);
  });

  it('the per-number limits hold per application instead', async () => {
    const t = web;
    const resumeId = await insertResume(t.database);
    for (let index = 0; index < 2; index += 1) {
      const response = await start(t, { resumeId });
      expect(response.statusCode).toBe(202);
      // The call ends, so the next start is a new call rather than the pending one reopened.
      await t.db
        .updateTable('interviews')
        .set({ status: 'completed' })
        .where('id', '=', response.json<StartPhoneScreenResponse>().interview.id)
        .execute();
    }
    const refused = await start(t, { resumeId });
    expect(refused.statusCode).toBe(429);
    expect(refused.json<{ message: string }>().message).toContain('this application');
    // Another application from the same network is not held by this one's limit.
    expect((await start(t, { resumeId: await insertResume(t.database) })).statusCode).toBe(202);
  });

  it('the phone disclosure still works in web mode (an older page); phone mode refuses the browser one', async () => {
    const older = await start(web, {
      resumeId: await insertResume(web.database),
      consentTextVersion: CURRENT_CONSENT_DISCLOSURE.version,
    });
    expect(older.statusCode).toBe(202);

    expect(phone.env.mode).toBe('phone');
    const before = await counts(phone);
    const refused = await start(phone, {
      resumeId: await insertResume(phone.database),
      phone: '+12133734253',
      consentTextVersion: CURRENT_WEB_CONSENT_DISCLOSURE.version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toMatch(/browser/);
    expect(await counts(phone)).toEqual(before);
  });

  it('phone mode still requires the phone: 400 naming the field, nothing written', async () => {
    const t = phone;
    const before = await counts(t);
    const dialsBefore = t.emulator.callsTo('CreateSIPParticipant').length;
    const response = await start(t, { resumeId: await insertResume(t.database) });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; fields: { field: string }[] }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/phone is required/);
    expect(body.fields.map((field) => field.field)).toEqual(['body.phone']);
    expect(await counts(t)).toEqual(before);
    expect(t.emulator.callsTo('CreateSIPParticipant')).toHaveLength(dialsBefore);
  });
});
