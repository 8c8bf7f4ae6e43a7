import { describe, expect, it } from 'vitest';
import { buildInterviewPlan } from '../interview-plan.js';
import { SAMPLE_RESUME } from '../fixtures.js';
import { CORPUS_JOBS } from './corpus/corpus-jobs.js';
import { answerFromJobFacts } from './job-facts.js';

const warehouse = buildInterviewPlan(CORPUS_JOBS.warehouse.job, SAMPLE_RESUME);

describe('answerFromJobFacts', () => {
  it.each([
    ['Before that, which shift is it?', /six p m to four thirty a m/],
    ["What's the pay?", /twenty-two to twenty-five dollars per hour/],
    ['Is there health insurance?', /medical, dental and vision/],
    ['When would I start?', /January fifth/],
    ['Where is the warehouse?', /Joliet/],
    ['Is this a real person?', /AI assistant/],
  ])('%s → the matching fact', (question, fact) => {
    expect(answerFromJobFacts(warehouse, question)).toMatch(fact);
  });

  it.each(['Is there parking on site?', 'Do you sponsor visas?', 'Is there a dress code?'])(
    '%s → nothing: passed on to the recruiter, never an unrelated sentence',
    (question) => expect(answerFromJobFacts(warehouse, question)).toBeNull(),
  );
});
