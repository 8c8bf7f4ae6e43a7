import { ZHealth, ZJob, type Health, type Job } from '@screenline/core';
import { z } from 'zod';

/** An API answer that was not 2xx: `message` is written for a person and shown as it is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const ZErrorBody = z.object({ code: z.string(), message: z.string() });

/** What to show a person for a failed request: the API's own message, or the error's text. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

/** Fetches JSON and validates it with the schema the backend answers with. */
export async function requestJson<T>(
  url: string,
  schema: z.ZodType<T>,
  init: RequestInit = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'Cannot reach Screenline. Check your connection and try again.',
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ZErrorBody.safeParse(body);
    throw error.success
      ? new ApiError(response.status, error.data.code, error.data.message)
      : new ApiError(response.status, 'UNKNOWN', `The server answered ${response.status}.`);
  }
  return schema.parse(body);
}

export const api = {
  health: (): Promise<Health> => requestJson('/api/health', ZHealth),
  listJobs: async (): Promise<Job[]> =>
    (await requestJson('/api/jobs', z.object({ jobs: z.array(ZJob) }))).jobs,
  getJob: async (id: string): Promise<Job> =>
    (await requestJson(`/api/jobs/${encodeURIComponent(id)}`, z.object({ job: ZJob }))).job,
};
