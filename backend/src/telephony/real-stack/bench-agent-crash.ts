// `npm run bench:agent-crash [-- --calls N --kills K]`: the share of turns kept when the agent
// crashes mid-call (issue 13 item 5), on real web-leg calls on the local stack (web-call-rig.ts).
// In each call the agent's job process is SIGKILLed K times (the backend sends a new agent each
// time, two at most per call), each at a random moment up to six seconds after a random answer:
// while the agent hears it, thinks, or speaks. A turn is kept when a turn the agents put in their
// outbox (the worker's "turn queued for the backend" lines: ids, no words) is in the saved
// transcript. Beside it, the same count on a call with no kill, in the same run.
import { parseArgs } from 'node:util';
import { stackFromEnv } from './stack-kit.js';
import { agentLogLines, runWebCall, type CallControls } from './web-call-rig.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '3' },
    kills: { type: 'string', default: '2' },
  },
});
const CALLS = Number(values.calls);
const KILLS = Number(values.kills);
/** The backend re-dispatches twice per call; a third loss ends the call (agent_lost). */
const MAX_KILLS = 2;
const KILL_WITHIN_MS = 6_000;
/** Answers the kills may follow: not the identity answer, not the last ones before the close. */
const FIRST_KILLABLE_ANSWER = 1;
const ANSWERS_AT_THE_END_SPARED = 2;
if (!Number.isInteger(CALLS) || CALLS < 1 || !Number.isInteger(KILLS) || KILLS < 1) {
  process.stderr.write('--calls and --kills take whole numbers from 1\n');
  process.exit(2);
}
if (KILLS > MAX_KILLS) {
  process.stderr.write(`--kills: the backend sends a new agent ${MAX_KILLS} times per call\n`);
  process.exit(2);
}

interface CallCount {
  label: string;
  kills: number;
  queued: number;
  kept: number;
  status: string;
  clipsPlayed: number;
  clipCount: number;
}

const stack = stackFromEnv();
const progress = (line: string): void => {
  process.stderr.write(`bench:agent-crash: ${line}\n`);
};

/** One call; `kills` of its answers are followed by a kill of the agent's job process. */
async function measureCall(label: string, kills: number, clipCount: number): Promise<CallCount> {
  const killAfter = pickAnswers(kills, clipCount);
  const killing: Promise<boolean>[] = [];
  const result = await runWebCall(stack, {
    // A new job process is forked and connects on a loaded machine: give it time.
    workerEnv: { AGENT_PROCESS_START_TIMEOUT_S: '60' },
    onProgress: (line) => progress(`${label}: ${line}`),
    afterClip: (index: number, call: CallControls) => {
      if (!killAfter.has(index)) return;
      const delayMs = Math.random() * KILL_WITHIN_MS;
      killing.push(
        new Promise((resolve) => setTimeout(resolve, delayMs)).then(async () => {
          const killed = await call.killAgentJob();
          progress(
            `${label}: killed the agent ${Math.round(delayMs)} ms after answer ${index + 1}`,
          );
          return killed;
        }),
      );
    },
  });
  const killed = (await Promise.all(killing)).filter(Boolean).length;
  const queued = queuedTurnIds(result.workerLog, result.interviewId);
  const saved = new Set(result.turns.map((turn) => turn.id));
  return {
    label,
    kills: killed,
    queued: queued.size,
    kept: [...queued].filter((id) => saved.has(id)).length,
    status: result.status,
    clipsPlayed: result.clipsPlayed,
    clipCount: result.clipCount,
  };
}

/** The ids of the turns the call's agents queued for the backend, from the worker's output. */
function queuedTurnIds(workerLog: string, interviewId: string): Set<string> {
  return new Set(
    agentLogLines(workerLog, 'turn queued for the backend')
      .filter((entry) => entry.interviewId === interviewId && typeof entry.turnId === 'string')
      .map((entry) => String(entry.turnId)),
  );
}

/** `count` distinct answer indexes between the identity answer and the close, at random. */
function pickAnswers(count: number, clipCount: number): Set<number> {
  const killable = Array.from(
    { length: Math.max(0, clipCount - ANSWERS_AT_THE_END_SPARED - FIRST_KILLABLE_ANSWER) },
    (_, offset) => offset + FIRST_KILLABLE_ANSWER,
  );
  const picked = new Set<number>();
  while (picked.size < Math.min(count, killable.length)) {
    picked.add(killable[Math.floor(Math.random() * killable.length)] ?? FIRST_KILLABLE_ANSWER);
  }
  return picked;
}

process.stdout.write(
  `agent crash bench: ${CALLS} calls with ${KILLS} kills each, beside one call with none; node ${process.version}\n`,
);
// The persona's clip count is known once the first call has made its clips.
const baseline = await measureCall('baseline', 0, 0);
const { clipCount } = baseline;
const counts: CallCount[] = [baseline];
for (let call = 1; call <= CALLS; call += 1) {
  counts.push(await measureCall(`call ${call}`, KILLS, clipCount));
}

const rows = counts.map((count) =>
  [
    count.label.padEnd(10),
    String(count.kills).padStart(5),
    String(count.queued).padStart(7),
    String(count.kept).padStart(5),
    String(count.queued - count.kept).padStart(5),
    `${count.clipsPlayed}/${count.clipCount}`.padStart(8),
    `  ${count.status}`,
  ].join(''),
);
const crashed = counts.slice(1);
const queuedTotal = crashed.reduce((sum, count) => sum + count.queued, 0);
const keptTotal = crashed.reduce((sum, count) => sum + count.kept, 0);
const killsTotal = crashed.reduce((sum, count) => sum + count.kills, 0);
process.stdout.write(
  [
    'call      kills queued  kept  lost answers  status',
    ...rows,
    `turns kept over ${killsTotal} kills: ${keptTotal}/${queuedTotal} = ${percent(keptTotal, queuedTotal)} (goal ≥ 99.5%)`,
    `baseline, no kill: ${baseline.kept}/${baseline.queued} = ${percent(baseline.kept, baseline.queued)}`,
    '',
  ].join('\n'),
);

// LiveKit's native rtc-node keeps handles of the calls' rooms after they closed (as in
// demo-call.ts): the bench is over once it has printed.
process.exit(0);

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}
