import { describe, expect, it } from 'vitest';
import { SAMPLE_JOB, SAMPLE_RESUME } from '../fixtures.js';
import { buildInterviewPlan } from '../interview-plan.js';
import {
  asksToHold,
  asksWhatIsMeant,
  declinesToSay,
  defersAnswer,
  mentionsConfidentiality,
  readTurn,
  saysBackFromHold,
  saysCandidateIsAway,
  withdrawsApplication,
} from './read-turn.js';

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

describe('saysCandidateIsAway: someone else answered', () => {
  it.each([
    "she isn't here right now can you call back later",
    "No, this is his wife. He's at work.",
    "I'm her roommate, she's asleep",
    "he's not home right now can I take a message",
    'this is her work phone, she stepped out',
    'oh that is my son, he is at school',
  ])('"%s": away for now, so the call may be tried again', (text) => {
    expect(saysCandidateIsAway(text)).toBe(true);
  });

  it.each([
    'wrong number',
    "you've got the wrong number, there's no one here by that name",
    "he doesn't live here anymore",
    'she moved out last year, this is not her number',
    'he passed away in March',
    "I don't know who that is",
    'no',
    'who is this',
  ])('"%s": this number will not reach the candidate', (text) => {
    expect(saysCandidateIsAway(text)).toBe(false);
  });
});

describe('asksToHold and saysBackFromHold', () => {
  it.each([
    'hold on one sec let me pull over',
    'Hang on, one second.',
    'um give me a sec',
    'sorry just a moment, my kid is yelling',
    'can you hold on',
    'one sec',
  ])('"%s" asks to wait', (text) => {
    expect(asksToHold(text)).toBe(true);
  });

  it.each([
    "hold on, yes I'm authorized",
    'one second, I think two weeks',
    "hold on, what's the salary range?",
    'I hold a green card',
    'two weeks',
  ])('"%s" is more than a request to wait', (text) => {
    expect(asksToHold(text)).toBe(false);
  });

  it.each(["ok I'm back", 'sorry about that, go ahead', "Okay, I'm here now.", 'alright go ahead'])(
    '"%s" is back from the hold',
    (text) => {
      expect(saysBackFromHold(text)).toBe(true);
    },
  );

  it.each(["ok I'm back, two weeks", 'yes I am authorized', 'sorry what was the question'])(
    '"%s" says more than being back',
    (text) => {
      expect(saysBackFromHold(text)).toBe(false);
    },
  );
});

describe('turns about the question', () => {
  it.each([
    ['what do you mean?', asksWhatIsMeant],
    ['sorry, can you give me an example?', asksWhatIsMeant],
    ['like what?', asksWhatIsMeant],
    ['can I get back to you on that', defersAnswer],
    ["I'll have to get back to you", defersAnswer],
    ["I'd rather not say", declinesToSay],
    ["honestly I'm not comfortable sharing that", declinesToSay],
    ['pass', declinesToSay],
    ["I can't really talk about that, NDA", mentionsConfidentiality],
    ['that project is confidential', mentionsConfidentiality],
  ] as const)('"%s"', (text, reader) => {
    expect(reader(text)).toBe(true);
  });

  it.each([
    ['I mean we shipped it in a month', asksWhatIsMeant],
    ['I passed my CPC exam', declinesToSay],
    ['I handled confidential patient records daily', declinesToSay],
    ['I handled confidential patient records daily', mentionsConfidentiality],
    ['I got back to work after two weeks', defersAnswer],
  ] as const)('"%s" is an answer', (text, reader) => {
    expect(reader(text)).toBe(false);
  });
});

describe('withdrawsApplication', () => {
  it.each([
    'actually I already accepted another offer',
    'I accepted an offer elsewhere',
    "honestly I'm not looking anymore",
    "I'm no longer interested in the position",
    'I decided to stay with my current employer',
    "I'd like to withdraw my application",
  ])('"%s" is out of the process', (text) => {
    expect(withdrawsApplication(text)).toBe(true);
  });

  it.each([
    'I took a job at Shopify in 2021',
    "I got another offer but I'm still interested",
    'I just started a new job so I need a month',
    'I accepted a position at Google in 2019 as an SRE',
  ])('"%s" is not', (text) => {
    expect(withdrawsApplication(text)).toBe(false);
  });
});

describe('readTurn at a resume question', () => {
  const tailored = plan.steps.find((step) => step.kind === 'tailored');
  const read = (text: string) => {
    if (tailored === undefined) throw new Error('the plan has no resume question');
    return readTurn(text, {
      plan,
      step: tailored,
      isAwaitingCallbackTime: false,
      now: new Date('2026-11-25T15:00:00Z'),
    }).intent;
  };

  it.each([
    'I built the tracking API at Parcelly, handled the on-call, does that answer your question?',
    'I led the Kafka migration and cut our lag by half, if that makes sense',
  ])('"%s" is an answer with a tag question, not a question', (text) => {
    expect(read(text)).toBe('answer');
  });

  it.each(["I'm not sure what to say", 'not sure, nothing comes to mind right now'])(
    '"%s" is vague: the follow-up asks for one example',
    (text) => {
      expect(read(text)).toBe('vague');
    },
  );
});
