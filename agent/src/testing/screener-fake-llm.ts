import { voice } from '@livekit/agents';

export type ToolCall = NonNullable<voice.testing.FakeLLMResponse['toolCalls']>[number];

/**
 * The framework's deterministic LLM, taught what a model following our instructions does: a
 * scripted line gets its scripted tool call or words; any other candidate line is a clear answer
 * (`recordAnswer`); a tool result is followed by saying its `sayNext`.
 */
export class ScreenerFakeLLM extends voice.testing.FakeLLM {
  readonly toolCallsMade: ToolCall[] = [];

  constructor(private readonly script: Record<string, ToolCall | string> = {}) {
    super([]);
  }

  override lookup(input: string): voice.testing.FakeLLMResponse | undefined {
    const scripted = this.script[input];
    if (typeof scripted === 'string') return { input, content: scripted };
    const result = parseToolResult(input);
    if (result !== undefined) return { input, content: result };
    const call = scripted ?? { name: 'recordAnswer', args: { isClear: true } };
    this.toolCallsMade.push(call);
    return { input, toolCalls: [call] };
  }
}

function parseToolResult(input: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(input);
    if (typeof parsed === 'string') return parsed;
    if (typeof parsed === 'object' && parsed !== null && 'sayNext' in parsed) {
      return String(parsed.sayNext);
    }
  } catch {
    // Candidate words, not a tool result.
  }
  return undefined;
}
