import { inference, type stt, type tts } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
import type { AgentEnv } from './env.js';

export interface SpeechModels {
  stt: stt.STT | string;
  tts: tts.TTS | string;
}

/**
 * Speech-to-text and text-to-speech. Default: LiveKit Inference model strings (one LiveKit Cloud
 * key is enough). `SPEECH=openai`: OpenAI-compatible endpoints, for self-hosted LiveKit.
 */
export function createSpeechModels(env: AgentEnv): SpeechModels {
  if (env.SPEECH === 'openai') {
    const connection = {
      ...(env.OPENAI_BASE_URL === undefined ? {} : { baseURL: env.OPENAI_BASE_URL }),
      ...(env.OPENAI_API_KEY === undefined ? {} : { apiKey: env.OPENAI_API_KEY }),
    };
    return {
      stt: new openai.STT({
        model: env.STT_MODEL ?? 'gpt-4o-mini-transcribe',
        language: 'en',
        ...connection,
      }),
      tts: new openai.TTS({
        model: env.TTS_MODEL ?? 'gpt-4o-mini-tts',
        voice: (env.TTS_VOICE ?? 'alloy') as openai.TTSVoices,
        ...connection,
      }),
    };
  }
  const ttsModel = env.TTS_MODEL ?? 'cartesia/sonic-2';
  return {
    stt: env.STT_MODEL ?? 'deepgram/nova-3:en',
    tts: env.TTS_VOICE === undefined ? ttsModel : `${ttsModel}:${env.TTS_VOICE}`,
  };
}

/** The local end-of-turn model: bundled with the framework, nothing downloads at run time. */
export function createTurnDetector(): inference.TurnDetector {
  return new inference.TurnDetector({ version: 'v1-mini' });
}

/**
 * Endpointing for phone audio: callers pause mid-sentence on narrow-band lines, so the floor is
 * higher than the framework's 500 ms default and the ceiling leaves room for a thought.
 */
export const PHONE_ENDPOINTING = { minDelay: 700, maxDelay: 3_500 } as const;
