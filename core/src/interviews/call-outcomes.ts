import type { InterviewStatus } from './interview.js';

/** What happened to a dial attempt, as the retry policy sees it (REL-1). */
export type CallOutcome =
  | 'busy'
  | 'no_answer'
  | 'declined'
  | 'invalid_number'
  | 'operator_error'
  | 'carrier_error'
  | 'voicemail'
  | 'livekit_error';

/** One row of the REL-1 table: SIP codes, the interview state they end in, and when to try again. */
export interface CallOutcomeRule {
  outcome: CallOutcome;
  status: InterviewStatus;
  /** SIP final responses that mean this outcome (5xx are matched by range). */
  sipCodes: readonly number[];
  /** Delay before retry n (index n); the attempt is not retried once they are used up. */
  retryDelaysMs: readonly number[];
  /** Spread the retries so a carrier's burst limit does not see them all at once. */
  hasJitter: boolean;
  /** The retry, like any phone call, waits for the callee's calling hours. */
  isWithinCallingHours: boolean;
  /** Configuration or billing trouble on our side: someone must look, retrying will not help. */
  shouldAlertOperator: boolean;
  /** The number itself is wrong: the candidate must give it again. */
  shouldAskForNumber: boolean;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The retry table of REL-1 (SIP final responses → outcome → state, and when to try again), as data. */
export const CALL_OUTCOME_RULES: readonly CallOutcomeRule[] = [
  {
    outcome: 'busy',
    status: 'busy',
    sipCodes: [486, 600],
    retryDelaysMs: [5 * MINUTE, 30 * MINUTE],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
  {
    outcome: 'no_answer',
    status: 'no_answer',
    sipCodes: [480, 408, 487],
    retryDelaysMs: [30 * MINUTE],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
  {
    outcome: 'declined',
    status: 'declined',
    sipCodes: [603, 607, 608],
    retryDelaysMs: [],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
  {
    outcome: 'invalid_number',
    status: 'invalid_number',
    sipCodes: [404, 484, 604, 410],
    retryDelaysMs: [],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: true,
  },
  {
    outcome: 'operator_error',
    status: 'failed',
    sipCodes: [401, 402, 403, 407],
    retryDelaysMs: [],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: true,
    shouldAskForNumber: false,
  },
  {
    // A carrier's 503 for too many calls per second lands here: seconds later, spread out.
    outcome: 'carrier_error',
    status: 'failed',
    sipCodes: [],
    retryDelaysMs: [5 * SECOND, 20 * SECOND, 60 * SECOND],
    hasJitter: true,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
  {
    outcome: 'voicemail',
    status: 'voicemail',
    sipCodes: [],
    retryDelaysMs: [2 * 60 * MINUTE],
    hasJitter: false,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
  {
    // LiveKit itself failed or timed out (REL-2: at most 3 retries, exponential, full jitter).
    outcome: 'livekit_error',
    status: 'failed',
    sipCodes: [],
    retryDelaysMs: [2 * SECOND, 8 * SECOND, 30 * SECOND],
    hasJitter: true,
    isWithinCallingHours: true,
    shouldAlertOperator: false,
    shouldAskForNumber: false,
  },
];

/** The rule of an outcome. */
export function ruleFor(outcome: CallOutcome): CallOutcomeRule {
  const rule = CALL_OUTCOME_RULES.find((candidate) => candidate.outcome === outcome);
  if (rule === undefined) throw new Error(`no call outcome rule for ${outcome}`);
  return rule;
}

/**
 * The outcome of a SIP final response. Codes outside the table are treated as our own trouble
 * (alert, no retry): ringing a candidate again on a response nobody understood is the worse error.
 */
export function outcomeForSipStatus(sipStatusCode: number): CallOutcome {
  const listed = CALL_OUTCOME_RULES.find((rule) => rule.sipCodes.includes(sipStatusCode));
  if (listed !== undefined) return listed.outcome;
  if (sipStatusCode >= 500 && sipStatusCode <= 599) return 'carrier_error';
  return 'operator_error';
}

/**
 * When to try again after `retriesSoFar` retries of this outcome, or undefined for never. The
 * caller moves the instant into calling hours.
 */
export function nextRetryAt(
  outcome: CallOutcome,
  retriesSoFar: number,
  now: Date,
  random: () => number = Math.random,
): Date | undefined {
  const rule = ruleFor(outcome);
  const delay = rule.retryDelaysMs[retriesSoFar];
  if (delay === undefined) return undefined;
  // Full jitter keeps at least a second so a retry never lands on the failure it follows.
  const waited = rule.hasJitter ? Math.max(SECOND, Math.round(delay * random())) : delay;
  return new Date(now.getTime() + waited);
}
