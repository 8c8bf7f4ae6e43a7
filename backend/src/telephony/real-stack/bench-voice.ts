// `npm run bench:voice [-- --persona NAME]`: voice latency measured on one real web-leg call on
// the local stack (web-call-rig.ts), at the candidate's end, beside the agent's own
// `metrics_collected` figures from the same call (the worker's `voice metrics` log lines).
//   - join to the agent's first audio, and to the agent's joining (dispatch and job start);
//   - end of each candidate clip (its last sample sent) to the agent's first audio heard after.
import { parseArgs } from 'node:util';
import { isPersonaName } from '@screenline/core';
import { stackFromEnv } from './stack-kit.js';
import { runWebCall, type AgentMetricLine } from './web-call-rig.js';

const { values } = parseArgs({ options: { persona: { type: 'string', default: 'qualified' } } });
if (!isPersonaName(values.persona)) {
  process.stderr.write(`Unknown persona ${values.persona}\n`);
  process.exit(2);
}
const result = await runWebCall(stackFromEnv(), {
  persona: values.persona,
  onProgress: (line) => process.stderr.write(`bench:voice: ${line}\n`),
});
const { timeline } = result;

const replies = timeline.clips
  .filter((clip) => clip.agentReplyMs !== null)
  .map((clip) => (clip.agentReplyMs ?? 0) - clip.endMs);
const figure = (metric: string, key: string): number[] =>
  result.agentMetrics
    .filter((line: AgentMetricLine) => line.metric === metric)
    .map((line) => line[key])
    .filter((value): value is number => typeof value === 'number' && value >= 0);

const rows: [string, number[]][] = [
  ['end of answer -> agent audio (candidate)', replies],
  ['EOU delay (agent)', figure('eou_metrics', 'endOfUtteranceDelayMs')],
  ['transcription delay (agent)', figure('eou_metrics', 'transcriptionDelayMs')],
  ['LLM TTFT (agent, the engine)', figure('llm_metrics', 'ttftMs')],
  ['TTS TTFB (agent)', figure('tts_metrics', 'ttfbMs')],
];
const lines = [
  `call ${result.interviewId}: ${result.status}, ${result.clipsPlayed}/${result.clipCount} answers`,
  `join -> agent in the room: ${ms(timeline.agentJoinedMs)}`,
  `join -> first agent audio: ${ms(timeline.firstAgentAudioMs)}`,
  `agent in the room -> first agent audio: ${ms(
    timeline.firstAgentAudioMs === null || timeline.agentJoinedMs === null
      ? null
      : timeline.firstAgentAudioMs - timeline.agentJoinedMs,
  )}`,
  ...rows.map(([name, samples]) => `${name}: ${summary(samples)}`),
];
process.stdout.write(`${lines.join('\n')}\n`);

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value)} ms`;
}

function summary(samples: readonly number[]): string {
  if (samples.length === 0) return 'n = 0';
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return `p50 ${Math.round(at(0.5))} ms, p95 ${Math.round(at(0.95))} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms (n = ${sorted.length})`;
}
