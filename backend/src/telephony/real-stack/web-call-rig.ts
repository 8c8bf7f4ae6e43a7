// One real web-leg screening call on the local stack, end to end: the backend app in web mode
// (LiveKit's keys, no SIP trunk) on an in-memory database, the production agent worker with the
// offline speech server (SPEECH=openai against local-speech) and the scripted engine (no LLM), and
// a scripted candidate (web-candidate.ts) speaking a persona's clips. Used by the web-call test,
// `npm run demo:call` and `npm run bench:voice`; all three run inside the stack's namespace.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  isFinalStatus,
  type InterviewStatus,
  type PersonaName,
  type Scorecard,
  type StartPhoneScreenResponse,
} from '@screenline/core';
import { decodeWav, encodeWav, makePersonaClips } from '@screenline/local-speech';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { DatabaseHandle } from '../../db/database.js';
import { seedDemoData } from '../../db/seed.js';
import { parseEnv } from '../../env.js';
import { insertResume } from '../../test/interview-test-kit.js';
import { openTestDatabase } from '../../test/test-database.js';
import {
  busyJobProcesses,
  killJobProcess,
  startAgentWorker,
  type AgentWorker,
} from './agent-worker-rig.js';
import {
  BACKEND_PORT,
  REPO_ROOT,
  livekitHttpUrl,
  sleep,
  waitFor,
  type StackSettings,
} from './stack-kit.js';
import { runWebCandidate, type CandidateClip, type CandidateTimeline } from './web-candidate.js';

/** A screen with the sample persona takes about three minutes of speech, much longer on a saturated machine; this is the ceiling. */
const CALL_TIMEOUT_MS = 10 * 60_000;

/** One structured metrics line the agent logged (call-controller.ts): figures only, no words. */
export interface AgentMetricLine {
  metric: string;
  [figure: string]: unknown;
}

export interface WebCallResult {
  interviewId: string;
  status: string;
  scorecard: Scorecard | null;
  turns: { id: string; speaker: 'agent' | 'candidate'; text: string; metrics: unknown }[];
  timeline: CandidateTimeline;
  clipsPlayed: number;
  clipCount: number;
  /** What the candidate heard (the agent's voice), and the call with both voices. */
  heardWav: string;
  callWav: string;
  transcriptFile: string;
  agentMetrics: AgentMetricLine[];
  /** The worker's output, for a failure message (the agent logs no transcript text). */
  workerLog: string;
}

export interface WebCallOptions {
  persona?: PersonaName;
  /** Where the recordings and the transcript go; default `.livekit/calls/<interview id>`. */
  outputDir?: string;
  onProgress?: (line: string) => void;
  /** Settings the agent worker needs on top (a longer job start limit...). */
  workerEnv?: Record<string, string>;
  /** Settings the backend needs on top (a shorter rejoin grace...). */
  backendEnv?: Record<string, string>;
  /** Told as each candidate clip has been said, with what a test may do to the call then. */
  afterClip?: (index: number, call: CallControls) => void;
}

/** What a test or bench may do to a call under way. */
export interface CallControls {
  /** Kills the agent's job process that holds the call (a crash); false when none holds it. */
  killAgentJob(): Promise<boolean>;
}

/** The product on the stack, ready for web calls: the app, its database and the agent worker. */
export interface WebCallSite {
  app: FastifyInstance;
  database: DatabaseHandle;
  worker: AgentWorker;
  controls: CallControls;
  /** Applies for the demo job as a new candidate and starts the screen: the start's answer. */
  startScreen(): Promise<StartPhoneScreenResponse>;
  /** Waits until the interview's status passes `isSettled` (default: scored or over). */
  settledStatus(
    interviewId: string,
    isSettled?: (status: InterviewStatus) => boolean,
  ): Promise<InterviewStatus>;
  close(): Promise<void>;
}

/** Starts the backend in web mode and the production agent worker on the stack. */
export async function openWebCallSite(
  stack: StackSettings,
  options: Pick<WebCallOptions, 'workerEnv' | 'backendEnv'> = {},
): Promise<WebCallSite> {
  const agentName = `screenline-web-call-${process.pid}-${Date.now()}`;
  const backendUrl = `http://${stack.stackIp}:${BACKEND_PORT}`;
  const database = await openTestDatabase('pglite');
  let app: FastifyInstance | undefined;
  try {
    await seedDemoData(database.db);
    app = await buildApp({
      env: parseEnv({
        NODE_ENV: 'test',
        LIVEKIT_URL: stack.livekitUrl,
        LIVEKIT_API_KEY: stack.apiKey,
        LIVEKIT_API_SECRET: stack.apiSecret,
        AGENT_NAME: agentName,
        CALLING_HOURS: '00:00-24:00',
        ...options.backendEnv,
      }),
      database,
      frontendDir: '/nonexistent',
    });
    await app.listen({ host: stack.stackIp, port: BACKEND_PORT });
    const worker = await startAgentWorker({
      stack,
      agentName,
      backendUrl,
      ...(options.workerEnv === undefined ? {} : { extraEnv: options.workerEnv }),
    });
    const livekitPort = Number(new URL(livekitHttpUrl(stack)).port || 7880);
    const running = app;
    return {
      app,
      database,
      worker,
      controls: {
        killAgentJob: async () => {
          const [job] = await busyJobProcesses(worker, livekitPort);
          if (job === undefined) return false;
          killJobProcess(job);
          return true;
        },
      },
      startScreen: async () => {
        const job = await database.db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
        const response = await running.inject({
          method: 'POST',
          url: '/api/interview/start-phone-screen',
          remoteAddress: '203.0.113.10',
          payload: {
            jobId: job.id,
            resumeId: await insertResume(database),
            consent: true,
            // Web mode needs none; a start that still asks for one is answered with a test number.
            phone: '+12133734253',
          },
        });
        if (response.statusCode !== 202) {
          throw new Error(`start-phone-screen answered ${response.statusCode}: ${response.body}`);
        }
        const answer = response.json<StartPhoneScreenResponse>();
        webCallOf(answer);
        return answer;
      },
      settledStatus: (interviewId, isSettled = isFinalStatus) =>
        waitFor(
          () =>
            database.db
              .selectFrom('interviews')
              .select('status')
              .where('id', '=', interviewId)
              .executeTakeFirstOrThrow()
              .then((row) => row.status),
          // Scored, or over with nothing to score: `completed` still waits for its scorecard.
          (value) => isSettled(value),
          30_000,
        ),
      close: async () => {
        await worker.stop();
        await running.close();
        await database.close();
      },
    };
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}

/** The room a start (or a join from the link) answered, for a candidate to join. */
export function webCallOf(answer: StartPhoneScreenResponse): { url: string; token: string } {
  if (answer.webCall === undefined) throw new Error('the backend is not in web mode (no webCall)');
  return { url: answer.webCall.url, token: answer.webCall.token };
}

/** A persona's candidate clips, made with espeak-ng and sox (cached under `.livekit/clips`). */
export async function personaClips(persona: PersonaName): Promise<CandidateClip[]> {
  const { manifest, path: manifestPath } = await makePersonaClips(persona, {
    directory: path.join(REPO_ROOT, '.livekit/clips'),
  });
  return Promise.all(
    manifest.clips.map(async (clip) => ({
      text: clip.text,
      audio: decodeWav(await readFile(path.join(path.dirname(manifestPath), clip.wav))),
    })),
  );
}

/** Places one web-leg call with a persona and returns once the interview has settled. */
export async function runWebCall(
  stack: StackSettings,
  options: WebCallOptions = {},
): Promise<WebCallResult> {
  const persona = options.persona ?? 'qualified';
  const progress = options.onProgress ?? (() => undefined);
  let site: WebCallSite | undefined;
  try {
    const clips = await personaClips(persona);
    progress(`${clips.length} clips for persona ${persona}`);
    site = await openWebCallSite(stack, options);
    const { controls, worker } = site;
    progress('agent worker registered');

    const answer = await site.startScreen();
    const interviewId = answer.interview.id;

    const candidate = await runWebCandidate({
      ...webCallOf(answer),
      clips,
      timeoutMs: CALL_TIMEOUT_MS,
      onProgress: progress,
      onClipEnd: (index) => options.afterClip?.(index, controls),
    });
    progress('call over; waiting for the scorecard');
    const db = site.database.db;
    const status = await site.settledStatus(interviewId);
    const turns = await db
      .selectFrom('transcript_turns')
      .select(['id', 'speaker', 'text', 'metrics'])
      .where('interview_id', '=', interviewId)
      .orderBy('seq')
      .execute();
    const scorecardRow = await db
      .selectFrom('scorecards')
      .select('data')
      .where('interview_id', '=', interviewId)
      .executeTakeFirst();
    const scorecard =
      scorecardRow === undefined ? null : (parseJson(scorecardRow.data) as Scorecard);

    const outputDir = options.outputDir ?? path.join(REPO_ROOT, '.livekit/calls', interviewId);
    await mkdir(outputDir, { recursive: true });
    const heardWav = path.join(outputDir, 'heard.wav');
    const callWav = path.join(outputDir, 'call.wav');
    const transcriptFile = path.join(outputDir, 'transcript.txt');
    await writeFile(heardWav, encodeWav(candidate.heard));
    await writeFile(callWav, encodeWav(candidate.mixed));
    await writeFile(transcriptFile, transcriptText(interviewId, status, turns, scorecard));
    // The job's last lines (metrics, the end) can trail the room's deletion by a moment.
    await sleep(1_000);
    // The worker's own log (figures and events; the agent logs no transcript words), to read later.
    await writeFile(path.join(outputDir, 'agent.log'), worker.log());
    return {
      interviewId,
      status,
      scorecard,
      turns,
      timeline: candidate.timeline,
      clipsPlayed: candidate.clipsPlayed,
      clipCount: clips.length,
      heardWav,
      callWav,
      transcriptFile,
      agentMetrics: parseMetricLines(worker.log()),
      workerLog: worker.log(),
    };
  } finally {
    await site?.close();
  }
}

/** The worker's JSON log lines with this message, parsed (the agent logs figures and ids, no words). */
export function agentLogLines(output: string, message: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes(`"${message}"`)) continue;
    const parsed = parseJson(line.slice(line.indexOf('{')));
    if (typeof parsed === 'object' && parsed !== null)
      lines.push(parsed as Record<string, unknown>);
  }
  return lines;
}

/** The agent's `voice metrics` lines (one per metric event) from the worker's output. */
export function parseMetricLines(output: string): AgentMetricLine[] {
  return agentLogLines(output, 'voice metrics').filter(
    (line): line is AgentMetricLine => typeof line.metric === 'string',
  );
}

function transcriptText(
  interviewId: string,
  status: string,
  turns: readonly { speaker: string; text: string }[],
  scorecard: Scorecard | null,
): string {
  const lines = [`Interview ${interviewId}: ${status}`, ''];
  for (const turn of turns)
    lines.push(`${turn.speaker === 'agent' ? 'Agent' : 'Candidate'}: ${turn.text}`);
  if (scorecard !== null) {
    lines.push('', `Suggestion: ${scorecard.suggestion}`, scorecard.summary);
    for (const criterion of scorecard.criteria) {
      lines.push(`- ${criterion.name}: ${criterion.score}/5`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
