import { DisconnectReason } from '@livekit/protocol';
import { ServerError, SipCallError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOME_RULES, nextRetryAt, outcomeForSipStatus, ruleFor } from '@screenline/core';
import { outcomeForDisconnectReason } from './call-outcome.js';
import { outcomeForLiveKitError } from './livekit-errors.js';

const NOW = new Date('2026-11-25T15:00:00Z');
const MINUTE = 60_000;

/** REL-1, row by row: codes → outcome → interview state, and the retries each allows. */
const REL_1 = [
  { codes: [486, 600], outcome: 'busy', status: 'busy', retries: [5 * MINUTE, 30 * MINUTE] },
  { codes: [480, 408, 487], outcome: 'no_answer', status: 'no_answer', retries: [30 * MINUTE] },
  { codes: [603, 607, 608], outcome: 'declined', status: 'declined', retries: [] },
  { codes: [404, 484, 604, 410], outcome: 'invalid_number', status: 'invalid_number', retries: [] },
  { codes: [401, 403, 407, 402], outcome: 'operator_error', status: 'failed', retries: [] },
  { codes: [500, 502, 503, 504], outcome: 'carrier_error', status: 'failed', retries: 'jittered' },
] as const;

describe('REL-1 call outcomes', () => {
  it.each(REL_1)('$outcome: SIP $codes', ({ codes, outcome, status, retries }) => {
    for (const code of codes) {
      expect(outcomeForSipStatus(code)).toBe(outcome);
      const error = new SipCallError('SipCallError', 'failed', 429, 'resource_exhausted', {
        sip_status_code: String(code),
      });
      expect(outcomeForLiveKitError(error).outcome).toBe(outcome);
    }
    expect(ruleFor(outcome).status).toBe(status);
    if (retries === 'jittered') {
      const rule = ruleFor(outcome);
      expect(rule.retryDelaysMs.length).toBeGreaterThan(0);
      for (let n = 0; n < rule.retryDelaysMs.length; n += 1) {
        const at = nextRetryAt(outcome, n, NOW, () => 0.5)!;
        const waited = at.getTime() - NOW.getTime();
        expect(waited).toBeGreaterThanOrEqual(1000);
        expect(waited).toBeLessThanOrEqual(rule.retryDelaysMs[n]!);
        // "Seconds", not minutes: a carrier's 503 is retried quickly.
        expect(waited).toBeLessThan(2 * MINUTE);
      }
      expect(nextRetryAt(outcome, rule.retryDelaysMs.length, NOW)).toBeUndefined();
      return;
    }
    retries.forEach((delay, n) => {
      expect(nextRetryAt(outcome, n, NOW)?.getTime()).toBe(NOW.getTime() + delay);
    });
    expect(nextRetryAt(outcome, retries.length, NOW)).toBeUndefined();
  });

  it('invalid numbers ask for the number again; operator errors alert', () => {
    expect(ruleFor('invalid_number').shouldAskForNumber).toBe(true);
    expect(ruleFor('operator_error').shouldAlertOperator).toBe(true);
  });

  it('voicemail: hang up, retry later within calling hours', () => {
    const rule = ruleFor('voicemail');
    expect(rule.status).toBe('voicemail');
    expect(rule.isWithinCallingHours).toBe(true);
    expect(nextRetryAt('voicemail', 0, NOW)!.getTime()).toBeGreaterThan(
      NOW.getTime() + 30 * MINUTE,
    );
    expect(nextRetryAt('voicemail', 1, NOW)).toBeUndefined();
  });

  it('every rule is retried within calling hours, and an unknown code never rings again', () => {
    expect(CALL_OUTCOME_RULES.every((rule) => rule.isWithinCallingHours)).toBe(true);
    expect(outcomeForSipStatus(499)).toBe('operator_error');
    expect(ruleFor('operator_error').retryDelaysMs).toHaveLength(0);
  });

  it('maps disconnect reasons of a SIP participant that left unanswered', () => {
    expect(outcomeForDisconnectReason(DisconnectReason.USER_UNAVAILABLE)).toBe('no_answer');
    expect(outcomeForDisconnectReason(DisconnectReason.USER_REJECTED)).toBe('busy');
    expect(outcomeForDisconnectReason(DisconnectReason.SIP_TRUNK_FAILURE)).toBe('carrier_error');
    expect(outcomeForDisconnectReason(DisconnectReason.MEDIA_FAILURE)).toBe('carrier_error');
    expect(outcomeForDisconnectReason(DisconnectReason.CLIENT_INITIATED)).toBeUndefined();
    expect(outcomeForDisconnectReason(DisconnectReason.ROOM_DELETED)).toBeUndefined();
  });

  it('maps LiveKit failures: 4xx is configuration, 5xx and timeouts are retried', () => {
    expect(outcomeForLiveKitError(new ServerError('x', 'x', 401, 'unauthenticated')).outcome).toBe(
      'operator_error',
    );
    expect(outcomeForLiveKitError(new ServerError('x', 'x', 503, 'unavailable')).outcome).toBe(
      'livekit_error',
    );
    const timeout = new Error('timed out');
    timeout.name = 'TimeoutError';
    expect(outcomeForLiveKitError(timeout)).toEqual({
      outcome: 'livekit_error',
      detail: 'livekit_timeout',
    });
    expect(outcomeForLiveKitError(new TypeError('fetch failed')).detail).toBe(
      'livekit_unreachable',
    );
  });
});
