import {
  nextRetryAt,
  ruleFor,
  type CallingHoursWindow,
  type CallOutcome,
  type Mode,
} from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import type { CallLog } from '../telephony/call-log.js';
import { planCallTime } from './calling-hours-plan.js';
import { resolveCallingZones } from './number-time-zones.js';
import type { Database } from '../db/schema.js';

/** The durable queue that places a scheduled call when its time comes (pg-boss in the app). */
export interface ScheduledCallQueue {
  /** Dial attempt `attempt + 1` of the interview at `at` (the attempt that failed is `attempt`). */
  enqueue(job: { interviewId: string; attempt: number; at: Date }): Promise<void>;
}

export interface CallRetriesOptions {
  db: Kysely<Database>;
  callingHours: CallingHoursWindow;
  mode: Mode;
  log: CallLog;
  now?: () => Date;
  random?: () => number;
}

/**
 * REL-1 after a failed attempt: count this outcome's earlier failures, take the table's next delay
 * and move it into the callee's calling hours (or never: declined, invalid, used up). The
 * lifecycle asks this after each failed dial and queues the call for the time it answers.
 */
export class CallRetries {
  constructor(private readonly options: CallRetriesOptions) {}

  async nextAttemptAt(interviewId: string, outcome: CallOutcome): Promise<Date | undefined> {
    const { db, log } = this.options;
    if (ruleFor(outcome).shouldAlertOperator) {
      // REL-1: the carrier refused us (401/402/403/407): the trunk's credentials or the account's
      // billing need a person. `alert` is the field log-based alerting matches on.
      log.error(
        { alert: 'operator', outcome, interviewId },
        'the carrier refused the call for a configuration or billing reason: check the SIP trunk and the carrier account',
      );
    }
    const now = this.options.now?.() ?? new Date();
    const interview = await db
      .selectFrom('interviews')
      .select(['phone_e164', 'timezone', 'attempt'])
      .where('id', '=', interviewId)
      .executeTakeFirst();
    if (interview === undefined) return undefined;
    const earlier = await db
      .selectFrom('interview_events')
      .select(db.fn.countAll<string>().as('count'))
      .where('interview_id', '=', interviewId)
      .where('type', '=', 'dial_failed')
      .where('status', 'is not', null)
      .where(sql<string>`data->>'outcome'`, '=', outcome)
      .executeTakeFirstOrThrow();
    // The failure being handled is already recorded: retries so far = failures - 1.
    const retriesSoFar = Math.max(0, Number(earlier.count) - 1);
    const due = nextRetryAt(outcome, retriesSoFar, now, this.options.random);
    if (due === undefined) return undefined;

    let at = due;
    if (this.options.mode === 'phone') {
      const zones = resolveCallingZones({
        phoneE164: interview.phone_e164,
        timezone: interview.timezone ?? undefined,
      });
      const plan = planCallTime(due, zones, this.options.callingHours);
      if (plan.kind === 'never') {
        log.warn({ interviewId, outcome }, 'no calling-hours window for a retry');
        return undefined;
      }
      if (plan.kind === 'later') at = plan.at;
    }
    return at;
  }
}
