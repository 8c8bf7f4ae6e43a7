import type { CallingHoursWindow, Mode } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import type { CallLog } from './call-log.js';
import { recordCallEvent } from './call-events.js';
import { nextRetryAt, ruleFor, type CallOutcome } from './call-outcome.js';
import type { CallDatabase } from './call-tables.js';
import { planCallTime } from './calling-hours-plan.js';
import { resolveCallingZones } from './number-time-zones.js';

/** The durable queue that places a scheduled call when its time comes (pg-boss in the app). */
export interface ScheduledCallQueue {
  /** Dial attempt `attempt + 1` of the interview at `at` (the attempt that failed is `attempt`). */
  enqueue(job: { interviewId: string; attempt: number; at: Date }): Promise<void>;
}

export interface CallRetriesOptions {
  db: Kysely<CallDatabase>;
  queue: ScheduledCallQueue;
  callingHours: CallingHoursWindow;
  mode: Mode;
  log: CallLog;
  now?: () => Date;
  random?: () => number;
}

/**
 * REL-1 after a failed attempt: count this outcome's earlier failures, take the table's next delay,
 * move it into the callee's calling hours, and queue the call again (or not: declined, invalid...).
 */
export class CallRetries {
  constructor(private readonly options: CallRetriesOptions) {}

  async afterFailure(interviewId: string, outcome: CallOutcome): Promise<Date | undefined> {
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
      .where(sql<string>`data->>'outcome'`, '=', outcome)
      .executeTakeFirstOrThrow();
    // The failure being handled is already recorded: retries so far = failures - 1.
    const retriesSoFar = Math.max(0, Number(earlier.count) - 1);
    const due = nextRetryAt(outcome, retriesSoFar, now, this.options.random);
    if (due === undefined) return undefined;

    let at = due;
    if (this.options.mode === 'phone') {
      const zones = await resolveCallingZones({
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
    const recorded = await recordCallEvent(db, {
      interviewId,
      type: 'retry_scheduled',
      status: 'scheduled',
      isRetry: true,
      data: { outcome, at: at.toISOString(), retry: retriesSoFar + 1 },
      patch: { scheduled_for: at },
    });
    if (recorded.result !== 'applied') return undefined;
    await this.options.queue.enqueue({ interviewId, attempt: interview.attempt, at });
    log.info({ interviewId, outcome, at: at.toISOString() }, 'call retry scheduled');
    return at;
  }
}
