// `npm run bench:voice [-- --persona NAME]`: voice latency measured on one real web-leg call on
// the local stack (web-call-rig.ts), at the candidate's end, beside the agent's own
// `metrics_collected` figures from the same call (the worker's `voice metrics` log lines).
//   - join to the agent's first audio, and to the agent's joining (dispatch and job start);
//   - end of each candidate clip (its last sample sent) to the agent's first audio heard after.
// Two calls: SPEECH_AHEAD=off (every line synthesised when said: the baseline) then on.
import { parseArgs } from 'node:util';
import { isPersonaName } from '@screenline/core';
import { stackFromEnv } from './stack-kit.js';
import { agentLogLines, runWebCall, type AgentMetricLine } from './web-call-rig.js';

const { values } = parseArgs({ options: { persona: { type: 'string', default: 'qualified' } } });
if (!isPersonaName(values.persona)) {
  process.stderr.write(`Unknown persona ${values.persona}\n`);
  process.exit(2);
}
const persona = values.persona;

/** One call with speech synthesised ahead on or off (the agent's SPEECH_AHEAD). */
async function measure(ahead: 'on' | 'off') {
  const result = await runWebCall(stackFromEnv(), {
    persona,
    workerEnv: { SPEECH_AHEAD: ahead },
    onProgress: (line) => process.stderr.write(`bench:voice (ahead ${ahead}): ${line}\n`),
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
  const [counts] = agentLogLines(result.workerLog, 'speech synthesised ahead');
  const eou = figure('eou_metrics', 'endOfUtteranceDelayMs');
  const rows: [string, number[]][] = [
    ['end of answer -> agent audio (candidate)', replies],
    ['EOU delay (agent)', eou],
    ['transcription delay (agent)', figure('eou_metrics', 'transcriptionDelayMs')],
    ['LLM TTFT (agent, the engine)', figure('llm_metrics', 'ttftMs')],
    ['TTS TTFB (agent; only lines synthesised when said)', figure('tts_metrics', 'ttfbMs')],
  ];
  return [
    `SPEECH_AHEAD=${ahead}: call ${result.interviewId}: ${result.status}, ${result.clipsPlayed}/${result.clipCount} answers`,
    `  join -> agent in the room: ${ms(timeline.agentJoinedMs)}`,
    `  join -> first agent audio: ${ms(timeline.firstAgentAudioMs)}`,
    `  agent in the room -> first agent audio: ${ms(
      timeline.firstAgentAudioMs === null || timeline.agentJoinedMs === null
        ? null
        : timeline.firstAgentAudioMs - timeline.agentJoinedMs,
    )}`,
    ...rows.map(([name, samples]) => `  ${name}: ${summary(samples)}`),
    `  end of answer -> agent audio, beyond the EOU delay: p50 ${Math.round(
      quantile(replies, 0.5) - quantile(eou, 0.5),
    )} ms`,
    counts === undefined
      ? '  every sentence synthesised when said (speech ahead off)'
      : `  sentences said from audio made ahead: ${Number(counts.spokenAhead)}, synthesised when said: ${Number(counts.spokenLive)}`,
  ];
}

// The baseline first, in the same run: every line synthesised when it is said.
const baseline = await measure('off');
const ahead = await measure('on');
process.stdout.write(`${[...baseline, ...ahead].join('\n')}\n`);
process.exit(0);

function ms(value: number | null): string {
  return value === null ? 'n/a' : `${Math.round(value)} ms`;
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function summary(samples: readonly number[]): string {
  if (samples.length === 0) return 'n = 0';
  const max = Math.max(...samples);
  return `p50 ${Math.round(quantile(samples, 0.5))} ms, p95 ${Math.round(quantile(samples, 0.95))} ms, max ${Math.round(max)} ms (n = ${samples.length})`;
}
