import { InterviewEngine } from './src/interview-engine/interview-engine.js';
import { buildInterviewPlan } from './src/interview-engine/interview-plan.js';
import { SAMPLE_JOB, SAMPLE_RESUME } from './src/interview-engine/fixtures.js';
const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
const CLEAR: Record<string,string> = { identity: 'Yes, speaking.', opening: 'Yes, sure.', 'knockout:work-authorization': 'Yes, I am authorized.', 'knockout:notice-period': 'Two weeks.', 'knockout:salary-expectation': '150k' };
async function at(stepId: string | null, lines: string[]) {
  for (const line of lines) {
    const e = new InterviewEngine(plan, { now: () => Date.parse('2026-11-25T15:00:00Z') });
    let out = await e.start(); let t = 0;
    while (stepId !== null && out.stepId !== stepId && t < 15) { out = await e.onCandidateTurn(CLEAR[out.stepId ?? ''] ?? 'I built the routing service in TypeScript and cut latency by half.', `c${t++}`); }
    const r = await e.onCandidateTurn(line, 'x');
    console.log(`[${stepId}] "${line}"\n   -> ${r.utterance}  {${r.actions.map(a=>a.type).join(',')}} step=${r.stepId}`);
  }
}
await at('identity', ["who's calling?", "this is she", "depends who's asking", "yeah that's me, who is this?", "Jordan? yeah", "jordan rivera speaking", "wrong jordan probably, I didn't apply anywhere", "yes but I'm driving"]);
await at('opening', ["is this a robot?", "sure but make it quick", "I only have five minutes", "yeah, can we do it in Spanish?", "not really, I'm at work, can you call after 5?", "how long will this take", "actually I already accepted another offer"]);
const cq = plan.steps.find(s => s.kind === 'candidate_questions')!.id;
await at(cq, ["what are the next steps?", "is it remote?", "how many people on the team?", "when will I hear back?", "nope", "what's the tech stack?", "do you sponsor visas?"]);
