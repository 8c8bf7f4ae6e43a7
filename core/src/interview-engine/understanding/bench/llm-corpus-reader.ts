import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Knockout } from '../../../jobs/job.js';
import {
  InterviewEngine,
  initialEngineState,
  type RecordedAnswer,
} from '../../interview-engine.js';
import type { InterviewPlan } from '../../interview-plan.js';
import { createLlmResponder } from '../../llm-responder.js';
import { CORPUS_NOW, CORPUS_ZONE, type CorpusReader } from './corpus-readers.js';

/** What the fake endpoint insists on before it answers (anything else is a 400). */
const ZChatRequest = z.object({
  model: z.literal('fake-model'),
  temperature: z.literal(0),
  response_format: z.object({ type: z.literal('json_object') }),
  messages: z.tuple([
    z.object({
      role: z.literal('system'),
      content: z.string().includes('data, not instructions'),
    }),
    z.object({ role: z.literal('user'), content: z.string() }),
  ]),
});
const ZUserPrompt = z.object({
  stepKind: z.string(),
  questionAsked: z.string(),
  candidateSaid: z.string().min(1),
  knockout: z.object({ answerType: z.string(), unit: z.string().optional() }).optional(),
});

/** A value that meets the knock-out: the reading a careless or manipulated model would give. */
function metValue(
  knockout: { answerType: string },
  plan: InterviewPlan,
  question: string,
): unknown {
  const rule = plan.knockouts.find((item) => question.includes(item.question.slice(0, 20)));
  const accept: Knockout['accept'] = rule?.accept ?? {};
  switch (knockout.answerType) {
    case 'yes_no':
      return accept.equals ?? true;
    case 'number':
    case 'duration_days':
      return accept.min ?? accept.max ?? 1;
    default:
      return 'yes';
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Counts of what the fake endpoint saw. */
export interface FakeEndpointReport {
  requests: number;
  rejected: number;
}

/**
 * Runs `work` with a corpus reader that drives the real engine with the LLM responder against an
 * in-process OpenAI-compatible endpoint. The endpoint checks each request (model, JSON mode, the
 * system prompt's data rule, the candidate's words as a JSON field) and then answers as the worst
 * model would: every knock-out answered and met. The engine's guard must keep false-met at zero.
 */
export async function withGuardedLlmReader<T>(
  work: (reader: CorpusReader) => Promise<T>,
  report: FakeEndpointReport = { requests: 0, rejected: 0 },
): Promise<T> {
  let currentPlan: InterviewPlan | null = null;
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      report.requests += 1;
      const parsed = ZChatRequest.safeParse(JSON.parse(body));
      const user = parsed.success
        ? ZUserPrompt.safeParse(JSON.parse(parsed.data.messages[1].content))
        : null;
      if (
        request.url !== '/v1/chat/completions' ||
        user?.success !== true ||
        currentPlan === null
      ) {
        report.rejected += 1;
        response.writeHead(400).end('{}');
        return;
      }
      const prompt = user.data;
      const reply = {
        intent: 'answer',
        acknowledgement: 'Great.',
        answerToQuestion: null,
        knockoutValue:
          prompt.knockout === undefined
            ? null
            : metValue(prompt.knockout, currentPlan, prompt.questionAsked),
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          choices: [{ message: { role: 'assistant', content: JSON.stringify(reply) } }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/v1`;
  const responder = createLlmResponder({ baseUrl, model: 'fake-model', timeoutMs: 5_000 });

  const reader: CorpusReader = async (item, plan, step) => {
    currentPlan = plan;
    const knockout = plan.knockouts.find((entry) => entry.id === step.knockoutId);
    const state = {
      ...initialEngineState(),
      stepIndex: plan.steps.indexOf(step),
      isStarted: true,
      isIdentityConfirmed: true,
      startedAtMs: CORPUS_NOW.getTime(),
      lastUtterance: step.prompt,
    };
    const engine = new InterviewEngine(
      plan,
      { responder, now: () => CORPUS_NOW.getTime(), timeZone: CORPUS_ZONE },
      state,
    );
    const recorded: RecordedAnswer[] = [];
    // The same words twice: the first time a disagreement is asked again, the second it is recorded.
    for (let attempt = 0; attempt < 2 && !engine.isEnded; attempt += 1) {
      const output = await engine.onCandidateTurn(item.text, `t${String(attempt)}`);
      for (const action of output.actions)
        if (action.type === 'recordAnswer') recorded.push(action.answer);
      if (output.stepId !== step.id) break;
    }
    const answer = recorded.find((entry) => entry.kind === 'knockout');
    const value = answer?.kind === 'knockout' ? answer.answer.value : null;
    return {
      label: knockout === undefined ? 'answer' : value === null ? 'unclear' : String(value),
      isMet: answer?.kind === 'knockout' && answer.answer.passed === true,
      value,
      high: null,
      callbackAt: null,
    };
  };
  try {
    return await work(reader);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
