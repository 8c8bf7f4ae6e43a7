import type { Job } from '@screenline/core';
import type { JobPatch, JobsRepository } from '../db/repositories/jobs-repository.js';
import { cancelScreensOfClosedJob, type JobClosedScreensDeps } from './job-closed-screens.js';

export interface UpdateJobDeps extends JobClosedScreensDeps {
  jobs: JobsRepository;
}

/** A recruiter's change to a job; closing it also ends the calls still to come for it. */
export async function updateJob(
  deps: UpdateJobDeps,
  jobId: string,
  patch: JobPatch,
): Promise<{ job: Job; canceledScreens: number } | undefined> {
  const job = await deps.jobs.update(jobId, patch);
  if (job === undefined) return undefined;
  const canceledScreens =
    patch.status === 'closed' ? await cancelScreensOfClosedJob(deps, job.id) : 0;
  return { job, canceledScreens };
}
