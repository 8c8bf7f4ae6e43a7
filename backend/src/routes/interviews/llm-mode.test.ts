import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SAMPLE_RESUME } from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivePersona } from '../../services/drive-persona.js';
import {
  buildInterviewTestApp,
  insertResume,
  type InterviewTestApp,
} from '../../test/interview-test-kit.js';

/** An OpenAI-compatible endpoint that only ever answers nonsense: every turn must fall back. */
let server: Server;
let requests = 0;
let kit: InterviewTestApp;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ choices: [{ message: { content: 'I would love to help!' } }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  kit = await buildInterviewTestApp('pglite', {
    LLM_MODE: 'llm',
    LLM_BASE_URL: `http://127.0.0.1:${port}/v1`,
    LLM_MODEL: 'fake-model',
  });
});

afterAll(async () => {
  await kit.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('LLM_MODE=llm with a model that answers malformed output', () => {
  it('asks twice per turn, then reads the turn with the scripted rules, and the screen completes', async () => {
    const screen = await drivePersona(kit.app, kit.runtime, {
      jobId: kit.jobId,
      resumeId: await insertResume(kit.database),
      phone: '+12133734220',
      persona: 'qualified',
      resume: SAMPLE_RESUME,
    });
    expect(screen.status).toBe('evaluated');
    expect(screen.scorecard?.suggestion).toBe('advance');
    const candidateTurns = screen.transcript.filter((turn) => turn.speaker === 'candidate').length;
    // Two asks per turn, then one for the scorecard (which falls back to the keyword heuristic).
    expect(requests).toBe(candidateTurns * 2 + 1);
  });
});
