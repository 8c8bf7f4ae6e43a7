import { describe, expect, it } from 'vitest';
import { forTheEar, numberToWords } from './speech.js';

describe('numberToWords', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [21, 'twenty-one'],
    [140_000, 'one hundred forty thousand'],
    [1_250_300, 'one million two hundred fifty thousand three hundred'],
    [2.5, 'two point five'],
  ])('%d → %s', (value, words) => expect(numberToWords(value)).toBe(words));
});

describe('forTheEar', () => {
  it('spells numbers, amounts and symbols', () => {
    expect(forTheEar('5+ years building services')).toBe('five or more years building services');
    expect(forTheEar('Pay is $140k to $170,000')).toBe(
      'Pay is one hundred forty thousand dollars to one hundred seventy thousand dollars',
    );
    expect(forTheEar('PostgreSQL: schema design & tuning')).toBe(
      'PostgreSQL, schema design and tuning',
    );
    expect(forTheEar('Event-driven systems (Kafka or similar) at scale.')).toBe(
      'Event-driven systems, Kafka or similar, at scale.',
    );
    expect(forTheEar('AWS/GCP, 30% travel')).toBe('A W S or G C P, thirty percent travel');
  });
  it.each([
    [
      'The evening shift runs from 6pm to 4:30am.',
      'The evening shift runs from six p m to four thirty a m.',
    ],
    [
      'Monday to Friday, from 8am to 4:30pm.',
      'Monday to Friday, from eight a m to four thirty p m.',
    ],
    ['core hours 11:00 to 3:05', 'core hours eleven to three oh five'],
    ['Pay is $22 to $25 per hour', 'Pay is twenty-two to twenty-five dollars per hour'],
    ['a $1.50 shift differential', 'a one dollar fifty shift differential'],
    ['a 401k match of 4%', 'a four oh one k match of four percent'],
    ['mentor 2-3 engineers', 'mentor two to three engineers'],
    ['coding with CPT and ICD-10', 'coding with C P T and I C D ten'],
    ['OSHA practice', 'OSHA practice'],
    ['in USD per year', 'in U S dollars per year'],
    ['a start date of January 5th', 'a start date of January fifth'],
    ['the 21st or the 30th', 'the twenty-first or the thirtieth'],
  ])('says "%s" as a person would', (text, spoken) => expect(forTheEar(text)).toBe(spoken));
  it('keeps no digits', () => {
    expect(forTheEar('Call me at 3 on 12 March, 2027.')).not.toMatch(/\d/);
  });
});
