import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../test/test-database.js';
import { startFakeS3, type FakeS3 } from '../test-support/fake-s3.js';
import {
  buildLiveKitTestApp,
  type LiveKitTestApp,
} from '../test-support/livekit-emulator/livekit-test-app.js';

const BUCKET = 'screenline-calls';
const STORAGE = {
  accessKey: 'AKIATESTRECORDINGS02',
  secret: 'test-recording-secret-test-recording-002',
  region: 'us-east-1',
};
const PHONE = '+12133734253';

/** LAW-5 end to end: LiveKit egress in the emulator, the audio in a strict S3 stand-in. */
describe.each(TEST_ENGINES)('a candidate who declines the recording (%s)', (engine) => {
  let s3: FakeS3;
  let t: LiveKitTestApp;

  beforeEach(async () => {
    s3 = await startFakeS3(STORAGE);
    t = await buildLiveKitTestApp(engine, {
      env: {
        RECORDING_S3_BUCKET: BUCKET,
        RECORDING_S3_REGION: STORAGE.region,
        RECORDING_S3_ACCESS_KEY: STORAGE.accessKey,
        RECORDING_S3_SECRET: STORAGE.secret,
        RECORDING_S3_ENDPOINT: s3.endpoint,
      },
    });
  });
  afterEach(async () => {
    await t.close();
    await s3.close();
  });

  /** A call the candidate answered: egress is recording into `key` (put there as egress would). */
  async function answeredCall() {
    const call = await t.answeredCall(PHONE);
    expect(t.emulator.callsTo('StartRoomCompositeEgress')).toHaveLength(1);
    const key = `recordings/${call.roomName}-{time}.ogg`;
    s3.put(BUCKET, key, Buffer.from('OggS audio'), 'audio/ogg');
    return { ...call, key };
  }

  const report = (
    interviewId: string,
    auth: Record<string, string>,
    payload: Record<string, unknown>,
  ) => t.agentEvent(interviewId, auth, payload);

  async function recordingOf(interviewId: string) {
    const row = await t.db
      .selectFrom('interviews')
      .select('recording_location')
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
    const events = await t.db
      .selectFrom('interview_events')
      .select('type')
      .where('interview_id', '=', interviewId)
      .execute();
    return { location: row.recording_location, events: events.map((event) => event.type) };
  }

  it('mid-call: the egress stops, and the audio it uploads is deleted, never stored', async () => {
    const { interviewId, roomName, auth, key } = await answeredCall();
    await report(interviewId, auth, { event: 'recording_declined' });
    expect(t.emulator.callsTo('StopEgress')).toHaveLength(1);
    await t.emulator.flushWebhooks();
    expect(s3.has(BUCKET, key)).toBe(false);
    const after = await recordingOf(interviewId);
    expect(after.location).toBeNull();
    expect(after.events).toEqual(
      expect.arrayContaining(['recording_declined', 'recording_discarded']),
    );
    // The call goes on, and its end keeps nothing either.
    await t.telephony.callPlacer.hangUp(roomName);
    await t.emulator.flushWebhooks();
    expect((await recordingOf(interviewId)).location).toBeNull();
  });

  it('after the audio was saved: it is deleted from the bucket and unlinked', async () => {
    const { interviewId, roomName, auth, key } = await answeredCall();
    await t.telephony.callPlacer.hangUp(roomName);
    await t.emulator.flushWebhooks();
    expect((await recordingOf(interviewId)).location).toBe(`s3://${BUCKET}/${key}`);
    await report(interviewId, auth, { event: 'recording_declined' });
    expect(s3.has(BUCKET, key)).toBe(false);
    expect((await recordingOf(interviewId)).location).toBeNull();
    const deletes = s3.requests.filter((request) => request.status === 204);
    expect(deletes).toHaveLength(1);
  });

  it('a candidate who does not decline keeps the recording for the recruiter', async () => {
    const { interviewId, roomName, key } = await answeredCall();
    await t.telephony.callPlacer.hangUp(roomName);
    await t.emulator.flushWebhooks();
    expect((await recordingOf(interviewId)).location).toBe(`s3://${BUCKET}/${key}`);
    expect(s3.has(BUCKET, key)).toBe(true);
    expect(t.emulator.callsTo('StopEgress')).toHaveLength(0);
  });
});
