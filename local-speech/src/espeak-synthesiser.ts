import { spawn } from 'node:child_process';
import { LinearResampler } from './linear-resampler.js';

/** What to say and how: the subset of an OpenAI speech request that shapes the audio. */
export interface SynthesisRequest {
  text: string;
  /** An eSpeak NG voice, e.g. `en-us` or `en-us+klatt4`. */
  voice: string;
  /** Words per minute (eSpeak's 175 is brisk; 165 is a calm phone voice). */
  wordsPerMinute: number;
  /** Output rate of the raw s16le mono PCM. */
  sampleRate: number;
}

export interface EspeakSynthesiserOptions {
  /** Audio kept for repeated lines (openings, closings), in bytes; default 64 MiB. */
  cacheBytes?: number;
}

/**
 * Speech from Debian's `espeak-ng`, resampled to the rate the client wants, streamed as it is
 * made. Finished lines are cached by text and voice (least recently used first out), so a fixed
 * line such as the opening costs nothing the second time.
 */
export class EspeakSynthesiser {
  readonly #cache = new Map<string, Buffer>();
  readonly #cacheLimit: number;
  #cacheSize = 0;

  constructor(options: EspeakSynthesiserOptions = {}) {
    this.#cacheLimit = options.cacheBytes ?? 64 * 1024 * 1024;
  }

  /** True when this exact line is in the cache. */
  isCached(request: SynthesisRequest): boolean {
    return this.#cache.has(cacheKey(request));
  }

  /** Raw s16le mono PCM at `request.sampleRate`, chunk by chunk as it is made. */
  async *synthesise(request: SynthesisRequest, signal?: AbortSignal): AsyncGenerator<Buffer> {
    const key = cacheKey(request);
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      // Refresh its place in the eviction order.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      yield cached;
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of runEspeak(request, signal)) {
      chunks.push(chunk);
      yield chunk;
    }
    this.#remember(key, Buffer.concat(chunks));
  }

  #remember(key: string, audio: Buffer): void {
    if (audio.length > this.#cacheLimit) return;
    this.#cache.set(key, audio);
    this.#cacheSize += audio.length;
    for (const [oldKey, oldAudio] of this.#cache) {
      if (this.#cacheSize <= this.#cacheLimit) break;
      this.#cache.delete(oldKey);
      this.#cacheSize -= oldAudio.length;
    }
  }
}

function cacheKey(request: SynthesisRequest): string {
  return JSON.stringify([request.voice, request.wordsPerMinute, request.sampleRate, request.text]);
}

/** Why synthesis failed: a tool exited badly. */
export class SynthesisError extends Error {
  override name = 'SynthesisError';
}

async function* runEspeak(request: SynthesisRequest, signal?: AbortSignal): AsyncGenerator<Buffer> {
  // The text goes in on standard input, so a line starting with "-" is never read as an option.
  const espeak = spawn(
    'espeak-ng',
    ['--stdout', '-v', request.voice, '-s', String(Math.round(request.wordsPerMinute))],
    { stdio: ['pipe', 'pipe', 'pipe'], signal },
  );
  const errors: string[] = [];
  const exited = new Promise<void>((resolve) => {
    espeak.stderr.on('data', (data: Buffer) => errors.push(data.toString()));
    espeak.on('error', (error) => {
      errors.push(error.message);
      resolve();
    });
    espeak.on('close', (code) => {
      if (code !== 0 && code !== null) errors.push(`espeak-ng exited with ${code}`);
      resolve();
    });
  });
  espeak.stdin.on('error', () => undefined);
  espeak.stdin.end(`${request.text.replace(/\s+/g, ' ')}\n`);
  let header: Buffer | undefined = Buffer.alloc(0);
  let resampler: LinearResampler | undefined;
  let carry: Buffer | undefined;
  for await (const data of espeak.stdout as AsyncIterable<Buffer>) {
    let bytes = data;
    if (header !== undefined) {
      // eSpeak NG writes a canonical 44-byte header whose lengths are unknown (streaming).
      header = Buffer.concat([header, bytes]);
      if (header.length < 44) continue;
      if (
        header.toString('ascii', 0, 4) !== 'RIFF' ||
        header.toString('ascii', 36, 40) !== 'data'
      ) {
        throw new SynthesisError('espeak-ng did not write the WAV header it always writes');
      }
      const sourceRate = header.readUInt32LE(24);
      if (sourceRate !== request.sampleRate)
        resampler = new LinearResampler(sourceRate, request.sampleRate);
      bytes = header.subarray(44);
      header = undefined;
    }
    // Keep whole samples in every chunk: an odd byte waits for its partner.
    const chunk = carry === undefined ? bytes : Buffer.concat([carry, bytes]);
    const even = chunk.length - (chunk.length % 2);
    carry = even < chunk.length ? chunk.subarray(even) : undefined;
    if (even === 0) continue;
    // A copy aligned for Int16Array (pipe chunks may start at any byte); x86 is little-endian.
    const samples = new Int16Array(new Uint8Array(chunk.subarray(0, even)).buffer);
    const out = resampler === undefined ? samples : resampler.push(samples);
    if (out.length > 0) yield Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  await exited;
  if (signal?.aborted) return;
  if (errors.length > 0) throw new SynthesisError(errors.join('; ').trim());
}
