import { describe, expect, it } from 'vitest';
import { SAMPLE_JOB, SAMPLE_RESUME } from '../fixtures.js';
import { buildInterviewPlan } from '../interview-plan.js';
import { readTurn } from './read-turn.js';

const plan = buildInterviewPlan(SAMPLE_JOB, SAMPLE_RESUME);
const questionsStep = plan.steps.find((step) => step.kind === 'candidate_questions');

describe('readTurn at "what would you like to know about the role?"', () => {
  const read = (text: string) => {
    if (questionsStep === undefined) throw new Error('the plan has no candidate questions step');
    return readTurn(text, {
      plan,
      step: questionsStep,
      isAwaitingCallbackTime: false,
      now: new Date('2026-11-25T15:00:00Z'),
    }).intent;
  };

  // The words as a recogniser gives them back, without punctuation or the leading "no".
  it.each([
    'no that is all from me thank you',
    'that is all from me thank you',
    "that's all from me",
    'that is everything thanks',
    'i think that is it',
  ])('"%s" is no more questions', (text) => {
    expect(read(text)).toBe('decline');
  });

  it('a question is still a question', () => {
    expect(read('what does the on call rotation look like')).toBe('question');
  });

  it('an unrelated remark is not taken as no more questions', () => {
    expect(read('the weather is nice today')).toBe('vague');
  });
});
