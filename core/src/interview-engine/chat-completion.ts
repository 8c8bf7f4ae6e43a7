import { z } from 'zod';

/** Where an OpenAI-compatible chat endpoint is (OpenAI, Ollama, vLLM...). */
export interface ChatEndpoint {
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** Why a model answer was unusable, as a category safe to log (never the model's text). */
export class ChatFailure extends Error {
  override name = 'ChatFailure';
}

const ZChatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

/**
 * One JSON-mode chat completion: the system and user messages in, the model's JSON object out,
 * parsed with `schema` (also when the model wraps it in prose or a code fence). Throws a
 * `ChatFailure` whose message is a category: `http_<status>`, `invalid_response`, `invalid_output`.
 */
export async function requestChatJson<T>(
  endpoint: ChatEndpoint,
  messages: { system: string; user: string },
  schema: z.ZodType<T>,
  timeoutMs: number,
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (endpoint.apiKey !== undefined && endpoint.apiKey !== '') {
    headers.authorization = `Bearer ${endpoint.apiKey}`;
  }
  const response = await (endpoint.fetch ?? fetch)(
    `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`,
    {
      method: 'POST',
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      body: JSON.stringify({
        model: endpoint.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: messages.system },
          { role: 'user', content: messages.user },
        ],
      }),
    },
  );
  if (!response.ok) throw new ChatFailure(`http_${String(response.status)}`);
  let content: string;
  try {
    content = ZChatCompletion.parse(await response.json()).choices[0]?.message.content ?? '';
  } catch {
    throw new ChatFailure('invalid_response');
  }
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  try {
    if (start < 0 || end <= start) throw new Error('no JSON object in the model output');
    return schema.parse(JSON.parse(content.slice(start, end + 1)));
  } catch {
    throw new ChatFailure('invalid_output');
  }
}

/** A failure as a category safe to log: the model's text can quote the candidate. */
export function failureCategory(error: unknown): string {
  if (error instanceof ChatFailure) return error.message;
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  return 'network';
}
