import { z } from 'zod';
import { requestJson } from './api';

const ZFunnel = z.object({
  jobId: z.string(),
  from: z.string(),
  to: z.string(),
  stages: z.array(z.object({ stage: z.string(), count: z.number() })),
  outcomes: z.array(z.object({ outcome: z.string(), count: z.number() })),
});
export type JobFunnel = z.infer<typeof ZFunnel>;

/** A job's funnel over the last `days` days. */
export function fetchJobFunnel(jobId: string, days: number): Promise<JobFunnel> {
  const to = new Date();
  const from = new Date(to.getTime() - days * 24 * 60 * 60_000);
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
  return requestJson(`/api/jobs/${encodeURIComponent(jobId)}/funnel?${query.toString()}`, ZFunnel);
}
