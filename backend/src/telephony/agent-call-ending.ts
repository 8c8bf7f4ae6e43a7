import { ZEndReason, type AgentCallReport, type EndReason } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { RuntimeTables } from '../interviews/runtime-tables.js';
import type { CallLog } from './call-log.js';
import { recordCallEvent, type CallEventResult } from './call-events.js';
import type { ScheduledCallQueue } from './call-retries.js';
import type { CallDatabase } from './call-tables.js';

/**
 * Where a completed call goes to be scored, however it ended (the agent's report, the candidate
 * hanging up, the room closing, the reconciler). The app starts the job a little later, so turns
 * the agent is still delivering make it into the transcript; the queue keeps one job per interview,
 * and the job skips an interview with no answers.
 */
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
  const current = await deps.db
    .selectFrom('interviews')
    .select(['status', 'attempt'])
    .where('id', '=', interviewId)
    .executeTakeFirst();
  if (current === undefined) return { result: 'missing' };
  // Only the live call moves: after voicemail the attempt is already over (and maybe queued
  // again), and a late or repeated report must not complete a retry. It stays in the trail.
  const isLive = current.status === 'in_progress' && endReason !== 'voicemail';

  if (endReason === 'callback_requested' && isLive) {
    return scheduleCallback(deps, { id: interviewId, attempt: current.attempt }, report);
  }
  const status = endReason === 'opted_out' ? 'opted_out' : 'completed';
  const recorded = await recordCallEvent(deps.db, {
    interviewId,
    type: 'agent_ended',
    ...(isLive ? { status, endReason } : {}),
    data: { reason: report.reason },
  });
  if (recorded.result === 'missing') return recorded;

  if (endReason === 'opted_out') {
    // Honoured whatever the status says: a webhook may have closed the call a moment earlier.
    await suppressNumber(deps.db, interviewId);
    deps.log.info({ interviewId }, 'candidate opted out on the call; number suppressed');
    return recorded;
  }
  // Applied: the call just moved to `completed`.
  if (recorded.result === 'applied' && endReason !== 'wrong_person') {
    await deps.scoring.enqueue(interviewId);
  }
  return recorded;
}

/** The attempt is the live call's: it cannot change while the call is in progress. */
async function scheduleCallback(
  deps: AgentCallEndingDeps,
  interview: { id: string; attempt: number },
  report: EndedReport,
): Promise<CallEventResult> {
  const interviewId = interview.id;
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
  // The queued call re-checks calling hours and the kill switch when it comes due.
  await deps.calls.enqueue({ interviewId, attempt: interview.attempt, at });
  deps.log.info({ interviewId, scheduledFor: at.toISOString() }, 'callback scheduled by the agent');
  return recorded;
}

/** LAW-3: the interview's number is never dialled again. Idempotent. */
export async function suppressNumber(db: Kysely<CallDatabase>, interviewId: string): Promise<void> {
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
