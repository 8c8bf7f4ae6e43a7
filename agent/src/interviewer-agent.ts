import { voice } from '@livekit/agents';

/**
 * The screener. Its words come from the interview engine (through `EngineLLM`), so the
 * instructions only matter to the framework's bookkeeping; the plan lives in the engine.
 */
export class InterviewerAgent extends voice.Agent {
  constructor() {
    super({
      instructions:
        'You are a phone screening assistant. Your replies are produced by the interview engine.',
    });
  }
}
