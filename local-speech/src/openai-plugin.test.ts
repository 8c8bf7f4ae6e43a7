import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initializeLogger, stt } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
import { AudioFrame } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipAsHeard } from './channel.js';
import { makeClip } from './make-clips.js';
import { allPersonaLines } from './persona-lines.js';
import { PocketsphinxRecogniser } from './pocketsphinx-recogniser.js';
import { createSpeechServer } from './speech-server.js';
import { rmsLevel, type Pcm16 } from './wav.js';
import { wordErrorRate } from './word-error-rate.js';

// The agent's own classes from @livekit/agents-plugin-openai, built as agent/src/speech.ts builds
// them for SPEECH=openai, pointed at this server: what the plugin sends is what is tested.
let server: Server;
let baseURL: string;
let recogniser: PocketsphinxRecogniser;
let clipDir: string;
const apiKey = 'local';

beforeAll(async () => {
  initializeLogger({ pretty: false, level: 'error' });
  clipDir = await mkdtemp(join(tmpdir(), 'plugin-test-'));
  recogniser = new PocketsphinxRecogniser({ mode: 'domain-lm', lines: await allPersonaLines() });
  await recogniser.prepare();
  server = createSpeechServer({ recogniser });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await recogniser.close();
  await rm(clipDir, { recursive: true, force: true });
});

async function phoneClip(text: string): Promise<Pcm16> {
  const clip = await makeClip(text, clipDir);
  return clipAsHeard({ mulaw: join(clipDir, clip.mulaw), wav: join(clipDir, clip.wav) }, 'phone');
}

/** 20 ms frames at the clip's rate, as a room track delivers them. */
function framesOf(pcm: Pcm16): AudioFrame[] {
  const size = pcm.sampleRate / 50;
  const frames: AudioFrame[] = [];
  for (let offset = 0; offset < pcm.samples.length; offset += size) {
    const samples = new Int16Array(size);
    samples.set(pcm.samples.subarray(offset, offset + size));
    frames.push(new AudioFrame(samples, pcm.sampleRate, 1, size));
  }
  return frames;
}

describe('the OpenAI plugin against the local speech server', () => {
  it('openai.TTS (gpt-4o-mini-tts, alloy) gets 24 kHz mono speech', async () => {
    const tts = new openai.TTS({ model: 'gpt-4o-mini-tts', voice: 'alloy', baseURL, apiKey });
    const frames: AudioFrame[] = [];
    for await (const audio of tts.synthesize(
      'Got it. Before we start, am I speaking with Jordan?',
    )) {
      frames.push(audio.frame);
    }
    await tts.close();
    expect(frames.length).toBeGreaterThan(10);
    expect(new Set(frames.map((frame) => frame.sampleRate))).toEqual(new Set([24_000]));
    expect(new Set(frames.map((frame) => frame.channels))).toEqual(new Set([1]));
    const samples = frames.reduce((sum, frame) => sum + frame.samplesPerChannel, 0);
    expect(samples / 24_000).toBeGreaterThan(2);
    const all = new Int16Array(samples);
    let offset = 0;
    for (const frame of frames) {
      all.set(frame.data.subarray(0, frame.samplesPerChannel), offset);
      offset += frame.samplesPerChannel;
    }
    expect(rmsLevel(all)).toBeGreaterThan(0.02);
  });

  it('openai.STT (gpt-4o-mini-transcribe, realtime) streams a phone clip and gets the final transcript', async () => {
    const recognition = new openai.STT({
      model: 'gpt-4o-mini-transcribe',
      language: 'en',
      baseURL,
      apiKey,
    });
    expect(recognition.capabilities.streaming).toBe(true);
    const stream = recognition.stream();
    const line = 'About one hundred fifty-five thousand USD per year.';
    const silence: Pcm16 = { sampleRate: 24_000, samples: new Int16Array(24_000) };
    for (const frame of [
      ...framesOf(silence),
      ...framesOf(await phoneClip(line)),
      ...framesOf(silence),
    ]) {
      stream.pushFrame(frame);
    }
    const seen: stt.SpeechEventType[] = [];
    let transcript = '';
    for await (const event of stream) {
      seen.push(event.type);
      if (event.type === stt.SpeechEventType.FINAL_TRANSCRIPT) {
        transcript = event.alternatives?.[0]?.text ?? '';
        break;
      }
    }
    stream.close();
    await recognition.close();
    expect(seen[0]).toBe(stt.SpeechEventType.START_OF_SPEECH);
    expect(seen).toContain(stt.SpeechEventType.END_OF_SPEECH);
    expect(transcript).toContain('one hundred fifty five thousand');
    expect(wordErrorRate(line, transcript)).toBeLessThanOrEqual(0.34);
  });

  it('openai.STT with useRealtime false posts the file to /v1/audio/transcriptions', async () => {
    const recognition = new openai.STT({
      model: 'gpt-4o-mini-transcribe',
      language: 'en',
      baseURL,
      apiKey,
      useRealtime: false,
    });
    const event = await recognition.recognize(framesOf(await phoneClip('Yes, this is Jordan.')));
    expect(event.type).toBe(stt.SpeechEventType.FINAL_TRANSCRIPT);
    expect(event.alternatives?.[0]?.text).toBe('yes this is jordan');
  });
});
