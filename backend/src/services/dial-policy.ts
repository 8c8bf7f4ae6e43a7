import type { DialVerdict, PlaceCallRequest } from '../telephony/call-placer.js';
import { AppError, type CallingHoursWindow, type Mode } from '@screenline/core';
import type { Kysely } from 'kysely';
import { prepareAgentMetadata } from './agent-token.js';
import type { ScheduledCallQueue } from './call-retries.js';
import { planStartCallTime, type CallTimePlan } from './calling-hours-plan.js';
import { DialingSwitch } from '../db/repositories/dialing-switch.js';
import type { Database } from '../db/schema.js';

/**
 * What the mode-agnostic start flow (and the callback job) ask of telephony beyond placing the
 * call: the kill switch, calling hours and the agent's dispatch metadata (what follows a failed
 * dial is the lifecycle's: services/interview-lifecycle.ts).
 */
export interface DialPolicy {
  /** FR-6: false while dialing is switched off (phone mode only: nothing else dials). */
  isDialingEnabled(): Promise<boolean>;
  /** The same, as the start's 503 answer. */
  assertDialingEnabled(): Promise<void>;
  /** LAW-4: now, later (with the candidate's local time), or never. */
  planCallTime(input: {
    phoneE164: string | null;
    timezone?: string | undefined;
  }): Promise<CallTimePlan>;
  /** LK-4: the interview id, a fresh short-lived backend token, the candidate's opaque identity. */
  agentMetadata(interviewId: string): Promise<string>;
  /** Queues the dial of attempt `attempt + 1` at `at` (a call deferred into calling hours). */
  scheduleCall(interviewId: string, attempt: number, at: Date): Promise<void>;
}

export interface DialPolicyOptions {
  db: Kysely<Database>;
  mode: Mode;
  isDialingDisabled: boolean;
  callingHours: CallingHoursWindow;
  agentTokenTtlS: number;
  /** Web mode: how long the agent waits for a candidate who left the room (WEB_REJOIN_GRACE_S). */
  webRejoinGraceS?: number;
  queue: ScheduledCallQueue;
  now?: () => Date;
}

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
        ...(options.webRejoinGraceS === undefined ? {} : { rejoinGraceS: options.webRejoinGraceS }),
      });
    },
    scheduleCall(interviewId, attempt, at) {
      return options.queue.enqueue({ interviewId, attempt, at });
    },
  };
}

/**
 * REL-3 and FR-6, right before the INVITE (after the pacer's wait): dial only an interview still
 * dialing this attempt for a job still open, and hold the dial while dialing is paused.
 */
export function createMayDial(
  db: Kysely<Database>,
  isDialingDisabled: boolean,
): (request: PlaceCallRequest) => Promise<DialVerdict> {
  const dialingSwitch = new DialingSwitch(db);
  return async (request) => {
    if (await dialingSwitch.isDialingOff(isDialingDisabled)) return 'paused';
    const interview = await db
      .selectFrom('interviews')
      .innerJoin('jobs', 'jobs.id', 'interviews.job_id')
      .select(['interviews.status', 'interviews.attempt', 'jobs.status as job_status'])
      .where('interviews.id', '=', request.interviewId)
      .executeTakeFirst();
    const isStillWanted = interview?.status === 'dialing' && interview.attempt === request.attempt;
    if (!isStillWanted) return 'canceled';
    // The job closed after the queued dial (or the start) checked it: nobody is called for it.
    return interview.job_status === 'open' ? 'dial' : 'job_closed';
  };
}
