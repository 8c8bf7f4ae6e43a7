import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JOB, extractKnockoutAnswer } from '@screenline/core';
import { clipAsHeard, type Channel } from './channel.js';
import { makeClip } from './make-clips.js';
import { allPersonaLines } from './persona-lines.js';
import { PocketsphinxRecogniser } from './pocketsphinx-recogniser.js';
import { createSpeechServer } from './speech-server.js';
import { decodeWav, encodeWav, pcmFromBytes, rmsLevel, type Pcm16 } from './wav.js';
import { wordErrorRate } from './word-error-rate.js';

let server: Server;
let base: string;
let recogniser: PocketsphinxRecogniser;
let clipDir: string;
const auth = { authorization: 'Bearer sk-local' };

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), 'speech-server-test-'));
  recogniser = new PocketsphinxRecogniser({ mode: 'domain-lm', lines: await allPersonaLines() });
  await recogniser.prepare();
  server = createSpeechServer({ recogniser });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await recogniser.close();
  await rm(clipDir, { recursive: true, force: true });
});

function speech(body: unknown, headers: Record<string, string> = auth): Promise<Response> {
  return fetch(`${base}/v1/audio/speech`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function transcription(
  fields: Record<string, string | Blob>,
  headers: Record<string, string> = auth,
): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'audio.wav');
  }
  return fetch(`${base}/v1/audio/transcriptions`, { method: 'POST', headers, body: form });
}

function wavBlob(pcm: Pcm16): Blob {
  return new Blob([new Uint8Array(encodeWav(pcm))], { type: 'audio/wav' });
}

async function expectOpenAiError(
  response: Response,
  status: number,
  code?: string | null,
): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as {
    error: { message: string; type: string; code: string | null };
  };
  expect(body.error.type).toBe('invalid_request_error');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code !== undefined) expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('POST /v1/audio/speech', () => {
  const line = 'Hello, this is an AI assistant calling for Northwind Labs.';

  it('answers raw 24 kHz s16le PCM for response_format pcm, as the plugin reads it', async () => {
    const response = await speech({
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: line,
      response_format: 'pcm',
      speed: 1,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/pcm');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length % 2).toBe(0);
    expect(bytes.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
    const audio = pcmFromBytes(bytes, 24_000);
    const seconds = audio.samples.length / 24_000;
    // About ten words at 165 words a minute.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(8);
    expect(rmsLevel(audio.samples)).toBeGreaterThan(0.02);
  });

  it('answers a 24 kHz mono WAV for response_format wav', async () => {
    const response = await speech({
      model: 'tts-1',
      voice: 'nova',
      input: 'Two weeks.',
      response_format: 'wav',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const audio = decodeWav(Buffer.from(await response.arrayBuffer()));
    expect(audio.sampleRate).toBe(24_000);
    expect(rmsLevel(audio.samples)).toBeGreaterThan(0.02);
  });

  it('serves a repeated line from its cache, byte for byte', async () => {
    const body = {
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Goodbye for now.',
      response_format: 'pcm',
    };
    const first = Buffer.from(await (await speech(body)).arrayBuffer());
    const second = Buffer.from(await (await speech(body)).arrayBuffer());
    expect(second.equals(first)).toBe(true);
  });

  it('speaks slower at a lower speed', async () => {
    const at = async (speed: number): Promise<number> =>
      (
        await (
          await speech({
            model: 'tts-1',
            voice: 'alloy',
            input: line,
            response_format: 'pcm',
            speed,
          })
        ).arrayBuffer()
      ).byteLength;
    expect(await at(0.5)).toBeGreaterThan((await at(1)) * 1.5);
  });

  it('refuses what OpenAI refuses, in its error shape', async () => {
    const valid = {
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: 'Hi.',
      response_format: 'pcm',
    };
    await expectOpenAiError(await speech(valid, {}), 401);
    await expectOpenAiError(await speech({ ...valid, model: 'tts-2' }), 404, 'model_not_found');
    await expectOpenAiError(await speech({ ...valid, voice: 'robot' }), 400, 'invalid_value');
    await expectOpenAiError(
      await speech({ ...valid, input: '' }),
      400,
      'missing_required_parameter',
    );
    await expectOpenAiError(
      await speech({ ...valid, input: 'x'.repeat(4097) }),
      400,
      'string_above_max_length',
    );
    await expectOpenAiError(await speech({ ...valid, speed: 5 }), 400, 'invalid_value');
    await expectOpenAiError(
      await speech({ ...valid, response_format: 'ogg' }),
      400,
      'invalid_value',
    );
    await expectOpenAiError(await speech({ ...valid, sample_rate: 16000 }), 400);
    const notJson = await fetch(`${base}/v1/audio/speech`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{',
    });
    await expectOpenAiError(notJson, 400);
    await expectOpenAiError(await fetch(`${base}/v1/audio/voices`, { headers: auth }), 404);
  });

  it('says plainly when a valid OpenAI format is one it does not make', async () => {
    const message = await expectOpenAiError(
      await speech({ model: 'tts-1', voice: 'alloy', input: 'Hi.', response_format: 'mp3' }),
      400,
      'unsupported_value',
    );
    expect(message).toContain('pcm');
  });

  it('checks the key when it was started with one', async () => {
    const locked = createSpeechServer({ recogniser, apiKey: 'sk-right' });
    await new Promise<void>((resolve) => locked.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(locked.address() as AddressInfo).port}/v1/audio/speech`;
      const ask = (key: string): Promise<Response> =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({
            model: 'tts-1',
            voice: 'alloy',
            input: 'Hi.',
            response_format: 'pcm',
          }),
        });
      await expectOpenAiError(await ask('sk-wrong'), 401, 'invalid_api_key');
      expect((await ask('sk-right')).status).toBe(200);
    } finally {
      locked.closeAllConnections();
      await new Promise<void>((resolve) => locked.close(() => resolve()));
    }
  });
});

describe('POST /v1/audio/transcriptions', () => {
  const heard = async (text: string, channel: Channel): Promise<string> => {
    const clip = await makeClip(text, clipDir);
    const audio = await clipAsHeard(
      { mulaw: join(clipDir, clip.mulaw), wav: join(clipDir, clip.wav) },
      channel,
    );
    const response = await transcription({
      file: wavBlob(audio),
      model: 'gpt-4o-mini-transcribe',
      language: 'en',
      response_format: 'json',
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { text: string }).text;
  };

  it.each([
    ['phone', 'Yes, this is Jordan.'],
    ['phone', 'Tomorrow at three in the afternoon would be better.'],
    ['browser', 'Please stop calling me. Take me off your list.'],
  ] as const)('recognises a candidate clip heard over the %s: %s', async (channel, text) => {
    expect(wordErrorRate(text, await heard(text, channel))).toBeLessThanOrEqual(0.15);
  });

  it.each([
    ['work-authorization', 'Yes, I am.'],
    ['work-authorization', 'No, I am afraid not.'],
    ['notice-period', 'Two weeks.'],
    ['salary-expectation', 'About one hundred fifty-five thousand USD per year.'],
  ])('hears the %s answer "%s" over the phone as the engine reads it', async (knockoutId, text) => {
    const knockout = DEMO_JOB.knockouts.find((item) => item.id === knockoutId)!;
    const now = new Date('2026-12-01T12:00:00Z');
    const expected = extractKnockoutAnswer(knockout, text, 't', now);
    const actual = extractKnockoutAnswer(knockout, await heard(text, 'phone'), 't', now);
    expect({ value: actual.value, passed: actual.passed }).toEqual({
      value: expected.value,
      passed: expected.passed,
    });
    expect(expected.value).not.toBeNull();
  });

  it('answers plain text for response_format text', async () => {
    const clip = await makeClip('Two weeks.', clipDir);
    const audio = await clipAsHeard(
      { mulaw: join(clipDir, clip.mulaw), wav: join(clipDir, clip.wav) },
      'phone',
      { sampleRate: 16_000 },
    );
    const response = await transcription({
      file: wavBlob(audio),
      model: 'whisper-1',
      response_format: 'text',
    });
    expect(response.status).toBe(200);
    expect((await response.text()).trim()).toBe('two weeks');
  });

  it('hears nothing in silence', async () => {
    const silence: Pcm16 = { sampleRate: 24_000, samples: new Int16Array(24_000) };
    const response = await transcription({
      file: wavBlob(silence),
      model: 'gpt-4o-mini-transcribe',
    });
    expect(await response.json()).toMatchObject({ text: '' });
  });

  it('refuses what OpenAI refuses', async () => {
    const audio = wavBlob({ sampleRate: 16_000, samples: new Int16Array(16_000) });
    await expectOpenAiError(await transcription({ file: audio, model: 'whisper-1' }, {}), 401);
    await expectOpenAiError(
      await transcription({ model: 'whisper-1' }),
      400,
      'missing_required_parameter',
    );
    await expectOpenAiError(
      await transcription({ file: audio }),
      400,
      'missing_required_parameter',
    );
    await expectOpenAiError(
      await transcription({ file: audio, model: 'whisper-2' }),
      404,
      'model_not_found',
    );
    await expectOpenAiError(
      await transcription({ file: audio, model: 'gpt-realtime-whisper' }),
      400,
    );
    await expectOpenAiError(
      await transcription({ file: audio, model: 'gpt-4o-transcribe', response_format: 'srt' }),
      400,
    );
    await expectOpenAiError(
      await transcription({ file: audio, model: 'whisper-1', language: 'English' }),
      400,
      'invalid_language_format',
    );
    await expectOpenAiError(
      await transcription({ file: audio, model: 'whisper-1', verbose: 'true' }),
      400,
    );
    const garbage = new Blob([new Uint8Array(Buffer.from('RIFF....not a wave file at all'))]);
    await expectOpenAiError(
      await transcription({ file: garbage, model: 'whisper-1' }),
      400,
      'invalid_value',
    );
    const tooShort = wavBlob({ sampleRate: 16_000, samples: new Int16Array(800) });
    await expectOpenAiError(
      await transcription({ file: tooShort, model: 'whisper-1' }),
      400,
      'audio_too_short',
    );
    const asJson = await fetch(`${base}/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    await expectOpenAiError(asJson, 400);
  });
});

describe('GET /health', () => {
  it('answers without a key and names the recogniser', async () => {
    const response = await fetch(`${base}/health`);
    expect(await response.json()).toEqual({ status: 'ok', recogniser: 'pocketsphinx-domain-lm' });
  });
});
