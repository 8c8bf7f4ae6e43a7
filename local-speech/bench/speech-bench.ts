/**
 * `npm run bench:speech`: how well each recogniser option hears the candidate clips (word error
 * rate per clip and overall, and whether the engine reads every knock-out answer as the persona
 * meant it), over the phone (G.711 μ-law, 8 kHz) and from the browser (wideband WAV); and how
 * soon the speech endpoint answers with audio (time to first byte, cold and cached, short and long
 * line) beside the raw espeak-ng process measured in the same run.
 *
 * Options: --recognisers a,b  --channels phone,browser  --variations N (phone copies with their
 * own dither, to see how stable recognition is; default 3)  --runs N  --skip-tts  --skip-wer  --verbose
 */
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_JOB, extractKnockoutAnswer, type Knockout, type PersonaName } from '@screenline/core';
import { clipAsHeard, type Channel } from '../src/channel.js';
import { EspeakSynthesiser } from '../src/espeak-synthesiser.js';
import { makePersonaClips, type Clip } from '../src/make-clips.js';
import { allPersonaLines } from '../src/persona-lines.js';
import {
  PocketsphinxRecogniser,
  type PocketsphinxOptions,
} from '../src/pocketsphinx-recogniser.js';
import { createSpeechServer } from '../src/speech-server.js';
import { VOICES } from '../src/openai-models.js';
import { RealtimeTestClient } from '../src/testing/realtime-test-client.js';
import { bytesFromPcm } from '../src/wav.js';
import { countWordErrors, rateOf, type WordErrors } from '../src/word-error-rate.js';

const PERSONAS: PersonaName[] = [
  'qualified',
  'knockout',
  'callback',
  'optout',
  'wrong-person',
  'curious',
];
const NOW = new Date('2026-12-01T12:00:00Z');

const RECOGNISERS: Record<string, Omit<PocketsphinxOptions, 'lines'>> = {
  general: { mode: 'general' },
  'domain-lm': { mode: 'domain-lm' },
  grammar: { mode: 'grammar' },
  'domain-lm-wideband-only': { mode: 'domain-lm', narrowband: false },
};

const { values } = parseArgs({
  options: {
    recognisers: { type: 'string', default: Object.keys(RECOGNISERS).join(',') },
    channels: { type: 'string', default: 'phone,browser' },
    runs: { type: 'string', default: '9' },
    variations: { type: 'string', default: '3' },
    'skip-tts': { type: 'boolean', default: false },
    'skip-wer': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

if (!values['skip-wer']) await benchRecognition();
if (!values['skip-wer']) await benchRealtimeLatency();
if (!values['skip-tts']) await benchSynthesis(Number(values.runs));

interface ClipCase {
  clip: Clip;
  directory: string;
  /** The knock-out this line answers, when it answers one. */
  knockout?: Knockout;
}

async function benchRecognition(): Promise<void> {
  const cases = new Map<string, ClipCase>();
  for (const persona of PERSONAS) {
    const { manifest, path } = await makePersonaClips(persona);
    const directory = join(path, '..');
    for (const clip of manifest.clips) {
      if (cases.has(clip.text)) continue;
      const knockout = knockoutAnswered(clip.text);
      cases.set(clip.text, { clip, directory, ...(knockout === undefined ? {} : { knockout }) });
    }
  }
  const lines = await allPersonaLines();
  const totalWords = [...cases.values()].reduce(
    (sum, c) => sum + countWordErrors(c.clip.text, '').referenceWords,
    0,
  );
  const audioMs = [...cases.values()].reduce((sum, c) => sum + c.clip.durationMs, 0);
  print(
    `Recognition: ${cases.size} distinct candidate clips of ${PERSONAS.join(', ')} (${totalWords} words, ${(audioMs / 1000).toFixed(1)} s),`,
  );
  print(
    `voice en-us+klatt4 at 150 wpm; the domain model and grammar are built from every persona's ${lines.length} lines.`,
  );
  print('WER = (substitutions + deletions + insertions) / reference words, pooled over the clips.');
  print();

  const summary: string[] = [];
  for (const name of values.recognisers.split(',')) {
    const options = RECOGNISERS[name];
    if (options === undefined)
      throw new Error(`unknown recogniser ${name}: ${Object.keys(RECOGNISERS).join(', ')}`);
    const recogniser = new PocketsphinxRecogniser({ ...options, lines, name });
    const variations = Number(values.variations);
    const runsOf = values.channels
      .split(',')
      .map((channel) => ({ channel: channel as Channel, copies: 1, isRepeatable: true }));
    if (variations > 0) runsOf.push({ channel: 'phone', copies: variations, isRepeatable: false });
    for (const { channel, copies, isRepeatable } of runsOf) {
      const label = isRepeatable ? channel : `phone x${copies} dithered`;
      const errors: WordErrors[] = [];
      let knockoutsRight = 0;
      let knockouts = 0;
      let recogniseMs = 0;
      print(`${name} / ${label}`);
      for (const { clip, directory, knockout } of [...cases.values()].flatMap((c) =>
        Array<ClipCase>(copies).fill(c),
      )) {
        const audio = await clipAsHeard(
          { mulaw: join(directory, clip.mulaw), wav: join(directory, clip.wav) },
          channel,
          { isRepeatable },
        );
        const started = performance.now();
        const heard = await recogniser.transcribe(audio);
        recogniseMs += performance.now() - started;
        const clipErrors = countWordErrors(clip.text, heard);
        errors.push(clipErrors);
        let knockoutNote = '';
        if (knockout !== undefined) {
          knockouts += 1;
          const meant = extractKnockoutAnswer(knockout, clip.text, 'reference', NOW);
          const read = extractKnockoutAnswer(knockout, heard, 'heard', NOW);
          const isRight = read.value === meant.value && read.passed === meant.passed;
          if (isRight) knockoutsRight += 1;
          knockoutNote = ` [${knockout.id}: ${isRight ? 'read right' : `MISREAD ${String(read.value)}`}]`;
        }
        const short = clip.text.length > 60 ? `${clip.text.slice(0, 57)}...` : clip.text;
        print(`  ${pct(rateOf([clipErrors])).padStart(6)}  ${short}${knockoutNote}`);
        if (values.verbose || clip.text.length <= 60)
          print(`          heard: ${heard === '' ? '(nothing)' : heard}`);
      }
      const line = `${name.padEnd(24)} ${label.padEnd(19)} WER ${pct(rateOf(errors)).padStart(6)}   knock-outs read right ${knockoutsRight}/${knockouts}   recognition ${(recogniseMs / ((copies * audioMs) / 1000)).toFixed(0)} ms per audio second`;
      summary.push(line);
      print(`  => ${line}`);
      print();
    }
    await recogniser.close();
  }
  print('Summary');
  for (const line of summary) print(`  ${line}`);
  print();
}

/**
 * From the server's end of speech (speech_stopped: 350 ms of silence after the last word, as the
 * plugin configures it) to the final transcript on the realtime socket: the recogniser's share of
 * the agent's wait. Audio is sent in real time (50 ms events), as the plugin sends it from a call.
 */
async function benchRealtimeLatency(): Promise<void> {
  const { manifest, path } = await makePersonaClips('qualified');
  const directory = join(path, '..');
  const clips = manifest.clips.filter((clip) => clip.durationMs <= 10_000);
  const recogniser = new PocketsphinxRecogniser({
    mode: 'domain-lm',
    lines: await allPersonaLines(),
  });
  await recogniser.prepare();
  const server = createSpeechServer({ recogniser });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  print(
    'Realtime socket (domain-lm, phone audio sent in real time): end of speech to final transcript',
  );
  const delays: number[] = [];
  for (const clip of clips) {
    const result = await RealtimeTestClient.connect(
      port,
      '/v1/realtime?intent=transcription&model=gpt-4o-mini-transcribe',
      { authorization: 'Bearer bench' },
    );
    if (!result.isAccepted) throw new Error(`upgrade refused: ${result.status}`);
    const client = result.client;
    client.send({
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
    });
    const audio = await clipAsHeard(
      { mulaw: join(directory, clip.mulaw), wav: join(directory, clip.wav) },
      'phone',
    );
    const bytes = Buffer.concat([Buffer.alloc(14_400), bytesFromPcm(audio), Buffer.alloc(48_000)]);
    const started = performance.now();
    for (let offset = 0, index = 0; offset < bytes.length; offset += 2400, index += 1) {
      // 2400 bytes are 50 ms of 24 kHz PCM16: keep to the clock, as a live call would.
      const due = started + index * 50 - performance.now();
      if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
      client.send({
        type: 'input_audio_buffer.append',
        audio: bytes.subarray(offset, offset + 2400).toString('base64'),
      });
    }
    const count = (type: string): number => client.events.filter((e) => e.type === type).length;
    await client.waitFor(() => {
      const stops = count('input_audio_buffer.speech_stopped');
      return stops > 0 && count('conversation.item.input_audio_transcription.completed') === stops;
    }, 30_000);
    client.close();
    const last = client.events.findLast(
      (e) => e.type === 'input_audio_buffer.speech_stopped',
    )?.item_id;
    const eventTime = (type: string): number | undefined => {
      const event = client.events.findLast((e) => e.type === type && e.item_id === last);
      return event === undefined ? undefined : Number(event.receivedAt);
    };
    const delay =
      (eventTime('conversation.item.input_audio_transcription.completed') ?? Number.NaN) -
      (eventTime('input_audio_buffer.speech_stopped') ?? Number.NaN);
    delays.push(delay);
    const short = clip.text.length > 60 ? `${clip.text.slice(0, 57)}...` : clip.text;
    print(
      `  ${ms(delay).padStart(9)}  ${(clip.durationMs / 1000).toFixed(1).padStart(5)} s  ${short}`,
    );
  }
  print(
    `  median ${ms(median(delays))}, max ${ms(Math.max(...delays))} (the 350 ms silence window comes before this)`,
  );
  print();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await recogniser.close();
}

/** The demo job's knock-out a persona line answers, found by the line's shape. */
function knockoutAnswered(text: string): Knockout | undefined {
  const byId = (id: string): Knockout | undefined => DEMO_JOB.knockouts.find((k) => k.id === id);
  if (/^(Yes, I am|No, I am afraid not)/.test(text)) return byId('work-authorization');
  if (/weeks\.$|days\.$|right away/.test(text)) return byId('notice-period');
  if (/^About .* USD per year\.$/.test(text)) return byId('salary-expectation');
  return undefined;
}

async function benchSynthesis(runs: number): Promise<void> {
  const lines = {
    short: 'Got it. Before we start, am I speaking with Jordan?',
    long: 'Hello, this is an AI assistant calling for Northwind Labs about your application for the Senior Backend Engineer role. This call is recorded and transcribed, and it takes about ten minutes. Is now a good time to talk?',
  };
  print(
    `Synthesis: POST /v1/audio/speech (gpt-4o-mini-tts, alloy = ${VOICES.alloy ?? ''}, pcm 24 kHz) on 127.0.0.1, median of ${runs} runs`,
  );
  print(
    'TTFB = request sent to first audio byte; total = to the last byte (the plugin waits for all of it).',
  );
  print();
  print(`${'line'.padEnd(6)} ${'what'.padEnd(42)} ${'TTFB'.padStart(9)} ${'total'.padStart(9)}`);
  for (const [label, text] of Object.entries(lines)) {
    const cold: [number, number][] = [];
    const cached: [number, number][] = [];
    const espeakOnly: [number, number][] = [];
    const pipeline: [number, number][] = [];
    for (let run = 0; run < runs; run += 1) {
      espeakOnly.push(
        await timeProcess('espeak-ng', ['--stdout', '-v', 'en-us', '-s', '165', text]),
      );
      pipeline.push(await timePipeline(text));
      // A new server per run: its cache is empty, so the first request is cold.
      const server = createSpeechServer({
        recogniser: { name: 'none', transcribe: () => Promise.resolve('') },
        synthesiser: new EspeakSynthesiser(),
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/audio/speech`;
      cold.push(await timeRequest(url, text));
      cached.push(await timeRequest(url, text));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const row = (what: string, samples: [number, number][]): void => {
      print(
        `${label.padEnd(6)} ${what.padEnd(42)} ${ms(median(samples.map((s) => s[0]))).padStart(9)} ${ms(median(samples.map((s) => s[1]))).padStart(9)}`,
      );
    };
    row('endpoint, cold (not cached)', cold);
    row('endpoint, cached', cached);
    row('baseline: espeak-ng process alone (22 kHz)', espeakOnly);
    row('synthesiser in-process (espeak-ng, 24 kHz)', pipeline);
    print(`${''.padEnd(6)} (${text.length} characters)`);
  }
  print();
}

async function timeRequest(url: string, text: string): Promise<[number, number]> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
    body: JSON.stringify({
      model: 'gpt-4o-mini-tts',
      voice: 'alloy',
      input: text,
      response_format: 'pcm',
      speed: 1,
    }),
  });
  if (response.body === null || response.status !== 200)
    throw new Error(`speech answered ${response.status}`);
  let first: number | undefined;
  for await (const chunk of response.body) {
    if ((chunk as Uint8Array).byteLength > 0) first ??= performance.now() - started;
  }
  return [first ?? Number.NaN, performance.now() - started];
}

function timeProcess(command: string, args: string[]): Promise<[number, number]> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => (first ??= performance.now() - started));
    child.on('error', reject);
    child.on('close', () => resolve([first ?? Number.NaN, performance.now() - started]));
  });
}

async function timePipeline(text: string): Promise<[number, number]> {
  const synthesiser = new EspeakSynthesiser();
  const started = performance.now();
  let first: number | undefined;
  for await (const chunk of synthesiser.synthesise({
    text,
    voice: 'en-us',
    wordsPerMinute: 165,
    sampleRate: 24_000,
  })) {
    if (chunk.length > 0) first ??= performance.now() - started;
  }
  return [first ?? Number.NaN, performance.now() - started];
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
