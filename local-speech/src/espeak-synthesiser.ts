import { spawn } from 'node:child_process';

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
 * Speech from Debian's `espeak-ng`, resampled by `sox` to the rate the client wants, streamed as it
 * is made. Finished lines are cached by text and voice (least recently used first out), so a fixed
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
  const sox = spawn(
    'sox',
    [
      '-q',
      '-t',
      'wav',
      '-',
      '-t',
      'raw',
      '-r',
      String(request.sampleRate),
      '-e',
      'signed',
      '-b',
      '16',
      '-c',
      '1',
      '-',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'], signal },
  );
  const errors: string[] = [];
  const exits = [espeak, sox].map(
    (child, index) =>
      new Promise<void>((resolve) => {
        child.stderr.on('data', (data: Buffer) => errors.push(data.toString()));
        child.on('error', (error) => {
          errors.push(error.message);
          resolve();
        });
        child.on('close', (code) => {
          if (code !== 0) errors.push(`${index === 0 ? 'espeak-ng' : 'sox'} exited with ${code}`);
          resolve();
        });
      }),
  );
  // A client that hangs up mid-line closes sox's input early; that is not an error of ours.
  espeak.stdout.on('error', () => undefined);
  sox.stdin.on('error', () => undefined);
  espeak.stdin.on('error', () => undefined);
  espeak.stdout.pipe(sox.stdin);
  espeak.stdin.end(`${request.text.replace(/\s+/g, ' ')}\n`);
  let carry: Buffer | undefined;
  for await (const data of sox.stdout as AsyncIterable<Buffer>) {
    // Keep whole samples in every chunk: an odd byte waits for its partner.
    const chunk = carry === undefined ? data : Buffer.concat([carry, data]);
    const even = chunk.length - (chunk.length % 2);
    carry = even < chunk.length ? chunk.subarray(even) : undefined;
    if (even > 0) yield chunk.subarray(0, even);
  }
  await Promise.all(exits);
  if (signal?.aborted) return;
  if (errors.length > 0) throw new SynthesisError(errors.join('; ').trim());
}
