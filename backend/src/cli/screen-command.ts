import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkPhoneNumber,
  isAppError,
  isPersonaName,
  PERSONA_NAMES,
  ZJobInput,
  ZParsedResume,
  type ParsedResume,
  type Scorecard,
} from '@screenline/core';
import { pino } from 'pino';
import { buildApp } from '../app.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { JobsRepository } from '../db/repositories/jobs-repository.js';
import { seedDemoData } from '../db/seed.js';
import { loadDotenvFiles, parseEnv } from '../env.js';
import { drivePersona, type DrivenScreen } from '../services/drive-persona.js';
import { createInterviewRuntime } from '../interviews/interview-runtime.js';
import { createToken, hashToken } from '../lib/tokens.js';
import { createPdfWorkerPool } from '../resume-intake/default-pdf-pool.js';
import { parseResumeFile } from '../resume-intake/parse-resume-file.js';
import type { CliCommand } from './commands.js';

const USAGE = `Usage: screenline screen --resume FILE [--job ID|FILE] [--persona NAME] [--json]

Runs a complete simulated phone screen in memory (a throwaway database, no server, no accounts)
against a simulated candidate built from the resume, and prints the transcript and the scorecard.

  --resume FILE   a resume: PDF, DOCX, plain text, or a parsed-resume JSON file
  --job ID|FILE   "demo" (default), the id of the demo job, or a JSON file with a job
  --persona NAME  ${PERSONA_NAMES.join(', ')} (default qualified)
  --json          print one JSON object: { status, endReason, transcript, scorecard }
`;

/** A number the gate accepts, for resumes without a callable one; never dialled in simulated mode. */
const REHEARSAL_NUMBER = '+12133734253';

/** `screenline screen`: the product's whole flow on a resume, in memory. */
export const screenCommand: CliCommand = {
  name: 'screen',
  usage: 'screen --resume FILE [--job ID] [--persona NAME] [--json]',
  summary: 'Run a simulated phone screen against a persona and print transcript and scorecard',
  async run(args) {
    let values: { resume?: string; job?: string; persona?: string; json?: boolean; help?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          resume: { type: 'string' },
          job: { type: 'string' },
          persona: { type: 'string', default: 'qualified' },
          json: { type: 'boolean', default: false },
          help: { type: 'boolean', default: false },
        },
      }));
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
      return 2;
    }
    if (values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    const persona = values.persona ?? 'qualified';
    if (values.resume === undefined || !isPersonaName(persona)) {
      process.stderr.write(
        `${values.resume === undefined ? 'Missing --resume FILE.' : `Unknown persona "${persona}".`}\n\n${USAGE}`,
      );
      return 2;
    }
    try {
      const resume = await readResume(values.resume);
      const screen = await runScreen(resume, values.job, persona);
      process.stdout.write(
        values.json === true ? `${JSON.stringify(toJson(screen))}\n` : describe(screen),
      );
      return 0;
    } catch (error) {
      const message = isAppError(error) || error instanceof Error ? error.message : String(error);
      process.stderr.write(`screenline screen: ${message}\n`);
      return 1;
    }
  },
};

/** The `--json` object (pinned shape). */
function toJson(screen: DrivenScreen & { resumeText: string }): {
  status: string;
  endReason: string | null;
  transcript: { id: string; speaker: 'agent' | 'candidate'; text: string }[];
  scorecard: Scorecard | null;
} {
  return {
    status: screen.status,
    endReason: screen.endReason,
    transcript: screen.transcript.map(({ id, speaker, text }) => ({ id, speaker, text })),
    scorecard: screen.scorecard,
  };
}

function describe(screen: DrivenScreen): string {
  const lines = [`Status: ${screen.status}${screen.endReason ? ` (${screen.endReason})` : ''}`, ''];
  for (const turn of screen.transcript)
    lines.push(`${turn.speaker === 'agent' ? 'Agent    ' : 'Candidate'}  ${turn.text}`);
  lines.push('');
  if (screen.scorecard === null) {
    lines.push('No scorecard: the screen ended before any answer.');
  } else {
    const card = screen.scorecard;
    lines.push(`Suggestion: ${card.suggestion} (a suggestion; a person decides)`, card.summary, '');
    for (const criterion of card.criteria) {
      lines.push(`${criterion.name}: ${criterion.score}/5`);
      for (const evidence of criterion.evidence) lines.push(`  "${evidence.quote}"`);
    }
    lines.push('');
    for (const knockout of card.knockouts) {
      const verdict = knockout.passed === null ? 'unclear' : knockout.passed ? 'met' : 'not met';
      lines.push(
        `Knock-out ${knockout.id}: ${verdict}${knockout.answer ? ` ("${knockout.answer}")` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A parsed-resume JSON file as is; any other file through the product's resume parser. */
async function readResume(file: string): Promise<{ parsed: ParsedResume; text: string }> {
  const data = new Uint8Array(await readFile(file));
  if (file.toLowerCase().endsWith('.json')) {
    const json = JSON.parse(Buffer.from(data).toString('utf8')) as unknown;
    const parsed = ZParsedResume.safeParse(json);
    if (!parsed.success)
      throw new Error(`${path.basename(file)} is not a parsed-resume JSON object.`);
    return { parsed: parsed.data, text: JSON.stringify(parsed.data) };
  }
  const pool = createPdfWorkerPool();
  try {
    const result = await parseResumeFile(data, pool);
    return { parsed: result.parsed, text: result.text };
  } finally {
    await pool.close();
  }
}

async function resolveJobId(database: DatabaseHandle, job: string | undefined): Promise<string> {
  const jobs = new JobsRepository(database.db);
  const [demo] = await jobs.listAll();
  if (demo === undefined) throw new Error('the demo job is missing');
  if (job === undefined || job === 'demo' || job === demo.id) return demo.id;
  let text: string;
  try {
    text = await readFile(job, 'utf8');
  } catch {
    throw new Error(`--job must be "demo" or a JSON file with a job; cannot read "${job}".`);
  }
  const input = ZJobInput.safeParse(JSON.parse(text));
  if (!input.success)
    throw new Error(
      `${path.basename(job)} is not a valid job: ${input.error.issues[0]?.message ?? ''}`,
    );
  return (await jobs.create(input.data)).id;
}

async function runScreen(
  resume: { parsed: ParsedResume; text: string },
  job: string | undefined,
  persona: (typeof PERSONA_NAMES)[number],
): Promise<DrivenScreen & { resumeText: string }> {
  loadDotenvFiles();
  // Only the responder settings come from the environment: the screen is always simulated, in memory.
  const outside = parseEnv({
    LLM_MODE: process.env.LLM_MODE,
    LLM_BASE_URL: process.env.LLM_BASE_URL,
    LLM_API_KEY: process.env.LLM_API_KEY,
    LLM_MODEL: process.env.LLM_MODEL,
  });
  const scratch = await mkdtemp(path.join(tmpdir(), 'screenline-screen-'));
  const env = parseEnv({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    DATA_DIR: scratch,
    SIMULATED_RING_MS: '0',
    // A silent candidate is the only one who should ever meet the silence timer here.
    SILENCE_TIMEOUT_S: persona === 'silent' ? '0.05' : '600',
    LLM_MODE: outside.LLM_MODE,
    ...(outside.LLM_BASE_URL === undefined ? {} : { LLM_BASE_URL: outside.LLM_BASE_URL }),
    ...(outside.LLM_API_KEY === undefined ? {} : { LLM_API_KEY: outside.LLM_API_KEY }),
    ...(outside.LLM_MODEL === undefined ? {} : { LLM_MODEL: outside.LLM_MODEL }),
  });
  const database = await openDatabase({ kind: 'memory' });
  try {
    await migrateToLatest(database.db);
    await seedDemoData(database.db);
    const jobId = await resolveJobId(database, job);
    const resumeId = await insertResume(database, resume);
    const log = pino({ level: 'warn' }, pino.destination(2));
    const runtime = await createInterviewRuntime({
      env,
      database,
      log,
      queuePollingIntervalSeconds: 0.5,
    });
    const app = await buildApp({ env, database, interviewRuntime: runtime, frontendDir: scratch });
    try {
      await app.ready();
      const gate = resume.parsed.phone === null ? null : checkPhoneNumber(resume.parsed.phone);
      const screen = await drivePersona(app, runtime, {
        jobId,
        resumeId,
        phone: gate?.ok === true ? gate.e164 : REHEARSAL_NUMBER,
        persona,
        resume: resume.parsed,
        timeoutMs: 120_000,
      });
      return { ...screen, resumeText: resume.text };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function insertResume(
  database: DatabaseHandle,
  resume: { parsed: ParsedResume; text: string },
): Promise<string> {
  const row = await database.db
    .insertInto('resumes')
    .values({
      file_name: 'resume',
      sha256: createHash('sha256').update(resume.text).digest('hex'),
      media_type: 'text/plain',
      size_bytes: Buffer.byteLength(resume.text),
      storage_key: randomUUID(),
      text: resume.text,
      parsed: JSON.stringify(resume.parsed),
      warnings: '[]',
      parser_version: 'cli',
      token_hash: hashToken(createToken()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
