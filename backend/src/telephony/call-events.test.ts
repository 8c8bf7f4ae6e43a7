import { describe, expect, it } from 'vitest';
import { canMove } from './call-events.js';

describe('canMove', () => {
  it('moves a call forward only: webhooks arrive out of order', () => {
    expect(canMove('dialing', 'ringing')).toBe(true);
    expect(canMove('ringing', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'ringing')).toBe(false);
    expect(canMove('in_progress', 'completed')).toBe(true);
    expect(canMove('completed', 'in_progress')).toBe(false);
  });

  it('queues a retry only after a failed attempt, never after a cancel or an opt-out', () => {
    for (const failed of ['no_answer', 'busy', 'voicemail', 'failed'] as const) {
      expect(canMove(failed, 'scheduled', true)).toBe(true);
    }
    for (const final of ['canceled', 'opted_out', 'completed', 'evaluated'] as const) {
      expect(canMove(final, 'scheduled', true)).toBe(false);
    }
    // A dial that fails while in flight is ended first, then retried.
    expect(canMove('dialing', 'scheduled', true)).toBe(false);
  });

  it('lets a callback asked for on the call move only the live call back to scheduled', () => {
    expect(canMove('in_progress', 'scheduled', false, true)).toBe(true);
    expect(canMove('completed', 'scheduled', false, true)).toBe(false);
    expect(canMove('canceled', 'scheduled', false, true)).toBe(false);
  });
});
