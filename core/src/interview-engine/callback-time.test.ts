import { describe, expect, it } from 'vitest';
import { parseCallbackTime } from './callback-time.js';

const NOW = new Date('2026-11-25T15:00:00Z');

describe('parseCallbackTime', () => {
  it.each([
    ['Tomorrow at 3 pm would be better.', '2026-11-26T15:00:00.000Z'],
    ['Tomorrow at three in the afternoon.', '2026-11-26T15:00:00.000Z'],
    ['Call me in two hours.', '2026-11-25T17:00:00.000Z'],
    ['Friday morning works.', '2026-11-27T10:00:00.000Z'],
    ['At 10:30 am', '2026-11-26T10:30:00.000Z'],
    ['This evening', '2026-11-25T18:00:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseCallbackTime(text, NOW).requestedAt).toBe(iso));

  it('reads the time in the candidate zone', () => {
    expect(parseCallbackTime('tomorrow at 9 am', NOW, 'America/New_York').requestedAt).toBe(
      '2026-11-26T14:00:00.000Z',
    );
  });

  it('reads the zone to the minute whatever the seconds of now', () => {
    // Seconds used to be dropped before rounding: at hh:mm:31 the offset came out a minute short.
    const late = new Date('2026-11-25T15:00:31Z');
    expect(parseCallbackTime('tomorrow at 3 pm', late, 'America/Chicago').requestedAt).toBe(
      '2026-11-26T21:00:00.000Z',
    );
    expect(parseCallbackTime('tomorrow at 3 pm', late).requestedAt).toBe(
      '2026-11-26T15:00:00.000Z',
    );
  });

  it('keeps the words when no time can be read', () => {
    expect(parseCallbackTime('Whenever suits you.', NOW)).toEqual({
      requestedText: 'Whenever suits you.',
      requestedAt: null,
    });
  });
});
