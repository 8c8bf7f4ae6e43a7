import type { Pcm16 } from './wav.js';

/** The recognition port of the speech server: audio in, the words heard out. */
export interface Recogniser {
  /** A short name for logs and the bench, e.g. `pocketsphinx-domain-lm`. */
  readonly name: string;
  /** The words heard in one utterance; '' when nothing is recognised. */
  transcribe(audio: Pcm16, signal?: AbortSignal): Promise<string>;
}
