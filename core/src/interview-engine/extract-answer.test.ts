import { describe, expect, it } from 'vitest';
import type { Knockout } from '../jobs/job.js';
import {
  extractDate,
  extractDurationDays,
  extractKnockoutAnswer,
  extractNumbers,
  extractRange,
  extractYesNo,
  isVague,
  wordsToDigits,
} from './extract-answer.js';

const NOW = new Date('2026-11-25T15:00:00Z'); // a Wednesday

describe('wordsToDigits', () => {
  it.each([
    ['one hundred forty thousand dollars', '140000 dollars'],
    ['seven years', '7 years'],
    ['twenty-five', '25'],
    ['a couple of weeks', '2 weeks'],
    ['I am a developer', 'I am a developer'],
    ['three months, maybe two', '3 months, maybe 2'],
  ])('%s → %s', (input, output) => expect(wordsToDigits(input)).toBe(output));
});

describe('extractNumbers and extractRange', () => {
  it('reads amounts with multipliers', () => {
    expect(extractNumbers('About $150k a year')).toEqual([150_000]);
    expect(extractNumbers('150,000')).toEqual([150_000]);
    expect(extractNumbers('one hundred and fifty thousand')).toEqual([150_000]);
    expect(extractNumbers('I have 7 years')).toEqual([7]);
  });
  it('reads salary ranges', () => {
    expect(extractRange('between 140 and 160k')).toEqual({ low: 140_000, high: 160_000 });
    expect(extractRange('140-160 thousand')).toEqual({ low: 140_000, high: 160_000 });
    expect(extractRange('one hundred forty to one hundred sixty thousand')).toEqual({
      low: 140_000,
      high: 160_000,
    });
    expect(extractRange('no idea')).toBeNull();
  });
});

describe('extractYesNo', () => {
  it.each([
    ['Yes, I am.', true],
    ['Yeah, no problem.', true],
    ['Well, yes.', true],
    ['No, I would need sponsorship.', false],
    ["I'm not, sadly.", false],
    ['I will need a visa sponsorship.', false],
    ['Oh, let me think about where I lived, but yes, I am.', true],
    ['Hmm, not sure.', null],
    ['Purple.', null],
    ['Of course.', true],
  ])('%s → %s', (text, value) => expect(extractYesNo(text)).toBe(value));
});

describe('extractDurationDays and extractDate', () => {
  it.each([
    ['Two weeks notice.', 14],
    ['I could start right away.', 0],
    ['About three months.', 90],
    ['a month', 30],
    ['60 days', 60],
    ['next week', 7],
    ['I could start on December 9th.', 14],
    ['Not sure yet.', null],
  ])('%s → %s days', (text, days) => expect(extractDurationDays(text, NOW)).toBe(days));

  it('reads dates', () => {
    expect(extractDate('2027-01-15', NOW)?.toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(extractDate('the 3rd of March', NOW)?.toISOString()).toBe('2027-03-03T00:00:00.000Z');
    expect(extractDate('next Monday', NOW)?.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(extractDate('tomorrow', NOW)?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(extractDate('whenever', NOW)).toBeNull();
  });
});

describe('extractKnockoutAnswer', () => {
  const salary: Knockout = {
    id: 'salary',
    question: 'What base salary are you looking for?',
    answerType: 'number',
    accept: { max: 180_000 },
  };
  const notice: Knockout = {
    id: 'notice',
    question: 'What is your notice period?',
    answerType: 'duration_days',
    accept: { max: 60 },
  };
  const authorised: Knockout = {
    id: 'auth',
    question: 'Are you authorized to work here?',
    answerType: 'yes_no',
    accept: { equals: true },
  };
  const years: Knockout = {
    id: 'years',
    question: 'How many years?',
    answerType: 'number',
    accept: { min: 3 },
  };
  const text: Knockout = { id: 'why', question: 'Why this role?', answerType: 'text', accept: {} };

  it('keeps the turn id and the words', () => {
    const answer = extractKnockoutAnswer(salary, 'Around 150k.', 'turn-7', NOW);
    expect(answer).toMatchObject({
      turnId: 'turn-7',
      text: 'Around 150k.',
      value: 150_000,
      passed: true,
    });
  });
  it('judges against the accept rule', () => {
    expect(extractKnockoutAnswer(salary, '200 thousand', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(salary, '170 to 190k', 't', NOW).passed).toBe(true);
    expect(extractKnockoutAnswer(notice, 'three months', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(notice, 'two weeks', 't', NOW)).toMatchObject({
      value: 14,
      passed: true,
    });
    expect(extractKnockoutAnswer(authorised, 'No.', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(years, 'two years', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(years, 'seven years', 't', NOW).passed).toBe(true);
    expect(extractKnockoutAnswer(text, 'I love logistics.', 't', NOW).passed).toBe(true);
  });
  it('leaves unclear answers unjudged', () => {
    expect(extractKnockoutAnswer(salary, 'I would rather not say.', 't', NOW).passed).toBeNull();
    expect(extractKnockoutAnswer(authorised, 'Hmm.', 't', NOW).passed).toBeNull();
    expect(extractKnockoutAnswer(text, 'um', 't', NOW).passed).toBeNull();
    expect(isVague('It depends.')).toBe(true);
  });
});
