import { SAMPLE_RESUME } from '@screenline/core';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '../env.js';
import { insertInterview } from '../test/recruiter-fixtures.js';
import { TEST_ENGINES } from '../test/test-database.js';
import { createInterviewRuntime, type InterviewRuntime } from './interview-runtime.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../test/interview-test-kit.js';
import { requeueLostCallbacks } from '../services/lost-callback-sweep.js';

const silent = pino({ level: 'silent' });

/** REL-4: what a crash or restart leaves behind is picked up again, never stuck. */
describe.each(TEST_ENGINES)('after a restart (%s)', (engine) => {
  let kit: InterviewTestApp | undefined;
  let restarted: InterviewRuntime | undefined;
  afterEach(async () => {
    await restarted?.close();
    restarted = undefined;
    await kit?.close();
    kit = undefined;
  });

  it('a simulated call in progress when the server stopped is prompted, then ends instead of hanging', async () => {
    kit = await buildInterviewTestApp(engine, { SILENCE_TIMEOUT_S: '600' });
    const resumeId = await insertResume(kit.database, SAMPLE_RESUME);
    const started = await kit.app.inject({
      method: 'POST',
      url: '/api/interview/start-phone-screen',
      payload: { jobId: kit.jobId, resumeId, phone: '+12133734271', consent: true },
    });
    expect(started.statusCode).toBe(202);
    const { interview } = started.json<{ interview: { id: string } }>();
    const { store } = kit.runtime;
    await expect
      .poll(async () => (await store.find(interview.id))?.status, { timeout: 5_000 })
      .toBe('in_progress');

    // The process stops: its silence timer (ten minutes away) goes with it.
    await kit.runtime.close();
    restarted = await createInterviewRuntime({
      env: parseEnv({ NODE_ENV: 'test', SILENCE_TIMEOUT_S: '0.2' }),
      database: kit.database,
      log: silent,
      queuePollingIntervalSeconds: 0.5,
    });
    await expect
      .poll(async () => (await restarted?.store.find(interview.id))?.endReason, {
        timeout: 10_000,
      })
      .toBe('no_response');
    const turns = await restarted.store.listTurns(interview.id);
    expect(turns.filter((turn) => turn.text.includes('Are you still there'))).toHaveLength(1);
  });

  it('a scheduled call whose queued job was lost is queued again; one not yet due is left alone', async () => {
    kit = await buildInterviewTestApp(engine);
    const db = kit.database.db;
    const lostId = await insertInterview(db, {
      name: 'Lost Callback',
      status: 'scheduled',
      score: null,
      createdAt: '2026-11-20T10:00:00Z',
    });
    const dueSoonId = await insertInterview(db, {
      name: 'Due Soon',
      status: 'scheduled',
      score: null,
      createdAt: '2026-11-20T10:00:00Z',
    });
    await db
      .updateTable('interviews')
      .set({ scheduled_for: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', lostId)
      .execute();
    await db
      .updateTable('interviews')
      .set({ scheduled_for: new Date(Date.now() - 60_000) })
      .where('id', '=', dueSoonId)
      .execute();
    const sent: { name: string; data: object }[] = [];
    const count = await requeueLostCallbacks({
      db,
      queue: {
        send: (name, data) => {
          sent.push({ name, data });
          return Promise.resolve('job');
        },
      },
      log: silent,
    });
    expect(count).toBe(1);
    expect(sent).toEqual([
      { name: 'interview-callback', data: { interviewId: lostId, attempt: 1 } },
    ]);
  });
});
