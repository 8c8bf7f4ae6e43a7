import { inference, type VAD, type llm, type stt, type tts } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
import type { CreateInterviewSessionOptions } from './create-interview-session.js';
import type { AgentEnv } from './env.js';

/** What the deployment decides about a call: who words the lines, the speech, the silence. */
export type CallSettings = Pick<
  CreateInterviewSessionOptions,
  'conversation' | 'speech' | 'silenceTimeoutS' | 'speakAhead'
>;

/** The call as configured: `LLM_MODE`, the speech models, the VAD loaded at prewarm. */
export function createCallSettings(env: AgentEnv, vad: VAD): CallSettings {
  return {
    conversation:
      env.LLM_MODE === 'llm'
        ? { mode: 'llm', llm: createConversationLlm(env) }
        : { mode: 'scripted' },
    speech: { ...createSpeechModels(env), vad, turnDetection: createTurnDetector() },
    silenceTimeoutS: env.SILENCE_TIMEOUT_S,
    speakAhead: env.SPEECH_AHEAD === 'on',
  };
}

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

/**
 * The model that holds the conversation when `LLM_MODE=llm`: an OpenAI-compatible endpoint when
 * `LLM_BASE_URL` and `LLM_MODEL` are set, otherwise a LiveKit Inference model string, so the one
 * LiveKit Cloud key that buys speech also buys the LLM.
 */
export function createConversationLlm(env: AgentEnv): llm.LLM | string {
  return createEndpointLlm(env) ?? env.LLM_MODEL ?? DEFAULT_INFERENCE_LLM;
}

/** The OpenAI-compatible model named by LLM_BASE_URL and LLM_MODEL, when both are set. */
export function createEndpointLlm(env: AgentEnv): openai.LLM | undefined {
  if (env.LLM_BASE_URL === undefined || env.LLM_MODEL === undefined) return undefined;
  return new openai.LLM({
    model: env.LLM_MODEL,
    baseURL: env.LLM_BASE_URL,
    temperature: 0.3,
    // The OpenAI client insists on a key; local servers (Ollama, vLLM) ignore it.
    apiKey: env.LLM_API_KEY ?? 'none',
  });
}

/** A fast model with dependable tool calls; any LiveKit Inference LLM string works in LLM_MODEL. */
export const DEFAULT_INFERENCE_LLM = 'openai/gpt-4.1-mini';

/** The local end-of-turn model: bundled with the framework, nothing downloads at run time. */
export function createTurnDetector(): inference.TurnDetector {
  return new inference.TurnDetector({ version: 'v1-mini' });
}
