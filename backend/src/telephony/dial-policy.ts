import { AppError, type CallingHoursWindow, type Mode } from '@screenline/core';
import type { Kysely } from 'kysely';
import { prepareAgentMetadata } from './agent-token.js';
import { recordCallEvent } from './call-events.js';
import { CALL_OUTCOME_RULES, type CallOutcome } from './call-outcome.js';
import type { CallRetries, ScheduledCallQueue } from './call-retries.js';
import type { CallDatabase } from './call-tables.js';
import { planStartCallTime, type CallTimePlan } from './calling-hours-plan.js';
import { DialingSwitch } from './dialing-switch.js';

/**
 * What the mode-agnostic start flow (and the callback job) ask of telephony beyond placing the
 * call: the kill switch, calling hours, the agent's dispatch metadata, and what to do after a
 * failed dial.
 */
export interface DialPolicy {
  /** FR-6: false while dialing is switched off (phone mode only: nothing else dials). */
  isDialingEnabled(): Promise<boolean>;
  /** The same, as the start's 503 answer. */
  assertDialingEnabled(): Promise<void>;
  /** LAW-4: now, later (with the candidate's local time), or never. */
  planCallTime(input: { phoneE164: string; timezone?: string | undefined }): Promise<CallTimePlan>;
  /** LK-4: the interview id, a fresh short-lived backend token, the candidate's opaque identity. */
  agentMetadata(interviewId: string): Promise<string>;
  /** REL-1: record the outcome and queue the retry the table allows, within calling hours. */
  afterDialFailed(interviewId: string, reason: string): Promise<void>;
  /** Queues the dial of attempt `attempt + 1` at `at` (a call deferred into calling hours). */
  scheduleCall(interviewId: string, attempt: number, at: Date): Promise<void>;
}

export interface DialPolicyOptions {
  db: Kysely<CallDatabase>;
  mode: Mode;
  isDialingDisabled: boolean;
  callingHours: CallingHoursWindow;
  /** Undefined in simulated mode: no LiveKit agent to brief, no LiveKit retries. */
  retries?: CallRetries | undefined;
  agentTokenTtlS: number;
  queue: ScheduledCallQueue;
  now?: () => Date;
}

const KNOWN_OUTCOMES = new Set<string>(CALL_OUTCOME_RULES.map((rule) => rule.outcome));

export function createDialPolicy(options: DialPolicyOptions): DialPolicy {
  const { db, mode } = options;
  const dialingSwitch = new DialingSwitch(db);
  const isDialingEnabled = async (): Promise<boolean> =>
    mode !== 'phone' || !(await dialingSwitch.isDialingOff(options.isDialingDisabled));
  return {
    isDialingEnabled,
    async assertDialingEnabled() {
      if (!(await isDialingEnabled())) {
        throw new AppError('SERVICE_UNAVAILABLE', {
          message: 'Calls are paused right now. Please try again later.',
          retryAfterS: 600,
        });
      }
    },
    planCallTime(input) {
      return planStartCallTime({
        ...input,
        window: options.callingHours,
        now: options.now?.() ?? new Date(),
      });
    },
    async agentMetadata(interviewId) {
      if (mode === 'simulated') return JSON.stringify({ interviewId });
      return prepareAgentMetadata(db, {
        interviewId,
        channel: mode === 'phone' ? 'phone' : 'web',
        ttlS: options.agentTokenTtlS,
      });
    },
    async afterDialFailed(interviewId, reason) {
      if (options.retries === undefined || !KNOWN_OUTCOMES.has(reason)) return;
      const outcome = reason as CallOutcome;
      // The status moved with the caller's own event; this row is what the retry count reads.
      await recordCallEvent(db, {
        interviewId,
        type: 'dial_failed',
        data: { outcome, source: 'place_call' },
        patch: { last_outcome: outcome },
      });
      await options.retries.afterFailure(interviewId, outcome);
    },
    scheduleCall(interviewId, attempt, at) {
      return options.queue.enqueue({ interviewId, attempt, at });
    },
  };
}
