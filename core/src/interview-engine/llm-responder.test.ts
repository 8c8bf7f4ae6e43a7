import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_JOB, SAMPLE_RESUME } from './fixtures.js';
import { InterviewEngine } from './interview-engine.js';
import { buildInterviewPlan } from './interview-plan.js';
import { createLlmResponder } from './llm-responder.js';

/** A fake OpenAI-compatible endpoint: answers the queued contents in order. */
let server: Server;
let baseUrl: string;
const queue: string[] = [];
const seen: { authorization: string | undefined; body: unknown }[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      seen.push({
        authorization: request.headers.authorization,
        body: JSON.parse(body) as unknown,
      });
      const content = queue.shift() ?? 'not json at all';
      if (content === 'HTTP500') {
        response.writeHead(500).end('{}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
const request = {
  plan,
  step: plan.steps[2]!,
  candidateText: 'Absolutely, I am a citizen.',
  lastAgentUtterance: plan.steps[2]!.prompt,
  isAwaitingCallbackTime: false,
  recentTurns: [],
};

describe('createLlmResponder', () => {
  it('sends an OpenAI-compatible request and validates the structured reply', async () => {
    queue.push(
      '{"intent":"answer","acknowledgement":"Thanks for confirming.","answerToQuestion":null}',
    );
    const responder = createLlmResponder({ baseUrl, model: 'test-model', apiKey: 'sk-test' });
    const reply = await responder.interpret(request);
    expect(reply).toEqual({
      intent: 'answer',
      acknowledgement: 'Thanks for confirming.',
      answerToQuestion: null,
    });
    const last = seen.at(-1)!;
    expect(last.authorization).toBe('Bearer sk-test');
    expect(last.body).toMatchObject({
      model: 'test-model',
      response_format: { type: 'json_object' },
    });
  });

  it('retries a malformed reply once', async () => {
    queue.push(
      '{"intent":"dance"}',
      '```json\n{"intent":"vague","acknowledgement":null,"answerToQuestion":null}\n```',
    );
    const fallbacks: string[] = [];
    const responder = createLlmResponder({
      baseUrl,
      model: 'm',
      onFallback: (reason) => fallbacks.push(reason),
    });
    expect((await responder.interpret(request)).intent).toBe('vague');
    expect(fallbacks).toEqual([]);
  });

  it('falls back to the scripted rules after two bad replies', async () => {
    queue.push('nonsense', 'HTTP500');
    const fallbacks: string[] = [];
    const responder = createLlmResponder({
      baseUrl,
      model: 'm',
      onFallback: (reason) => fallbacks.push(reason),
    });
    const reply = await responder.interpret({
      ...request,
      candidateText: 'Please stop calling me.',
    });
    expect(reply.intent).toBe('opt_out');
    expect(fallbacks).toHaveLength(1);
  });

  it('drives the engine; an unreachable endpoint still gives a working interview', async () => {
    queue.push(
      '{"intent":"answer","acknowledgement":null,"answerToQuestion":null}',
      '{"intent":"answer","acknowledgement":"Great, 2 things noted.","answerToQuestion":null}',
    );
    const engine = new InterviewEngine(plan, {
      responder: createLlmResponder({ baseUrl, model: 'm' }),
    });
    await engine.start();
    await engine.onCandidateTurn('Yes, speaking.', 'c1');
    const output = await engine.onCandidateTurn('Sure.', 'c2');
    expect(output.utterance).toMatch(/^Great, two things noted\./);
    const offline = new InterviewEngine(plan, {
      responder: createLlmResponder({
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'm',
        timeoutMs: 500,
      }),
    });
    await offline.start();
    expect((await offline.onCandidateTurn('Yes, this is Jordan.', 'c1')).stepId).toBe('opening');
  });
});
