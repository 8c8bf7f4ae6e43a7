/** OpenAI's `server_vad` settings, as a session sends them. */
export interface ServerVadSettings {
  /** 0..1: higher needs louder audio to count as speech (OpenAI's default 0.5). */
  threshold: number;
  /** Audio kept before the detected start, in ms (default 300). */
  prefixPaddingMs: number;
  /** Silence that ends speech, in ms (default 500). */
  silenceDurationMs: number;
}

export const DEFAULT_SERVER_VAD: ServerVadSettings = {
  threshold: 0.5,
  prefixPaddingMs: 300,
  silenceDurationMs: 500,
};

/** A change of state, at a position in the audio (ms since the start of the stream). */
export type VadEvent =
  { type: 'speech_started'; atMs: number } | { type: 'speech_stopped'; atMs: number };

const FRAME_MS = 10;
/** Speech must last this long to count, so a click on the line does not open a turn. */
const MIN_SPEECH_MS = 60;

/**
 * Server-side voice activity by frame energy: the audio here is synthetic speech over clean
 * lines (G.711 or Opus, no room noise), where a level threshold is exact enough. `threshold`
 * 0.5 means -45 dBFS; each 0.1 moves it by 4 dB.
 */
export class EnergyVad {
  readonly #settings: ServerVadSettings;
  readonly #frameSamples: number;
  readonly #sampleRate: number;
  readonly #levelThreshold: number;
  #pending: number[] = [];
  #position = 0;
  #isSpeaking = false;
  #speechRunMs = 0;
  #speechStartMs = 0;
  #silenceRunMs = 0;
  #lastSpeechEndMs = 0;

  constructor(sampleRate: number, settings: ServerVadSettings) {
    this.#settings = settings;
    this.#sampleRate = sampleRate;
    this.#frameSamples = Math.round((sampleRate * FRAME_MS) / 1000);
    const dbfs = -45 + (settings.threshold - 0.5) * 40;
    this.#levelThreshold = 10 ** (dbfs / 20) * 32768;
  }

  get isSpeaking(): boolean {
    return this.#isSpeaking;
  }

  /** Feeds audio; returns the starts and stops it completes. */
  push(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    for (const sample of samples) {
      this.#pending.push(sample);
      if (this.#pending.length < this.#frameSamples) continue;
      const event = this.#onFrame(this.#pending);
      this.#pending = [];
      if (event !== undefined) events.push(event);
    }
    return events;
  }

  #onFrame(frame: number[]): VadEvent | undefined {
    let sum = 0;
    for (const sample of frame) sum += sample * sample;
    const isLoud = Math.sqrt(sum / frame.length) >= this.#levelThreshold;
    const frameStartMs = (this.#position / this.#sampleRate) * 1000;
    this.#position += frame.length;
    const frameEndMs = (this.#position / this.#sampleRate) * 1000;
    if (!this.#isSpeaking) {
      if (!isLoud) {
        this.#speechRunMs = 0;
        return undefined;
      }
      if (this.#speechRunMs === 0) this.#speechStartMs = frameStartMs;
      this.#speechRunMs += FRAME_MS;
      if (this.#speechRunMs < MIN_SPEECH_MS) return undefined;
      this.#isSpeaking = true;
      this.#silenceRunMs = 0;
      this.#lastSpeechEndMs = frameEndMs;
      return { type: 'speech_started', atMs: this.#speechStartMs };
    }
    if (isLoud) {
      this.#silenceRunMs = 0;
      this.#lastSpeechEndMs = frameEndMs;
      return undefined;
    }
    this.#silenceRunMs += FRAME_MS;
    if (this.#silenceRunMs < this.#settings.silenceDurationMs) return undefined;
    this.#isSpeaking = false;
    this.#speechRunMs = 0;
    return { type: 'speech_stopped', atMs: this.#lastSpeechEndMs };
  }
}
