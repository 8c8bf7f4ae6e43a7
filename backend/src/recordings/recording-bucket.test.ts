import { ZInterviewReview } from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/recruiter-auth.js';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { insertInterview } from '../test/recruiter-fixtures.js';
import { TEST_ENGINES } from '../test/test-database.js';
import { startFakeS3, type FakeS3 } from '../test-support/fake-s3.js';
import { RecordingBucket, objectKeyOf, type RecordingStorage } from './recording-bucket.js';

const STORAGE = {
  bucket: 'screenline-calls',
  region: 'eu-west-1',
  accessKey: 'AKIATESTRECORDINGS01',
  secret: 'test-recording-secret-test-recording-000',
  prefix: 'recordings/',
};
const KEY = 'recordings/screen-abc-1-2026-11-25T101500.ogg';
/** Bytes that stand for the audio: the fake bucket serves whatever was put. */
const AUDIO = Buffer.from('OggS\u0000fake-opus-payload-'.repeat(64));

describe('objectKeyOf', () => {
  it.each([
    [`s3://${STORAGE.bucket}/${KEY}`, KEY],
    [`https://${STORAGE.bucket}.s3.eu-west-1.amazonaws.com/${KEY}`, KEY],
    [`https://minio.internal:9000/${STORAGE.bucket}/${KEY}`, KEY],
    [`https://minio.internal/${STORAGE.bucket}/recordings/a%20b.ogg`, 'recordings/a b.ogg'],
    [KEY, KEY],
  ])('reads the key of %s', (location, key) => {
    expect(objectKeyOf(location, STORAGE)).toBe(key);
  });

  it.each([
    [`s3://another-bucket/${KEY}`],
    [`https://another-bucket.s3.amazonaws.com/${KEY}`],
    [`https://minio.internal/${STORAGE.bucket}/resumes/cv.pdf`],
    [`https://minio.internal/${STORAGE.bucket}/recordings/../resumes/cv.pdf`],
    ['file:///etc/passwd'],
    [''],
  ])('refuses %s, which is not one of our recordings', (location) => {
    expect(objectKeyOf(location, STORAGE)).toBeUndefined();
  });
});

describe('signed recording links against a strict S3 stand-in', () => {
  let s3: FakeS3;
  let storage: RecordingStorage;
  const later = { now: new Date() };

  beforeAll(async () => {
    s3 = await startFakeS3({ ...STORAGE, now: () => later.now });
    storage = { ...STORAGE, endpoint: s3.endpoint };
    s3.put(STORAGE.bucket, KEY, AUDIO, 'application/octet-stream');
  });
  afterAll(async () => {
    await s3.close();
  });

  it('gives a link the bucket accepts, served as audio with seeking', async () => {
    later.now = new Date();
    const url = await new RecordingBucket(storage).signedUrl(`s3://${STORAGE.bucket}/${KEY}`);
    expect(url).toBeDefined();
    const whole = await fetch(url ?? '');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await whole.arrayBuffer()).equals(AUDIO)).toBe(true);
    const part = await fetch(url ?? '', { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(AUDIO.subarray(10, 20))).toBe(true);
  });

  it('a link for another key, with the wrong secret, or past its ten minutes is refused', async () => {
    later.now = new Date();
    const url = new URL((await new RecordingBucket(storage).signedUrl(KEY)) ?? '');
    const otherKey = new URL(url);
    otherKey.pathname = `/${STORAGE.bucket}/recordings/someone-else.ogg`;
    const forged = await new RecordingBucket({ ...storage, secret: 'not-the-secret' }).signedUrl(
      KEY,
    );
    const refusals = [
      await fetch(otherKey),
      await fetch(forged ?? ''),
      await fetch(url.toString().replace('X-Amz-Expires=600', 'X-Amz-Expires=6000')),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/SignatureDoesNotMatch/);
    }
    later.now = new Date(Date.now() + 11 * 60_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/Request has expired/);
  });
});

describe.each(TEST_ENGINES)('the recruiter’s recording player on %s', (engine) => {
  let s3: FakeS3;
  let testApp: TestApp;
  let cookie: Record<string, string>;
  let recordedId: string;
  let silentId: string;

  beforeAll(async () => {
    s3 = await startFakeS3(STORAGE);
    s3.put(STORAGE.bucket, KEY, AUDIO, 'application/octet-stream');
    testApp = await buildTestApp(engine, {
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
      RECORDING_S3_BUCKET: STORAGE.bucket,
      RECORDING_S3_REGION: STORAGE.region,
      RECORDING_S3_ACCESS_KEY: STORAGE.accessKey,
      RECORDING_S3_SECRET: STORAGE.secret,
      RECORDING_S3_ENDPOINT: s3.endpoint,
    });
    const signIn = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'admin@example.com', password: 'correct horse battery' },
    });
    cookie = {
      [SESSION_COOKIE]: signIn.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '',
    };
    const db = testApp.database.db;
    const at = '2026-11-20T10:00:00Z';
    recordedId = await insertInterview(db, {
      name: 'Ada',
      status: 'completed',
      score: null,
      createdAt: at,
    });
    silentId = await insertInterview(db, {
      name: 'Grace',
      status: 'completed',
      score: null,
      createdAt: at,
    });
    await db
      .updateTable('interviews')
      .set({ recording_location: `${s3.endpoint}/${STORAGE.bucket}/${KEY}` })
      .where('id', '=', recordedId)
      .execute();
  });
  afterAll(async () => {
    await testApp.close();
    await s3.close();
  });

  it('the review names the player’s source only when there is a recording', async () => {
    const review = async (id: string) =>
      ZInterviewReview.parse(
        (
          await testApp.app.inject({
            method: 'GET',
            url: `/api/interviews/${id}/review`,
            cookies: cookie,
          })
        ).json(),
      );
    expect((await review(recordedId)).interview.recordingUrl).toBe(
      `/api/interviews/${recordedId}/recording`,
    );
    expect((await review(silentId)).interview.recordingUrl).toBeNull();
    // A decision answers with the review: the player must not vanish after the click.
    const decided = await testApp.app.inject({
      method: 'POST',
      url: `/api/interviews/${recordedId}/decision`,
      cookies: cookie,
      payload: { decision: 'advance' },
    });
    expect(ZInterviewReview.parse(decided.json()).interview.recordingUrl).toBe(
      `/api/interviews/${recordedId}/recording`,
    );
  });

  it('redirects a signed-in recruiter to a short-lived link the bucket serves', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${recordedId}/recording`,
      cookies: cookie,
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers['cache-control']).toBe('no-store');
    const location = String(response.headers.location);
    expect(location).toContain('X-Amz-Expires=600');
    const audio = await fetch(location);
    expect(audio.status).toBe(200);
    expect(Buffer.from(await audio.arrayBuffer()).equals(AUDIO)).toBe(true);
  });

  it('answers 404 with a message without a recording, and 401 without a session', async () => {
    const none = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${silentId}/recording`,
      cookies: cookie,
    });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ message: 'This interview has no recording.' });
    const anonymous = await testApp.app.inject({
      method: 'GET',
      url: `/api/interviews/${recordedId}/recording`,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers.location).toBeUndefined();
  });
});
