import { ruleFor, type CallOutcome } from './call-outcomes.js';
import {
  ACTIVE_INTERVIEW_STATUSES,
  PENDING_INTERVIEW_STATUSES,
  isScoredEnd,
  type EndReason,
  type InterviewStatus,
} from './interview.js';

/**
 * What happened to an interview, from any source: the start, the dial, LiveKit's webhooks, the
 * agent, an in-process (simulated) call, the candidate, a recruiter, the scorer, the reconciler.
 * Every mode reports the same facts; `decide` alone says what each one does to the interview.
 */
export type CallFact =
  /** "Call Me Now" created the interview: it dials now, or waits for calling hours. */
  | { type: 'screen_started'; deferredTo: Date | null }
  /** A scheduled call (callback, retry, deferred start) comes due and dials attempt `attempt`. */
  | { type: 'dial_started'; attempt: number; roomName: string }
  /** The phone rings (the first 180/183), or the simulated call rings. */
  | { type: 'ringing' }
  /** The candidate picked up (the SIP leg is active, or the browser joined). */
  | { type: 'answered' }
  /** The attempt ended without a conversation: busy, no answer, declined, voicemail... */
  | { type: 'dial_failed'; outcome: CallOutcome }
  /**
   * The dial never left: the number asked not to be called (LAW-3), or the job closed while the
   * dial waited for the trunk.
   */
  | { type: 'dial_dropped'; reason: 'number_suppressed' | 'job_closed' }
  /**
   * The conversation ended. `hasAnswers` is false when the call recorded nothing to score, and
   * 'unknown' when the reporter cannot tell (the scorer then decides, and says so).
   */
  | { type: 'call_ended'; reason: EndReason; hasAnswers: boolean | 'unknown' }
  /**
   * The agent left a live call without ending it: its job process died (LiveKit does not send a
   * new one while the worker stays connected). The backend sends the agent again, a few times.
   */
  | { type: 'agent_lost' }
  /** "Stop calling me", heard mid-call: LAW-3 at once, while the goodbye still plays. */
  | { type: 'opt_out_heard' }
  /** On the call, the candidate asked to be called at `at` instead. */
  | { type: 'callback_requested'; at: Date }
  /** The retry policy (REL-1) queued the next attempt for `at`. */
  | { type: 'retry_scheduled'; at: Date }
  /** The candidate moved a scheduled call to `at`. */
  | { type: 'rescheduled'; at: Date }
  /**
   * The candidate, a recruiter or the kill switch stopped the call; or its job closed, which
   * stops only a call still to come.
   */
  | { type: 'canceled'; by: 'candidate' | 'recruiter' | 'dialing_paused' | 'job_closed' }
  /** The scorecard was written. */
  | { type: 'evaluated' }
  /** The scorer found nothing to score (no answers recorded). */
  | { type: 'scoring_skipped' };

export type CallFactType = CallFact['type'];

/** Work that follows a fact once it is written; the backend carries each out through a port. */
export type LifecycleEffect =
  /** Queue the scorecard. */
  | { type: 'score' }
  /** Ask the REL-1 retry policy whether and when to try again (it reports `retry_scheduled`). */
  | { type: 'consider_retry'; outcome: CallOutcome }
  /** Queue the dial of the next attempt at `at`. */
  | { type: 'queue_call'; at: Date }
  /** LAW-3: never dial this number again. */
  | { type: 'suppress_number' }
  /** End the call for everyone (the phone leg hangs up). */
  | { type: 'hang_up' }
  /** Send a new agent into the call's room; it resumes from the saved turns (REL-5). */
  | { type: 'redispatch_agent' };

/** Columns a decision sets on the interview row beside the status. */
export interface LifecycleChanges {
  /** Set when the call ends (and cleared when a retry starts afresh). */
  endReason?: EndReason | null;
  /** `now` when it ends, null when a retry or callback dial starts afresh. */
  endedAt?: 'now' | null;
  /** `now` the first time a call is answered. */
  startedAt?: 'now';
  scheduledFor?: Date | null;
  attempt?: number;
  /** The attempt's room; null once the attempt is over and the next one is waiting. */
  roomName?: string | null;
  /** REL-1: the outcome of the last failed attempt. */
  lastOutcome?: CallOutcome;
  /** REL-5: agents sent again into this attempt's call after one was lost (0 when it starts). */
  agentRedispatches?: number;
}

/** What the lifecycle knows of the interview beside its status. */
export interface LifecycleRow {
  /** REL-5: agents already sent again into the current attempt's call. */
  agentRedispatches: number;
  /**
   * True when the interview's job is closed: nobody is called for it again. Only the facts of
   * CALL_QUEUING_FACTS need it (the backend reads it for those alone); absent, the job is open.
   */
  isJobClosed?: boolean;
}

/**
 * Facts that would queue a call still to come: a callback, a retry, a call moved to another time.
 * For a closed job each ends the screen instead, so deciding them needs the job's status.
 */
export const CALL_QUEUING_FACTS = [
  'callback_requested',
  'retry_scheduled',
  'rescheduled',
] as const satisfies readonly CallFactType[];

/**
 * REL-5: how many times a lost agent is sent again into one call. A job process that keeps dying
 * (a bug, memory) would otherwise hold the candidate on a line that keeps going quiet.
 */
export const MAX_AGENT_REDISPATCHES = 2;

export interface LifecycleDecision {
  /** The new status, or null when the fact changes no status (it is still written to the trail). */
  to: InterviewStatus | null;
  changes: LifecycleChanges;
  /** Nothing more will happen on this call: the candidate's live page may stop listening. */
  isFinal: boolean;
  effects: LifecycleEffect[];
  /**
   * Why the fact moved nothing (trail only): `stale` when it came late or out of order during the
   * call, `not_applicable` when it reports on a call that is already over.
   */
  ignoredBecause?: 'stale' | 'not_applicable';
}

/**
 * Attempts that ended without a conversation and that the retry policy may queue again (which
 * outcomes it does retry is REL-1's, in call-outcomes.ts). A decline and an invalid number never are.
 */
export const RETRYABLE_END_STATUSES = [
  'no_answer',
  'busy',
  'voicemail',
  'failed',
] as const satisfies readonly InterviewStatus[];

/**
 * States in which the call is over with nothing more to come on it: the interview is done, or the
 * attempt ended without a conversation (a retry, if REL-1 allows one, is a new `scheduled` call).
 */
export const FINAL_INTERVIEW_STATUSES = [
  'evaluated',
  'opted_out',
  'canceled',
  'declined',
  'invalid_number',
  ...RETRYABLE_END_STATUSES,
] as const satisfies readonly InterviewStatus[];

/** Where a call is on its way; a fact may only move it forward (webhooks arrive out of order). */
const PROGRESS: Partial<Record<InterviewStatus, number>> = {
  scheduled: 0,
  dialing: 1,
  ringing: 2,
  in_progress: 3,
};

const isOneOf = (status: InterviewStatus | null, list: readonly InterviewStatus[]): boolean =>
  status !== null && list.includes(status);

const ignored = (
  because: 'stale' | 'not_applicable',
  effects: LifecycleEffect[] = [],
): LifecycleDecision => ({
  to: null,
  changes: {},
  isFinal: false,
  effects,
  ignoredBecause: because,
});

const moveTo = (
  to: InterviewStatus,
  changes: LifecycleChanges,
  isFinal: boolean,
  effects: LifecycleEffect[] = [],
): LifecycleDecision => ({ to, changes, isFinal, effects });

/** The job closed: the call still to come is not made, and the candidate's page says why. */
const endForClosedJob = (): LifecycleDecision =>
  moveTo('canceled', { endedAt: 'now', endReason: 'job_closed' }, true);

/** A fact that moves a call forward applies only before that point; later it is stale. */
function isBefore(status: InterviewStatus | null, target: InterviewStatus): boolean {
  const from = status === null ? undefined : PROGRESS[status];
  const to = PROGRESS[target];
  return from !== undefined && to !== undefined && from < to;
}

/**
 * The interview lifecycle: what `fact` does to an interview in `status` (null: the interview is
 * being created). Pure; the backend applies the decision in one transaction and then runs its
 * effects. Every list of final, pending or retryable states comes from here or from interview.ts.
 */
export function decide(
  status: InterviewStatus | null,
  fact: CallFact,
  row: LifecycleRow = { agentRedispatches: 0 },
): LifecycleDecision {
  switch (fact.type) {
    case 'screen_started':
      if (status !== null) return ignored('not_applicable');
      return fact.deferredTo === null
        ? moveTo('dialing', { attempt: 1 }, false)
        : moveTo('scheduled', { attempt: 1, scheduledFor: fact.deferredTo }, false);

    case 'dial_started':
      if (status !== 'scheduled') return ignored('stale');
      return moveTo(
        'dialing',
        {
          attempt: fact.attempt,
          roomName: fact.roomName,
          endReason: null,
          endedAt: null,
          scheduledFor: null,
          agentRedispatches: 0,
        },
        false,
      );

    case 'ringing':
      return isBefore(status, 'ringing') && status !== 'scheduled'
        ? moveTo('ringing', {}, false)
        : ignored('stale');

    case 'answered':
      return isOneOf(status, ['dialing', 'ringing'])
        ? moveTo('in_progress', { startedAt: 'now' }, false)
        : ignored('stale');

    case 'dial_failed': {
      // Voicemail is found after the pick-up (answering-machine detection), so also mid-call.
      const canFail =
        isOneOf(status, ['dialing', 'ringing']) ||
        (fact.outcome === 'voicemail' && status === 'in_progress');
      if (!canFail) return ignored('stale');
      return moveTo(
        ruleFor(fact.outcome).status,
        {
          endedAt: 'now',
          endReason: fact.outcome === 'voicemail' ? 'voicemail' : null,
          lastOutcome: fact.outcome,
        },
        true,
        // A machine answered: the agent leaves its short message and hangs up itself (a hang-up
        // from here would cut the message off); the retry policy tries again later (REL-1).
        [{ type: 'consider_retry', outcome: fact.outcome }],
      );
    }

    case 'dial_dropped':
      if (!isOneOf(status, ['dialing'])) return ignored('stale');
      return fact.reason === 'job_closed'
        ? endForClosedJob()
        : moveTo('canceled', { endedAt: 'now', endReason: 'canceled' }, true);

    case 'call_ended': {
      const isLive = status === 'in_progress';
      if (fact.reason === 'opted_out') {
        // LAW-3 holds whatever the status says: a webhook may have closed the call a moment ago.
        const suppress: LifecycleEffect[] = [{ type: 'suppress_number' }];
        return isLive
          ? moveTo('opted_out', { endedAt: 'now', endReason: 'opted_out' }, true, suppress)
          : ignored('not_applicable', suppress);
      }
      // The end of a call already over is for the record only: after voicemail the attempt may be
      // queued again, and a late report must not complete that retry.
      if (!isLive || fact.reason === 'voicemail') return ignored('not_applicable');
      const willScore = isScoredEnd(fact.reason) && fact.hasAnswers !== false;
      return moveTo(
        'completed',
        { endedAt: 'now', endReason: fact.reason },
        !willScore,
        willScore ? [{ type: 'score' }] : [],
      );
    }

    case 'agent_lost':
      // Over already (the agent's own end report, the candidate's hang-up): nobody to resume for.
      if (status !== 'in_progress') return ignored('not_applicable');
      if (row.agentRedispatches < MAX_AGENT_REDISPATCHES) {
        return {
          to: null,
          changes: { agentRedispatches: row.agentRedispatches + 1 },
          isFinal: false,
          effects: [{ type: 'redispatch_agent' }],
        };
      }
      // Lost once too often: end the call rather than leave the candidate on a silent line, and
      // score what the saved turns hold.
      return moveTo('completed', { endedAt: 'now', endReason: 'agent_lost' }, false, [
        { type: 'hang_up' },
        { type: 'score' },
      ]);

    case 'opt_out_heard':
      // The call goes on to its goodbye; the end that follows ends it `opted_out`.
      return { to: null, changes: {}, isFinal: false, effects: [{ type: 'suppress_number' }] };

    case 'callback_requested':
      if (status !== 'in_progress') return ignored('stale');
      // The job closed during the call: nobody calls back for it (the call itself is over).
      if (row.isJobClosed === true) return endForClosedJob();
      return moveTo(
        'scheduled',
        {
          endedAt: 'now',
          endReason: 'callback_requested',
          scheduledFor: fact.at,
          roomName: null,
        },
        true,
        [{ type: 'queue_call', at: fact.at }],
      );

    case 'retry_scheduled':
      if (!isOneOf(status, RETRYABLE_END_STATUSES)) return ignored('stale');
      if (row.isJobClosed === true) return endForClosedJob();
      return moveTo(
        'scheduled',
        { endedAt: null, endReason: null, scheduledFor: fact.at, roomName: null },
        false,
        [{ type: 'queue_call', at: fact.at }],
      );

    case 'rescheduled':
      if (status !== 'scheduled') return ignored('stale');
      if (row.isJobClosed === true) return endForClosedJob();
      // The job queued for the old time finds the call moved and gives way to this one.
      return {
        to: null,
        changes: { scheduledFor: fact.at },
        isFinal: false,
        effects: [{ type: 'queue_call', at: fact.at }],
      };

    case 'canceled':
      if (!isOneOf(status, PENDING_INTERVIEW_STATUSES)) return ignored('stale');
      // The kill switch stops dialing: a call already answered goes on.
      if (fact.by === 'dialing_paused' && !isOneOf(status, ['dialing', 'ringing'])) {
        return ignored('not_applicable');
      }
      // A closed job calls nobody again; a call already placed is the candidate's, and goes on.
      if (fact.by === 'job_closed') {
        return status === 'scheduled' ? endForClosedJob() : ignored('not_applicable');
      }
      return moveTo('canceled', { endedAt: 'now', endReason: 'canceled' }, true, [
        { type: 'hang_up' },
      ]);

    case 'evaluated':
      return status === 'completed' ? moveTo('evaluated', {}, true) : ignored('stale');

    case 'scoring_skipped':
      return status === 'completed'
        ? { to: null, changes: {}, isFinal: true, effects: [] }
        : ignored('stale');
  }
}

/** True while a call is being dialled or held (LiveKit still has something to say about it). */
export function isCallInFlight(status: InterviewStatus): boolean {
  return isOneOf(status, ACTIVE_INTERVIEW_STATUSES);
}

/** True when the call is over with nothing more to come on it (see FINAL_INTERVIEW_STATUSES). */
export function isFinalStatus(status: InterviewStatus): boolean {
  return isOneOf(status, FINAL_INTERVIEW_STATUSES);
}
