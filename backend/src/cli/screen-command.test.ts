import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildInterviewPlan,
  expectedPersonaOutcome,
  PERSONA_NAMES,
  SAMPLE_RESUME,
  ZJobInput,
  ZScorecard,
  type ParsedResume,
  DEMO_JOB,
} from '@screenline/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { screenCommand } from './screen-command.js';

/** Each run opens its own in-memory PostgreSQL, which takes seconds on a busy machine. */
const CLI_TIMEOUT_MS = 120_000;

let folder: string;
let resumeFile: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'screen-cli-'));
  resumeFile = path.join(folder, 'resume.json');
  await writeFile(resumeFile, JSON.stringify(SAMPLE_RESUME));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs the command in-process and returns its exit code and stdout. */
async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    const code = await screenCommand.run(args);
    return { code, stdout };
  } finally {
    spy.mockRestore();
  }
}

interface ScreenJson {
  status: string;
  endReason: string | null;
  transcript: { id: string; speaker: 'agent' | 'candidate'; text: string }[];
  scorecard: unknown;
}

describe('screenline screen', () => {
  const plan = buildInterviewPlan({ ...ZJobInput.parse(DEMO_JOB), id: 'demo' }, SAMPLE_RESUME);

  it.each(PERSONA_NAMES)(
    '--persona %s --json prints one object with the right outcome',
    async (persona) => {
      const { code, stdout } = await run(['--resume', resumeFile, '--persona', persona, '--json']);
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as ScreenJson;
      const expected = expectedPersonaOutcome(persona, plan);
      expect(result.status).toBe(expected.status);
      expect(result.endReason).toBe(expected.endReason);
      expect(result.scorecard !== null).toBe(expected.hasScorecard);
      for (const turn of result.transcript)
        expect(Object.keys(turn).sort()).toEqual(['id', 'speaker', 'text']);
      if (result.scorecard !== null) {
        const scorecard = ZScorecard.parse(result.scorecard);
        if (expected.suggestion !== null) expect(scorecard.suggestion).toBe(expected.suggestion);
        for (const criterion of scorecard.criteria) {
          for (const evidence of criterion.evidence) {
            expect(result.transcript.find((turn) => turn.id === evidence.turnId)?.text).toContain(
              evidence.quote,
            );
          }
        }
        const naming = result.transcript.filter(
          (turn) => turn.speaker === 'agent' && /Parcelly|Tallyworks|TypeScript/.test(turn.text),
        );
        expect(naming.length).toBeGreaterThanOrEqual(2);
      }
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'reads a plain-text resume through the resume parser',
    async () => {
      const file = path.join(folder, 'resume.txt');
      const resume: ParsedResume = SAMPLE_RESUME;
      await writeFile(
        file,
        `${resume.name ?? ''}\n${resume.email ?? ''}\n\nEXPERIENCE\nSenior Software Engineer, Parcelly, 2021 to present\nBuilt the tracking API.\n\nSKILLS\nTypeScript, PostgreSQL\n`,
      );
      const { code, stdout } = await run(['--resume', file, '--json']);
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as ScreenJson).status).toBe('evaluated');
    },
    CLI_TIMEOUT_MS,
  );

  it('answers usage errors with exit code 2', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect((await run(['--persona', 'qualified'])).code).toBe(2);
      expect((await run(['--resume', resumeFile, '--persona', 'nobody'])).code).toBe(2);
    } finally {
      stderr.mockRestore();
    }
  });
});
