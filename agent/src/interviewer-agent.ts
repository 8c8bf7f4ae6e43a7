import { voice } from '@livekit/agents';
import type { AudioFrame } from '@livekit/rtc-node';
import type { SpeechAhead } from './speech-ahead.js';

/**
 * The screener. Its words come from the interview engine (through `EngineLLM`), so the
 * instructions only matter to the framework's bookkeeping; the plan lives in the engine.
 */
export class InterviewerAgent extends voice.Agent {
  /** Set once the session has its TTS: replies then play from speech synthesised ahead. */
  speechAhead: SpeechAhead | undefined;

  constructor() {
    super({
      instructions:
        'You are a phone screening assistant. Your replies are produced by the interview engine.',
    });
  }

  override async ttsNode(
    text: ReadableStream<string> | AsyncIterable<string>,
    modelSettings: voice.ModelSettings,
  ): Promise<ReadableStream<AudioFrame> | null> {
    const ahead = this.speechAhead;
    if (ahead === undefined) return voice.Agent.default.ttsNode(this, text, modelSettings);
    // The engine's reply arrives whole (it is no model streaming tokens): read it, then play it
    // from the sentences prepared while the candidate spoke.
    let whole = '';
    for await (const chunk of text) whole += chunk;
    return ahead.speak(whole);
  }
}
