import type { Job } from '@screenline/core';
import type { JobPatch, JobsRepository } from '../db/repositories/jobs-repository.js';
import { cancelScreensOfClosedJob, type JobClosedScreensDeps } from './job-closed-screens.js';

export interface UpdateJobDeps extends JobClosedScreensDeps {
  jobs: JobsRepository;
}

/**
 * A recruiter's change to a job; closing it also ends the calls still to come for it. The change
 * is put on record (`recordChange`, the audit entry) before that sweep: a sweep that fails part
 * way leaves the job closed and its audit entry written, and closing again finishes the sweep.
 */
export async function updateJob(
  deps: UpdateJobDeps,
  jobId: string,
  patch: JobPatch,
  recordChange: (job: Job) => Promise<void>,
): Promise<{ job: Job; canceledScreens: number } | undefined> {
  const job = await deps.jobs.update(jobId, patch);
  if (job === undefined) return undefined;
  await recordChange(job);
  const canceledScreens =
    patch.status === 'closed' ? await cancelScreensOfClosedJob(deps, job.id) : 0;
  return { job, canceledScreens };
}
