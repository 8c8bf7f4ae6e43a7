import { describe, expect, it } from 'vitest';
import { SAMPLE_JOB, SAMPLE_RESUME } from './fixtures.js';
import { InterviewEngine } from './interview-engine.js';
import { buildInterviewPlan } from './interview-plan.js';
import { createPersona, PERSONA_NAMES } from './personas.js';
import { splitSentences } from './speech.js';

describe('splitSentences', () => {
  it('splits after . ? and ! followed by a space, and keeps each sentence whole', () => {
    expect(splitSentences('Got it. Are you authorised to work in the US? Yes!  Fine')).toEqual([
      'Got it.',
      'Are you authorised to work in the US?',
      'Yes!',
      'Fine',
    ]);
    expect(splitSentences('  ')).toEqual([]);
  });
});

/**
 * Plays every persona's screen as the voice agent does: the lines the engine calls likely are
 * prepared before the opening and after each reply (while the candidate speaks), and each reply's
 * first sentence, the one the candidate waits for, is looked up among them.
 */
async function firstSentenceCoverage() {
  let replies = 0;
  let firstPrepared = 0;
  const misses: string[] = [];
  for (const persona of PERSONA_NAMES) {
    const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
    const engine = new InterviewEngine(plan, { now: () => Date.parse('2026-11-25T15:00:00Z') });
    const candidate = createPersona(persona, plan, SAMPLE_RESUME);
    const prepared = new Set<string>();
    const prepare = () => {
      for (const line of engine.likelyNextLines())
        for (const sentence of splitSentences(line)) prepared.add(sentence);
    };
    prepare();
    let output = await engine.start();
    for (let turn = 0; turn < 60 && output.utterance !== null; turn += 1) {
      const first = splitSentences(output.utterance)[0] ?? '';
      replies += 1;
      if (prepared.has(first)) firstPrepared += 1;
      else misses.push(`${persona}: ${first}`);
      if (output.isEnded) break;
      prepare();
      const said = candidate.reply(output.utterance);
      output =
        said === null ? await engine.onSilence() : await engine.onCandidateTurn(said, `c${turn}`);
    }
  }
  return { replies, firstPrepared, misses };
}

describe('likelyNextLines', () => {
  it('names the opening before the call, and nothing once it has ended', async () => {
    const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
    const engine = new InterviewEngine(plan);
    const opening = await new InterviewEngine(plan).start();
    expect(engine.likelyNextLines()).toContain(opening.utterance);
    await engine.start();
    await engine.onCandidateTurn('Please stop calling me. Take me off your list.', 'c1');
    expect(engine.isEnded).toBe(true);
    expect(engine.likelyNextLines()).toEqual([]);
  });

  it("covers the first sentence of most replies over every persona's screen", async () => {
    const { replies, firstPrepared, misses } = await firstSentenceCoverage();
    expect(replies).toBeGreaterThan(100);
    // Every reply of these screens starts with a sentence the engine named ahead.
    expect(misses, `${firstPrepared}/${replies} prepared`).toEqual([]);
  });
});
