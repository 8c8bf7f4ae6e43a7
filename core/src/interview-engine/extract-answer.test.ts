import { describe, expect, it } from 'vitest';
import type { Knockout } from '../jobs/job.js';
import { extractKnockoutAnswer } from './extract-answer.js';
import { readDurationDays, readYesNo } from './understanding/read-answer.js';
import { readNumbers } from './understanding/spoken-numbers.js';

const NOW = new Date('2026-11-25T15:00:00Z');
const context = { now: NOW };

describe('readNumbers', () => {
  it.each([
    ['About $150k a year', 150_000, null],
    ['150,000', 150_000, null],
    ['one hundred and fifty thousand', 150_000, null],
    ['one fifty', 150, null],
    ['one sixty to one seventy five', 160, 175],
    ['twenty three fifty an hour', 23.5, null],
    ['twenty seven and a half', 27.5, null],
    ['between 140 and 160k', 140_000, 160_000],
    ['140-160 thousand', 140_000, 160_000],
  ])('%s → %s', (text, value, high) => {
    expect(readNumbers(text)[0]).toMatchObject({ value, high });
  });

  it('keeps the unit each number is about', () => {
    expect(readNumbers("I've driven forklifts for about eight years")[0]).toMatchObject({
      value: 8,
      unit: 'years',
    });
    expect(readNumbers('24/hr')[0]).toMatchObject({ value: 24, unit: 'hourly' });
    expect(readNumbers('five minutes away, maybe 5 miles').map((item) => item.unit)).toEqual([
      'minutes',
      'miles',
    ]);
  });
});

describe('readYesNo', () => {
  const evenings = 'Are you able to work evenings?';
  it.each([
    ["I can't do evenings anymore, I've got kids at home", false],
    ["Evenings are no problem, I've worked them for years", true],
    ['i dont mind evenings at all', true],
    ['i mind evenings quite a bit to be honest', false],
    ["that's what I'm doing now at my current place", true],
    ["I don't see why not", true],
    ['I have a car', null],
    ['it depends on the pay', null],
    ['nope', false],
    ['mhm', true],
  ])('%s → %s', (text, value) => expect(readYesNo(evenings, text, context)).toBe(value));

  it('reads a negation in the clause about the topic', () => {
    expect(readYesNo('Can you work Sundays?', "I can't work Sundays at all", context)).toBe(false);
    expect(
      readYesNo('Can you work Sundays?', 'i could do saturdays but not sundays', context),
    ).toBe(false);
  });

  it('reads work authorisation from the status said', () => {
    const question = 'Are you legally authorized to work in the United States without sponsorship?';
    expect(readYesNo(question, "I'd need a visa transfer, I'm on an H-1B", context)).toBe(false);
    expect(readYesNo(question, 'I have a green card, so yes', context)).toBe(true);
    expect(readYesNo(question, "i'm looking for around a hundred fifty thousand", context)).toBe(
      null,
    );
  });

  it('reads a duration against "within thirty days"', () => {
    const question = 'Could you start within thirty days?';
    expect(
      readYesNo(question, 'Not inside a month, no, my contract has a long notice', context),
    ).toBe(false);
    expect(readYesNo(question, 'two weeks notice and I am yours', context)).toBe(true);
  });
});

describe('readDurationDays', () => {
  it.each([
    ['two weeks', 14],
    ['a month and a half', 45],
    ["I'm between jobs so immediately", 0],
    ['January first', 37],
    ['three weeks from today', 21],
    ['tomorrow', 1],
  ])('%s → %s days', (text, days) => expect(readDurationDays(text, context)).toBe(days));

  it('does not read tenure as notice', () => {
    expect(readDurationDays("I've been at my job five years", context)).toBeNull();
  });
});

describe('extractKnockoutAnswer', () => {
  const salary: Knockout = {
    id: 'salary',
    question: 'What base salary are you looking for, in US dollars per year?',
    answerType: 'number',
    accept: { max: 180_000 },
    unit: 'USD per year',
  };
  const hourly: Knockout = {
    id: 'hourly',
    question: 'What hourly pay are you looking for?',
    answerType: 'number',
    accept: { max: 26 },
    unit: 'USD per hour',
  };
  const notice: Knockout = {
    id: 'notice',
    question: 'What is your notice period?',
    answerType: 'duration_days',
    accept: { max: 60 },
  };
  const text: Knockout = { id: 'why', question: 'Why this role?', answerType: 'text', accept: {} };

  it('keeps the turn id, the words and the typed value', () => {
    expect(extractKnockoutAnswer(salary, 'Around 150k.', 'turn-7', NOW)).toMatchObject({
      turnId: 'turn-7',
      text: 'Around 150k.',
      value: 150_000,
      passed: true,
    });
    expect(extractKnockoutAnswer(salary, 'one sixty to one seventy five', 't', NOW)).toMatchObject({
      value: 160_000,
      range: { low: 160_000, high: 175_000 },
      passed: true,
    });
  });

  it('judges against the accept rule', () => {
    expect(extractKnockoutAnswer(salary, 'two hundred thousand', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(salary, '170 to 190k', 't', NOW).passed).toBe(true);
    expect(extractKnockoutAnswer(notice, 'three months', 't', NOW).passed).toBe(false);
    expect(extractKnockoutAnswer(notice, 'two weeks', 't', NOW)).toMatchObject({
      value: 14,
      passed: true,
    });
    expect(extractKnockoutAnswer(text, 'I love logistics.', 't', NOW).passed).toBe(true);
  });

  it('never counts a number about something else as the answer', () => {
    const answer = extractKnockoutAnswer(
      hourly,
      "I've driven forklifts for about eight years",
      't',
      NOW,
    );
    expect(answer).toMatchObject({ value: null, passed: null });
    expect(
      extractKnockoutAnswer(salary, 'I have about ten years of experience', 't', NOW).passed,
    ).toBeNull();
  });

  it('leaves unclear answers not determined', () => {
    expect(extractKnockoutAnswer(salary, 'I would rather not say.', 't', NOW).passed).toBeNull();
    expect(extractKnockoutAnswer(text, 'um', 't', NOW).passed).toBeNull();
  });
});
