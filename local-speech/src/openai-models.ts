/**
 * The names OpenAI's speech API accepts, so a request this server answers would also be valid
 * against the real one. Dated snapshots (`gpt-4o-mini-tts-2025-03-20`) count as their family.
 */
export const SPEECH_MODELS = ['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'] as const;

/** Models of `POST /v1/audio/transcriptions` (REST, whole files). */
export const FILE_TRANSCRIPTION_MODELS = [
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'gpt-transcribe',
] as const;

/** Models of a realtime transcription session (`/v1/realtime?intent=transcription`). */
export const REALTIME_TRANSCRIPTION_MODELS = [
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
  'gpt-transcribe',
  'gpt-live-transcribe',
  'gpt-realtime-whisper',
] as const;

/**
 * OpenAI's voices, each given an eSpeak NG voice of its own. The candidate clips use
 * `en-us+klatt4`, which no voice here maps to, so agent and candidate never sound alike.
 */
export const VOICES: Record<string, string> = {
  alloy: 'en-us',
  ash: 'en-us+m3',
  ballad: 'en-us+m5',
  coral: 'en-us+f2',
  echo: 'en-us+m2',
  fable: 'en-gb',
  nova: 'en-us+f3',
  onyx: 'en-us+m1',
  sage: 'en-us+f4',
  shimmer: 'en-us+f1',
  verse: 'en-us+m4',
  marin: 'en-us+f5',
  cedar: 'en-us+m6',
};

/** True when `model` is one of `family` or a dated snapshot of one (`name-YYYY-MM-DD`). */
export function isModelOf(family: readonly string[], model: string): boolean {
  return family.some(
    (name) => model === name || new RegExp(`^${name}-\\d{4}-\\d{2}-\\d{2}$`).test(model),
  );
}
