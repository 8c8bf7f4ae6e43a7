import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clipAsHeard } from './channel.js';
import { makeClip } from './make-clips.js';
import { allPersonaLines } from './persona-lines.js';
import { PocketsphinxRecogniser } from './pocketsphinx-recogniser.js';
import { createSpeechServer } from './speech-server.js';
import { RealtimeTestClient, type UpgradeResult } from './testing/realtime-test-client.js';
import { bytesFromPcm, type Pcm16 } from './wav.js';
import { wordErrorRate } from './word-error-rate.js';

let server: Server;
let port: number;
let recogniser: PocketsphinxRecogniser;
let clipDir: string;
const clients: RealtimeTestClient[] = [];
const AUTH = { authorization: 'Bearer sk-local' };
const PATH = '/v1/realtime?intent=transcription&model=gpt-4o-mini-transcribe';

/** What the plugin sends first (agent/src/speech.ts: gpt-4o-mini-transcribe, language en). */
const PLUGIN_SESSION_UPDATE = {
  type: 'session.update',
  session: {
    type: 'transcription',
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
        turn_detection: {
          type: 'server_vad',
          threshold: 0.5,
          prefix_padding_ms: 600,
          silence_duration_ms: 350,
        },
      },
    },
  },
};

beforeAll(async () => {
  clipDir = await mkdtemp(join(tmpdir(), 'realtime-test-'));
  recogniser = new PocketsphinxRecogniser({ mode: 'domain-lm', lines: await allPersonaLines() });
  await recogniser.prepare();
  server = createSpeechServer({ recogniser });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await recogniser.close();
  await rm(clipDir, { recursive: true, force: true });
});

async function open(
  path = PATH,
  headers: Record<string, string> = AUTH,
): Promise<RealtimeTestClient> {
  const result = await RealtimeTestClient.connect(port, path, headers);
  if (!result.isAccepted) throw new Error(`upgrade refused: ${result.status}`);
  clients.push(result.client);
  return result.client;
}

async function refusal(
  path: string,
  headers: Record<string, string> = AUTH,
): Promise<{ status: number; error: Record<string, unknown> }> {
  const result: UpgradeResult = await RealtimeTestClient.connect(port, path, headers);
  if (result.isAccepted) throw new Error('the upgrade was accepted');
  return {
    status: result.status,
    error: (JSON.parse(result.body) as { error: Record<string, unknown> }).error,
  };
}

async function phoneClip(text: string): Promise<Pcm16> {
  const clip = await makeClip(text, clipDir);
  return clipAsHeard({ mulaw: join(clipDir, clip.mulaw), wav: join(clipDir, clip.wav) }, 'phone');
}

/** Appends audio in 50 ms events, as the plugin does (1200 samples of 24 kHz PCM16 each). */
function append(client: RealtimeTestClient, pcm: Pcm16): void {
  const bytes = bytesFromPcm(pcm);
  for (let offset = 0; offset < bytes.length; offset += 2400) {
    client.send({
      type: 'input_audio_buffer.append',
      audio: bytes.subarray(offset, offset + 2400).toString('base64'),
    });
  }
}

function silence(ms: number): Pcm16 {
  return { sampleRate: 24_000, samples: new Int16Array((24_000 * ms) / 1000) };
}

function errorOf(event: Record<string, unknown>): Record<string, unknown> {
  return event.error as Record<string, unknown>;
}

describe('the realtime transcription WebSocket', () => {
  it('takes the plugin session, finds the speech and transcribes each utterance in order', async () => {
    const client = await open();
    const created = await client.waitForType('session.created');
    expect(created.session).toMatchObject({ type: 'transcription' });
    client.send(PLUGIN_SESSION_UPDATE);
    const updated = await client.waitForType('session.updated');
    expect(updated.session).toMatchObject({
      audio: {
        input: {
          transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
          turn_detection: { silence_duration_ms: 350 },
        },
      },
    });

    const lines = ['Yes, I am.', 'Tomorrow at three in the afternoon would be better.'];
    append(client, silence(700));
    for (const line of lines) {
      append(client, await phoneClip(line));
      append(client, silence(1_000));
    }
    const completed = async (index: number): Promise<Record<string, unknown>> => {
      await client.waitFor(
        () =>
          client.events.filter(
            (e) => e.type === 'conversation.item.input_audio_transcription.completed',
          ).length > index,
        20_000,
      );
      return client.events.filter(
        (e) => e.type === 'conversation.item.input_audio_transcription.completed',
      )[index]!;
    };
    const first = await completed(0);
    const second = await completed(1);
    expect(wordErrorRate(lines[0]!, first.transcript as string)).toBe(0);
    expect(wordErrorRate(lines[1]!, second.transcript as string)).toBeLessThanOrEqual(0.15);

    // One started, stopped, committed, delta, completed per utterance, for the same item.
    const types = client.events.map((event) => event.type);
    expect(types.filter((type) => type === 'input_audio_buffer.speech_started')).toHaveLength(2);
    const started = client.events.find((e) => e.type === 'input_audio_buffer.speech_started')!;
    const stopped = client.events.find((e) => e.type === 'input_audio_buffer.speech_stopped')!;
    const committed = client.events.find((e) => e.type === 'input_audio_buffer.committed')!;
    expect(stopped.item_id).toBe(started.item_id);
    expect(committed.item_id).toBe(started.item_id);
    expect(first.item_id).toBe(started.item_id);
    // The speech began after 700 ms of silence; the start is padded by up to 600 ms.
    expect(started.audio_start_ms).toBeGreaterThanOrEqual(100);
    expect(started.audio_start_ms).toBeLessThanOrEqual(700);
    expect(stopped.audio_end_ms as number).toBeGreaterThan(700 + 500);
    expect(client.events.some((e) => e.type === 'error')).toBe(false);
  });

  it('commits on request when turn detection is off, and refuses an empty commit', async () => {
    const client = await open();
    client.send({
      ...PLUGIN_SESSION_UPDATE,
      session: { ...PLUGIN_SESSION_UPDATE.session, audio: { input: { turn_detection: null } } },
    });
    await client.waitForType('session.updated');
    client.send({ type: 'input_audio_buffer.commit', event_id: 'evt-empty' });
    const refused = errorOf(await client.waitForType('error'));
    expect(refused).toMatchObject({
      type: 'invalid_request_error',
      code: 'input_audio_buffer_commit_empty',
      event_id: 'evt-empty',
    });

    append(client, await phoneClip('Two weeks.'));
    expect(client.events.some((e) => e.type === 'input_audio_buffer.speech_started')).toBe(false);
    client.send({ type: 'input_audio_buffer.commit' });
    const done = await client.waitForType(
      'conversation.item.input_audio_transcription.completed',
      20_000,
    );
    expect(done.transcript).toBe('two weeks');
  });

  it('leaves committing to the client for the models without server-side endpointing', async () => {
    const client = await open('/v1/realtime?intent=transcription&model=gpt-realtime-whisper');
    client.send({
      type: 'session.update',
      session: {
        type: 'transcription',
        audio: {
          input: {
            format: { type: 'audio/pcm', rate: 24000 },
            transcription: { model: 'gpt-realtime-whisper', language: 'en' },
          },
        },
      },
    });
    const updated = await client.waitForType('session.updated');
    expect(updated.session).toMatchObject({ audio: { input: { turn_detection: null } } });
    append(client, await phoneClip('Two weeks.'));
    append(client, silence(1_000));
    client.send({ type: 'input_audio_buffer.commit' });
    const done = await client.waitForType(
      'conversation.item.input_audio_transcription.completed',
      20_000,
    );
    expect(done.transcript).toBe('two weeks');
    expect(client.events.some((e) => e.type === 'input_audio_buffer.speech_started')).toBe(false);
    client.send({
      ...PLUGIN_SESSION_UPDATE,
      session: {
        ...PLUGIN_SESSION_UPDATE.session,
        audio: {
          input: {
            transcription: { model: 'gpt-realtime-whisper' },
            turn_detection: { type: 'server_vad' },
          },
        },
      },
    });
    expect(errorOf(await client.waitForType('error'))).toMatchObject({
      param: 'session.audio.input.turn_detection',
    });
  });

  it('answers a session the real API would refuse with an error event', async () => {
    const client = await open();
    await client.waitForType('session.created');
    const update = (input: Record<string, unknown>, session: Record<string, unknown> = {}): void =>
      client.send({
        type: 'session.update',
        session: { type: 'transcription', audio: { input }, ...session },
      });
    const cases: [() => void, string][] = [
      [
        () => update({ format: { type: 'audio/pcm', rate: 16000 } }),
        'session.audio.input.format.rate',
      ],
      [() => update({ format: { type: 'audio/wav' } }), 'session.audio.input.format.type'],
      [
        () => update({ transcription: { model: 'whisper-2' } }),
        'session.audio.input.transcription.model',
      ],
      [
        () => update({ turn_detection: { type: 'server_vad', silence_duration_ms: -1 } }),
        'session.audio.input.turn_detection.silence_duration_ms',
      ],
      [() => update({ sample_rate: 16000 }), 'session.audio.input.sample_rate'],
      [() => update({}, { type: 'realtime' }), 'session.type'],
      [() => client.send({ type: 'response.create' }), 'type'],
      [() => client.send({ type: 'input_audio_buffer.append', audio: 'not base64!' }), 'audio'],
    ];
    for (const [index, [send, param]] of cases.entries()) {
      send();
      await client.waitFor(() => client.events.filter((e) => e.type === 'error').length > index);
      expect(errorOf(client.events.filter((e) => e.type === 'error')[index]!)).toMatchObject({
        type: 'invalid_request_error',
        param,
      });
    }
    client.sendRaw(Buffer.from('{'));
    await client.waitFor((e) => e.type === 'error' && errorOf(e).code === 'invalid_json');
    // μ-law is valid for OpenAI but not decoded here: said plainly, not silently mis-heard.
    update({ format: { type: 'audio/pcmu' } });
    await client.waitFor((e) => e.type === 'error' && errorOf(e).code === 'unsupported_value');
    expect(client.events.some((e) => e.type === 'session.updated')).toBe(false);
  });

  it('closes on a binary frame (the protocol is JSON text)', async () => {
    const client = await open();
    client.sendRaw(Buffer.from([1, 2, 3]), 2);
    await client.waitForClose();
    expect(client.isClosed).toBe(true);
  });

  it('refuses the upgrade without a key, without the transcription intent, or for an unknown model', async () => {
    expect(await refusal(PATH, {})).toMatchObject({ status: 401 });
    expect(await refusal('/v1/realtime?model=gpt-realtime')).toMatchObject({
      status: 400,
      error: { param: 'intent' },
    });
    expect(await refusal('/v1/realtime?intent=transcription&model=gpt-9')).toMatchObject({
      status: 404,
      error: { code: 'model_not_found' },
    });
    expect(await refusal('/v1/elsewhere?intent=transcription')).toMatchObject({ status: 404 });
  });
});
