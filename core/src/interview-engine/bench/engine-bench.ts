/**
 * `npm run bench:engine`: CPU time of a full scripted screen (about twelve candidate turns) and of
 * scoring it, each beside a baseline measured in the same run on the same data, so the ratio
 * means something on any machine. No network, no database.
 */
import { SAMPLE_JOB, SAMPLE_RESUME } from '../fixtures.js';
import { runSimulatedScreen } from '../run-simulated-screen.js';
import { scoreInterview } from '../score-interview.js';
import { sentences } from '../text-analysis.js';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const NOW = Date.parse('2026-11-25T15:00:00Z');

/** CPU microseconds (user + system) per call of `work`, after a warm-up. */
async function cpuMicrosPerCall(work: () => unknown, iterations = ITERATIONS): Promise<number> {
  for (let index = 0; index < Math.min(20, iterations); index += 1) await work();
  const start = process.cpuUsage();
  for (let index = 0; index < iterations; index += 1) await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / iterations;
}

function format(micros: number): string {
  return micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`;
}

const screen = await runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, 'curious', { now: () => NOW });
const candidateTurns = screen.transcript.filter((turn) => turn.speaker === 'candidate').length;

// Baselines: the cheapest thing any implementation must do with the same data.
const copyConversation = (): unknown => JSON.parse(JSON.stringify(screen.transcript));
const splitSentences = (): number =>
  screen.transcript.reduce((count, turn) => count + sentences(turn.text.toLowerCase()).length, 0);

const screenMicros = await cpuMicrosPerCall(() =>
  runSimulatedScreen(SAMPLE_JOB, SAMPLE_RESUME, 'curious', { now: () => NOW }),
);
const screenBaseline = await cpuMicrosPerCall(copyConversation, ITERATIONS * 10);
const scoreMicros = await cpuMicrosPerCall(
  () => scoreInterview(screen.plan, screen.transcript),
  ITERATIONS * 5,
);
const scoreBaseline = await cpuMicrosPerCall(splitSentences, ITERATIONS * 10);

const rows = [
  {
    what: `full scripted screen (${candidateTurns} candidate turns, ${screen.transcript.length} turns in all; plan, engine, persona, scoring)`,
    cpu: screenMicros,
    baselineName: 'JSON round trip of the same transcript',
    baseline: screenBaseline,
  },
  {
    what: 'scoreInterview on that transcript',
    cpu: scoreMicros,
    baselineName: 'sentence split of the same transcript',
    baseline: scoreBaseline,
  },
];
process.stdout.write(
  `Interview engine benchmark (node ${process.version}, ${ITERATIONS} iterations, CPU time per call)\n\n`,
);
for (const row of rows) {
  process.stdout.write(
    `${row.what}\n  cpu ${format(row.cpu)}   baseline (${row.baselineName}) ${format(row.baseline)}   ratio ${(row.cpu / row.baseline).toFixed(1)}x\n`,
  );
}
process.stdout.write(
  `\nend reason: ${screen.endReason ?? 'none'}, suggestion: ${screen.scorecard?.suggestion ?? 'none'}\n`,
);
