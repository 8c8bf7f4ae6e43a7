import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../test/test-database.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';
import { CallRetries } from './call-retries.js';

interface Logged {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

describe.each(TEST_ENGINES)('CallRetries (%s)', (engine) => {
  let t: LiveKitTestApp;
  beforeEach(async () => {
    t = await buildLiveKitTestApp(engine);
  });
  afterEach(async () => {
    await t.close();
  });

  function retriesWithLog() {
    const logged: Logged[] = [];
    const record =
      (level: string) =>
      (fields: object, message: string): void => {
        logged.push({ level, fields: fields as Record<string, unknown>, message });
      };
    const retries = new CallRetries({
      db: t.db,
      callingHours: t.env.CALLING_HOURS,
      mode: 'phone',
      log: { info: record('info'), warn: record('warn'), error: record('error') },
    });
    return { retries, logged };
  }

  it('REL-1: a carrier refusal for configuration or billing alerts the operator and is not retried', async () => {
    const { interviewId } = await t.createInterview({ status: 'failed' });
    const { retries, logged } = retriesWithLog();
    expect(await retries.nextAttemptAt(interviewId, 'operator_error')).toBeUndefined();
    const alert = logged.find((entry) => entry.fields.alert === 'operator');
    expect(alert).toMatchObject({ level: 'error', fields: { outcome: 'operator_error' } });
    expect(alert?.message).toMatch(/check the SIP trunk/);
  });

  it('a busy callee is retried without alerting anyone', async () => {
    const { interviewId } = await t.createInterview({ status: 'busy' });
    await t.db
      .insertInto('interview_events')
      .values({
        interview_id: interviewId,
        type: 'dial_failed',
        status: 'busy',
        data: '{"outcome":"busy"}',
      })
      .execute();
    const { retries, logged } = retriesWithLog();
    const at = await retries.nextAttemptAt(interviewId, 'busy');
    // REL-1: the first retry of a busy line is five minutes on.
    expect((at?.getTime() ?? 0) - Date.now()).toBeGreaterThan(4 * 60_000);
    expect(logged.filter((entry) => entry.fields.alert !== undefined)).toEqual([]);
  });
});
