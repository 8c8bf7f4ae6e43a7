import { ZEndReason, type AgentCallReport, type EndReason } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { RuntimeTables } from '../interviews/runtime-tables.js';
import type { CallLog } from './call-log.js';
import { recordCallEvent, type CallEventResult } from './call-events.js';
import type { ScheduledCallQueue } from './call-retries.js';
import type { CallDatabase } from './call-tables.js';

/** Where a finished interview goes to be scored (the runtime's queue in the app). */
export interface ScoringQueue {
  enqueue(interviewId: string): Promise<void>;
}

export interface AgentCallEndingDeps {
  db: Kysely<CallDatabase>;
  calls: ScheduledCallQueue;
  scoring: ScoringQueue;
  log: CallLog;
  now?: () => Date;
}

type EndedReport = Extract<AgentCallReport, { event: 'ended' }>;

/** Without a time we can read, a callback is tried the next day; the recruiter sees the words. */
const UNREAD_CALLBACK_DELAY_MS = 24 * 3_600_000;

/**
 * What the end of a real call means, the same as at the end of a simulated one: an opt-out
 * suppresses the number for good, a callback request schedules the next attempt, and an interview
 * with answers is queued for its scorecard.
 */
export async function applyAgentCallEnding(
  deps: AgentCallEndingDeps,
  interviewId: string,
  report: EndedReport,
): Promise<CallEventResult> {
  const parsed = ZEndReason.safeParse(report.reason);
  const endReason: EndReason = parsed.success ? parsed.data : 'finished';

  if (endReason === 'callback_requested') return scheduleCallback(deps, interviewId, report);

  const status = endReason === 'opted_out' ? 'opted_out' : 'completed';
  const recorded = await recordCallEvent(deps.db, {
    interviewId,
    type: 'agent_ended',
    status,
    endReason,
    data: { reason: report.reason },
  });
  if (recorded.result !== 'applied') return recorded;

  if (endReason === 'opted_out') {
    await suppressNumber(deps.db, interviewId);
    deps.log.info({ interviewId }, 'candidate opted out on the call; number suppressed');
    return recorded;
  }
  if (endReason !== 'wrong_person' && (await hasAnswers(deps.db, interviewId))) {
    await deps.scoring.enqueue(interviewId);
  }
  return recorded;
}

async function scheduleCallback(
  deps: AgentCallEndingDeps,
  interviewId: string,
  report: EndedReport,
): Promise<CallEventResult> {
  const now = deps.now?.() ?? new Date();
  const asked = report.callback?.requestedAt;
  const at =
    asked != null && new Date(asked).getTime() > now.getTime()
      ? new Date(asked)
      : new Date(now.getTime() + UNREAD_CALLBACK_DELAY_MS);
  const recorded = await recordCallEvent(deps.db, {
    interviewId,
    type: 'agent_ended',
    status: 'scheduled',
    endReason: 'callback_requested',
    isCallback: true,
    data: {
      reason: report.reason,
      scheduledFor: at.toISOString(),
      requestedText: report.callback?.requestedText ?? null,
    },
    patch: { scheduled_for: at },
  });
  if (recorded.result !== 'applied') return recorded;
  const interview = await deps.db
    .selectFrom('interviews')
    .select('attempt')
    .where('id', '=', interviewId)
    .executeTakeFirstOrThrow();
  // The queued call re-checks calling hours and the kill switch when it comes due.
  await deps.calls.enqueue({ interviewId, attempt: interview.attempt, at });
  deps.log.info({ interviewId, scheduledFor: at.toISOString() }, 'callback scheduled by the agent');
  return recorded;
}

async function suppressNumber(db: Kysely<CallDatabase>, interviewId: string): Promise<void> {
  const suppression = db as unknown as Kysely<CallDatabase & RuntimeTables>;
  await suppression
    .insertInto('suppressed_numbers')
    .columns(['phone_e164', 'interview_id', 'reason'])
    .expression((eb) =>
      eb
        .selectFrom('interviews')
        .select(['phone_e164', 'id', eb.val('opted_out').as('reason')])
        .where('id', '=', interviewId),
    )
    .onConflict((conflict) => conflict.column('phone_e164').doNothing())
    .execute();
}

/** True when the engine state saved with the turns holds at least one recorded answer. */
async function hasAnswers(db: Kysely<CallDatabase>, interviewId: string): Promise<boolean> {
  const row = await db
    .selectFrom('interviews')
    .select('engine_state')
    .where('id', '=', interviewId)
    .executeTakeFirst();
  const stored = row?.engine_state as { engine?: { answers?: unknown[] } } | null | undefined;
  return (stored?.engine?.answers?.length ?? 0) > 0;
}
