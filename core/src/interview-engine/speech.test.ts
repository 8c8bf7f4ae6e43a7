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
    expect(forTheEar('AWS/GCP, 30% travel')).toBe('AWS or GCP, thirty percent travel');
  });
  it('keeps no digits', () => {
    expect(forTheEar('Call me at 3 on 12 March, 2027.')).not.toMatch(/\d/);
  });
});
