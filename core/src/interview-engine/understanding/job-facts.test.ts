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
    [
      'wait who is this again',
      /AI assistant calling for Cascade Fulfillment .* Warehouse Shift Lead/,
    ],
    ["sorry what company did you say you're calling from", /Cascade Fulfillment/],
  ])('%s → the matching fact', (question, fact) => {
    expect(answerFromJobFacts(warehouse, question)).toMatch(fact);
  });

  it.each(['Is there parking on site?', 'Do you sponsor visas?', 'Is there a dress code?'])(
    '%s → nothing: passed on to the recruiter, never an unrelated sentence',
    (question) => expect(answerFromJobFacts(warehouse, question)).toBeNull(),
  );

  it('answers "how big is the team?" with a head count, and passes it on when the job gives none', () => {
    expect(answerFromJobFacts(warehouse, 'how big is the team?')).toMatch(
      /crew of eight to twelve/,
    );
    const clinic = buildInterviewPlan(CORPUS_JOBS.clinic.job, SAMPLE_RESUME);
    expect(answerFromJobFacts(clinic, 'What is the team size?')).toMatch(/three billers/);
    const noCount = buildInterviewPlan(
      {
        ...CORPUS_JOBS.warehouse.job,
        description: 'The team works remotely, with core hours from eleven to three Eastern.',
      },
      SAMPLE_RESUME,
    );
    // The only team sentence speaks of hours, not of people: never offered as the size.
    expect(answerFromJobFacts(noCount, 'what is the team size?')).toBeNull();
    // A count of people in a sentence that is not about the team is not the team's size either.
    const mentorOnly = buildInterviewPlan(
      { ...CORPUS_JOBS.warehouse.job, description: 'You will mentor two to three engineers.' },
      SAMPLE_RESUME,
    );
    expect(answerFromJobFacts(mentorOnly, 'how big is the team')).toBeNull();
  });

  describe('for the demo backend job', () => {
    const demo = buildInterviewPlan(CORPUS_JOBS.demo.job, SAMPLE_RESUME);

    it.each([
      "what's the tech stack?",
      'which database do you use',
      'what do you guys build with',
      'what programming languages does the team use?',
    ])('%s → the sentence naming the tools the requirements name', (question) => {
      expect(answerFromJobFacts(demo, question)).toMatch(
        /TypeScript on Node\.js, PostgreSQL.*Kafka/,
      );
    });

    it('"do you sponsor visas?" → what the job\'s own knock-out asks', () => {
      expect(answerFromJobFacts(demo, 'do you sponsor visas?')).toBe(
        'This role asks that you are authorized to work without sponsorship. The recruiter can tell you more.',
      );
    });

    it('"do I need to bring my own tools?" is not about the stack', () => {
      expect(answerFromJobFacts(demo, 'do I need to bring my own tools?')).toBeNull();
    });
  });

  it.each([
    'can I talk to a real person?',
    'I want to speak with someone',
    'is there a human I can speak to',
  ])('"%s" → the request is noted for the recruiting team', (question) => {
    expect(answerFromJobFacts(warehouse, question)).toMatch(
      /noted that you would like to speak with someone/,
    );
  });
});
