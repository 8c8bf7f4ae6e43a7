import { AppError } from '@screenline/core';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';

export interface JobClosedScreensDeps {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
}

const JOB_CLOSED = { type: 'canceled', by: 'job_closed' } as const;

/**
 * A recruiter closed the job: nobody is called for it any more. Its calls still to come
 * (deferred to calling hours, callbacks, retries) end `canceled`, reason `job_closed`; a call
 * already placed is the candidate's and goes on (the lifecycle decides both). Closing again
 * catches a retry that a call in flight at the first close queued since. Answers how many ended.
 */
export async function cancelScreensOfClosedJob(
  deps: JobClosedScreensDeps,
  jobId: string,
): Promise<number> {
  let canceled = 0;
  for (const interviewId of await deps.store.listScheduledIds(jobId)) {
    if (await cancelForClosedJob(deps, interviewId)) canceled += 1;
  }
  return canceled;
}

/**
 * Before a call still to come is placed (the queued dial, a web candidate starting from their
 * link): when its job has closed since it was queued, it ends as the close would have ended it,
 * and true says so: the caller places nothing.
 */
export async function cancelIfJobClosed(
  deps: JobClosedScreensDeps,
  interview: Pick<InterviewRecord, 'id' | 'jobId'>,
): Promise<boolean> {
  const job = await deps.store.findJobSummary(interview.jobId);
  if (job.status === 'open') return false;
  await cancelForClosedJob(deps, interview.id);
  return true;
}

/**
 * Before the candidate acts from their link on a call still to come (moves it, starts it): when
 * its job has closed, the call ends as the close ends it (if the close has not already) and the
 * candidate is told so with `message`, a 409 that trying again will not change.
 */
export async function refuseIfJobClosed(
  deps: JobClosedScreensDeps,
  interview: Pick<InterviewRecord, 'id' | 'jobId' | 'status' | 'endReason'>,
  message: string,
): Promise<void> {
  const isClosed =
    interview.endReason === 'job_closed' ||
    (interview.status === 'scheduled' && (await cancelIfJobClosed(deps, interview)));
  if (isClosed) throw new AppError('CONFLICT', { message });
}

async function cancelForClosedJob(
  deps: JobClosedScreensDeps,
  interviewId: string,
): Promise<boolean> {
  const recorded = await deps.lifecycle.apply(interviewId, JOB_CLOSED, {
    eventType: 'canceled',
    data: { reason: 'job_closed' },
  });
  return recorded.result === 'applied';
}
