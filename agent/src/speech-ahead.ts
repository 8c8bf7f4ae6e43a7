import type { tts } from '@livekit/agents';
import type { AudioFrame } from '@livekit/rtc-node';
import { splitSentences } from '@screenline/core';

/** Turns one sentence into audio frames, as they come (a TTS's `synthesize`). */
export type SynthesiseSentence = (sentence: string) => AsyncIterable<AudioFrame>;

export interface SpeechAheadOptions {
  synthesise: SynthesiseSentence;
  /** Sentences kept; the oldest is dropped past it (a screen has a few dozen). */
  maxSentences?: number;
  /** A synthesis that failed: the sentence is tried again when it is spoken. */
  onError?: (error: unknown) => void;
  /**
   * Sentences prepared at once, at most (default 2): a burst of requests would meet a cloud TTS's
   * concurrency limit, or take a small machine's CPU from the recogniser. A sentence being said
   * never waits for this: it starts at once.
   */
  maxParallel?: number;
}

/** One sentence's audio: frames so far, and whether it is complete or failed. Starts on demand. */
class SentenceAudio {
  readonly frames: AudioFrame[] = [];
  isDone = false;
  error: unknown;
  private filled: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly synthesis: () => AsyncIterable<AudioFrame>) {}

  /** Starts the synthesis (once); resolves when it has ended, well or not. */
  begin(): Promise<void> {
    this.filled ??= this.fill(this.synthesis());
    return this.filled;
  }

  get isStarted(): boolean {
    return this.filled !== undefined;
  }

  get isFailed(): boolean {
    return this.error !== undefined;
  }

  /** The frames in order, as soon as each exists (a sentence still synthesising streams). */
  async *read(): AsyncGenerator<AudioFrame> {
    void this.begin();
    let index = 0;
    for (;;) {
      while (index < this.frames.length) {
        const frame = this.frames[index];
        index += 1;
        if (frame !== undefined) yield frame;
      }
      if (this.isFailed) throw this.error;
      if (this.isDone) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private async fill(synthesis: AsyncIterable<AudioFrame>): Promise<void> {
    try {
      for await (const frame of synthesis) {
        this.frames.push(frame);
        this.notify();
      }
    } catch (error) {
      this.error = error ?? new Error('speech synthesis failed');
    }
    this.isDone = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * Speech synthesised ahead (issue 13, item 4). The scripted engine knows what it may say next (the
 * next question, the follow-up, the acknowledgements) long before the candidate stops speaking;
 * those sentences are synthesised while the candidate talks, so a reply made of them starts to
 * play at once instead of after the synthesiser's first byte. A reply is spoken sentence by
 * sentence: each one comes from the cache when it was prepared, otherwise it is synthesised then
 * (all of a reply's missing sentences start together, so the second is ready when the first ends).
 */
export class SpeechAhead {
  private readonly sentences = new Map<string, SentenceAudio>();
  private readonly maxSentences: number;
  private readonly maxParallel: number;
  /** Prepared sentences not started yet, oldest first; and how many prepared ones are running. */
  private readonly waiting: { sentence: string; audio: SentenceAudio }[] = [];
  private running = 0;
  /**
   * Sentences prepared; said from audio whose synthesis had begun before they were said; and said
   * with their synthesis begun only then (never prepared, or still waiting their turn).
   */
  readonly counts = { prepared: 0, spokenAhead: 0, spokenLive: 0 };

  constructor(private readonly options: SpeechAheadOptions) {
    this.maxSentences = options.maxSentences ?? 96;
    this.maxParallel = options.maxParallel ?? 2;
  }

  /** Starts synthesising each sentence of these lines that is not already there. */
  prepare(lines: readonly string[]): void {
    for (const line of lines) {
      for (const sentence of splitSentences(line)) {
        if (this.usable(sentence) !== undefined) continue;
        this.counts.prepared += 1;
        this.waiting.push({ sentence, audio: this.add(sentence) });
      }
    }
    this.pump();
  }

  /** The audio of a whole reply, sentence by sentence, from the cache where it was prepared. */
  speak(text: string): ReadableStream<AudioFrame> {
    const parts = splitSentences(text).map((sentence) => {
      const ready = this.usable(sentence);
      if (ready !== undefined) {
        // Prepared but still waiting its turn: it starts now, as a sentence said does.
        if (ready.isStarted) this.counts.spokenAhead += 1;
        else this.counts.spokenLive += 1;
        void ready.begin();
        // Most recently used last: the oldest unused sentence is the one dropped.
        this.sentences.delete(sentence);
        this.sentences.set(sentence, ready);
        return ready;
      }
      this.counts.spokenLive += 1;
      const audio = this.add(sentence);
      void audio.begin();
      return audio;
    });
    const frames = (async function* () {
      for (const part of parts) yield* part.read();
    })();
    return new ReadableStream<AudioFrame>({
      async pull(controller) {
        const next = await frames.next();
        if (next.done === true) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await frames.return(undefined);
      },
    });
  }

  /** A sentence's audio when it is there or coming; a failed one is forgotten, to try again. */
  private usable(sentence: string): SentenceAudio | undefined {
    const audio = this.sentences.get(sentence);
    if (audio?.isFailed === true) {
      this.options.onError?.(audio.error);
      this.sentences.delete(sentence);
      return undefined;
    }
    return audio;
  }

  /** Starts waiting prepared sentences while fewer than `maxParallel` run. */
  private pump(): void {
    while (this.running < this.maxParallel) {
      const next = this.waiting.shift();
      if (next === undefined) return;
      // Dropped from the cache before its turn came (or begun by being said): nothing to start.
      if (this.sentences.get(next.sentence) !== next.audio || next.audio.isStarted) continue;
      this.running += 1;
      void next.audio.begin().then(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private add(sentence: string): SentenceAudio {
    const audio = new SentenceAudio(() => this.options.synthesise(sentence));
    this.sentences.set(sentence, audio);
    while (this.sentences.size > this.maxSentences) {
      const oldest = this.sentences.keys().next().value;
      if (oldest === undefined) break;
      this.sentences.delete(oldest);
    }
    return audio;
  }
}

/** A TTS's one-shot synthesis as frames (what the framework's own TTS node asks of it too). */
export function synthesiserOf(engine: Pick<tts.TTS, 'synthesize'>): SynthesiseSentence {
  return async function* synthesise(sentence: string) {
    const stream = engine.synthesize(sentence);
    try {
      for await (const audio of stream) yield audio.frame;
    } finally {
      stream.close();
    }
  };
}
