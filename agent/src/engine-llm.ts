import { DEFAULT_API_CONNECT_OPTIONS, llm, type APIConnectOptions } from '@livekit/agents';
import type { DriverReply } from './interview-driver.js';

/** What the adapter calls with the candidate's words; the driver in production. */
export type OnCandidateText = (text: string) => Promise<DriverReply>;

/**
 * Puts the interview engine where the voice pipeline expects an LLM: each time the session asks
 * for a reply, the last user message goes to the engine and its utterance streams back as the
 * assistant's text. STT, turn detection, interruptions and TTS stay the framework's job, and the
 * same plan is followed whether the engine reads turns with scripted rules or with a model.
 */
export class EngineLLM extends llm.LLM {
  constructor(
    private readonly onCandidateText: OnCandidateText,
    private readonly onReply: (reply: DriverReply) => void = () => undefined,
  ) {
    super();
  }

  label(): string {
    return 'screenline-engine';
  }

  override get model(): string {
    return 'screenline-interview-engine';
  }

  chat({
    chatCtx,
    toolCtx,
    connOptions = DEFAULT_API_CONNECT_OPTIONS,
  }: {
    chatCtx: llm.ChatContext;
    toolCtx?: llm.ToolContextLike;
    connOptions?: APIConnectOptions;
    parallelToolCalls?: boolean;
    toolChoice?: llm.ToolChoice;
    extraKwargs?: Record<string, unknown>;
  }): llm.LLMStream {
    return new EngineLLMStream(this, {
      chatCtx,
      connOptions,
      ...(toolCtx === undefined ? {} : { toolCtx }),
      reply: async () => {
        const reply = await this.onCandidateText(lastUserText(chatCtx));
        this.onReply(reply);
        return reply;
      },
    });
  }
}

class EngineLLMStream extends llm.LLMStream {
  private readonly reply: () => Promise<DriverReply>;

  constructor(
    engineLlm: EngineLLM,
    options: {
      chatCtx: llm.ChatContext;
      toolCtx?: llm.ToolContextLike;
      connOptions: APIConnectOptions;
      reply: () => Promise<DriverReply>;
    },
  ) {
    super(engineLlm, options);
    this.reply = options.reply;
  }

  protected async run(): Promise<void> {
    const { utterance } = await this.reply();
    if (utterance !== null) {
      this.queue.put({ id: crypto.randomUUID(), delta: { role: 'assistant', content: utterance } });
    }
  }
}

/** The newest user message's text: what the candidate just said. */
export function lastUserText(chatCtx: llm.ChatContext): string {
  for (let index = chatCtx.items.length - 1; index >= 0; index -= 1) {
    const item = chatCtx.items[index];
    if (item?.type === 'message' && item.role === 'user') return item.textContent ?? '';
  }
  return '';
}
