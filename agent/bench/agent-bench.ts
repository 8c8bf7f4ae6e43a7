/**
 * `npm run bench:agent`: our overhead per turn inside a LiveKit AgentSession (no speech), beside
 * the engine alone as the baseline from the same run: with the scripted engine speaking
 * (`LLM_MODE=scripted`), and with an LLM driving the engine through tools (`LLM_MODE=llm`, the
 * model replaced by the framework's deterministic FakeLLM, so the figure is our overhead, not a
 * model's latency). Then how many concurrent sessions one worker process holds, and the memory each.
 */
import { initializeLogger, type voice } from '@livekit/agents';
import {
  SAMPLE_JOB,
  SAMPLE_RESUME,
  buildInterviewPlan,
  createPersona,
  InterviewEngine,
  type AgentTurnReport,
} from '@screenline/core';
import {
  createInterviewSession,
  type CallJob,
  type CallReports,
  type Conversation,
} from '../src/create-interview-session.js';
import { ScreenerFakeLLM } from '../src/testing/screener-fake-llm.js';

initializeLogger({ pretty: false, level: 'fatal' });
const plan = buildInterviewPlan({ ...SAMPLE_JOB }, SAMPLE_RESUME);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Baseline: the engine alone answering the qualified persona, per turn. */
async function engineTurnTimes(): Promise<number[]> {
  const engine = new InterviewEngine(plan);
  const persona = createPersona('qualified', plan, SAMPLE_RESUME);
  const times: number[] = [];
  let output = await engine.start();
  for (let turn = 0; turn < 40 && !output.isEnded; turn += 1) {
    const answer = persona.reply(output.utterance ?? '') ?? 'Yes.';
    const started = performance.now();
    output = await engine.onCandidateTurn(answer, `t${turn}`);
    times.push(performance.now() - started);
  }
  return times;
}

interface BenchSession {
  session: voice.AgentSession;
  persona: ReturnType<typeof createPersona>;
  lastAgentText: () => string;
  isEnded: () => boolean;
}

/** The backend and the job of a bench call: keeps only the agent's last line, so memory is the call's. */
class BenchSink implements CallReports, CallJob {
  lastAgentText = '';
  readonly pendingReports = 0;

  reportTurn(turn: AgentTurnReport): void {
    if (turn.speaker === 'agent') this.lastAgentText = turn.text;
  }

  reportCall(): void {
    // Call events cost nothing worth measuring here.
  }

  flush(): Promise<boolean> {
    return Promise.resolve(true);
  }

  deleteRoom(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): void {
    // No job process to end.
  }

  addShutdownCallback(): void {
    // No job process to end.
  }
}

/** A call as production builds it, with no speech and no room. */
async function startCall(id: string, conversation: Conversation): Promise<BenchSession> {
  const sink = new BenchSink();
  const call = createInterviewSession({
    context: { interviewId: id, plan, engineState: null, turns: [], timezone: null },
    conversation,
    speech: null,
    reports: sink,
    job: sink,
    room: null,
  });
  await call.start();
  await call.open();
  // The opening is recorded once it has played (at once when the engine writes the transcript).
  while (sink.lastAgentText === '') await new Promise((resolve) => setTimeout(resolve, 5));
  return {
    session: call.session,
    persona: createPersona('qualified', plan, SAMPLE_RESUME),
    lastAgentText: () => sink.lastAgentText,
    isEnded: () => call.driver.isEnded,
  };
}

/** LLM_MODE=scripted: the engine's own lines are spoken. */
function startSession(index: number): Promise<BenchSession> {
  return startCall(`bench-${index}`, { mode: 'scripted' });
}

/** LLM_MODE=llm: each candidate turn is a tool call into the engine, then the model's words. */
function startToolSession(index: number): Promise<BenchSession> {
  return startCall(`tools-${index}`, { mode: 'llm', llm: new ScreenerFakeLLM() });
}

/** One turn through the whole framework path: user input → engine → assistant message. */
async function sessionTurn(bench: BenchSession): Promise<number> {
  const answer = bench.persona.reply(bench.lastAgentText()) ?? 'Yes.';
  const started = performance.now();
  await bench.session.run({ userInput: answer }).wait();
  return performance.now() - started;
}

async function main(): Promise<void> {
  // Warm both paths once so the figures are steady-state.
  await engineTurnTimes();
  const warm = await startSession(-1);
  await sessionTurn(warm);
  await warm.session.close();

  const engineTimes = (await Promise.all([1, 2, 3].map(() => engineTurnTimes()))).flat();
  const single = await startSession(0);
  const sessionTimes: number[] = [];
  while (!single.isEnded() && sessionTimes.length < 30)
    sessionTimes.push(await sessionTurn(single));
  await single.session.close();

  const warmTools = await startToolSession(-1);
  await sessionTurn(warmTools);
  await warmTools.session.close();
  const tools = await startToolSession(0);
  const toolTimes: number[] = [];
  while (!tools.isEnded() && toolTimes.length < 30) toolTimes.push(await sessionTurn(tools));
  await tools.session.close();

  const engineMs = median(engineTimes);
  const sessionMs = median(sessionTimes);
  const toolMs = median(toolTimes);
  console.log(
    `turn, engine alone (baseline):        median ${engineMs.toFixed(3)} ms over ${engineTimes.length} turns`,
  );
  console.log(
    `turn, AgentSession + engine (ours):   median ${sessionMs.toFixed(3)} ms over ${sessionTimes.length} turns`,
  );
  console.log(`framework + adapter overhead per turn: ${(sessionMs - engineMs).toFixed(3)} ms`);
  console.log(
    `turn, LLM tools + engine (ours, fake LLM): median ${toolMs.toFixed(3)} ms over ${toolTimes.length} turns`,
  );
  console.log(
    `tools-mode overhead per turn (two LLM rounds, no model time): ${(toolMs - engineMs).toFixed(3)} ms`,
  );

  const count = Number(process.env.BENCH_AGENT_SESSIONS ?? 50);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const sessions: BenchSession[] = [];
  for (let index = 1; index <= count; index += 1) sessions.push(await startSession(index));
  const started = performance.now();
  const concurrentTimes = await Promise.all(sessions.map((bench) => sessionTurn(bench)));
  const roundMs = performance.now() - started;
  global.gc?.();
  const heapPerSession = (process.memoryUsage().heapUsed - heapBefore) / count / 1024 / 1024;
  const rssPerSession = (process.memoryUsage().rss - rssBefore) / count / 1024 / 1024;
  console.log(
    `${count} concurrent sessions in one process: one turn each in ${roundMs.toFixed(1)} ms ` +
      `(median ${median(concurrentTimes).toFixed(2)} ms per turn)`,
  );
  console.log(
    `memory per session: heap ${heapPerSession.toFixed(2)} MiB, rss ${rssPerSession.toFixed(2)} MiB`,
  );
  console.log(
    'note: without speech; a live call adds STT, TTS and VAD streams (LiveKit quotes about 25 calls per 4-core worker).',
  );
  await Promise.all(sessions.map((bench) => bench.session.close()));
}

await main();
