import {
  ZInterviewListResponse,
  ZInterviewReview,
  ZJob,
  type Decision,
  type InterviewListResponse,
  type InterviewReview,
  type Job,
  type JobInput,
} from '@screenline/core';
import { z } from 'zod';
import { requestJson } from './api';

export const ZRecruiter = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'recruiter']),
});
export type Recruiter = z.infer<typeof ZRecruiter>;

const ZUserResponse = z.object({ user: ZRecruiter });
const ZErasedCounts = z.object({
  interviews: z.number(),
  resumes: z.number(),
  recordings: z.number(),
});
export type ErasedCounts = z.infer<typeof ZErasedCounts>;
const ZDialingState = z.object({
  isPaused: z.boolean(),
  pausedBy: z.enum(['switch', 'configuration']).nullable(),
  appliesToThisMode: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type DialingState = z.infer<typeof ZDialingState>;
const ZJobResponse = z.object({ job: ZJob });
const ZJobStatusResponse = z.object({ job: ZJob, canceledScreens: z.number() });

/** The readable "signed in" hint the server sets beside its HttpOnly session cookie. */
export function hasSignedInHint(): boolean {
  return document.cookie.split('; ').includes('screenline_signed_in=1');
}

const jsonBody = (body: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Query string of the interview filters, without empty values. */
export function interviewQueryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export const recruiterApi = {
  me: async (): Promise<Recruiter> => (await requestJson('/api/auth/me', ZUserResponse)).user,
  signIn: async (email: string, password: string): Promise<Recruiter> =>
    (
      await requestJson('/api/auth/sign-in', ZUserResponse, {
        method: 'POST',
        ...jsonBody({ email, password }),
      })
    ).user,
  setUpFirstAdmin: async (input: {
    token: string;
    name: string;
    email: string;
    password: string;
  }): Promise<Recruiter> =>
    (await requestJson('/api/auth/setup', ZUserResponse, { method: 'POST', ...jsonBody(input) }))
      .user,
  isSetupNeeded: async (): Promise<boolean> =>
    (await requestJson('/api/auth/setup', z.object({ isNeeded: z.boolean() }))).isNeeded,
  signOut: async (): Promise<void> => {
    await requestJson('/api/auth/sign-out', z.unknown(), { method: 'POST' });
  },
  listInterviews: (
    query: Record<string, string | number | undefined>,
  ): Promise<InterviewListResponse> =>
    requestJson(`/api/interviews${interviewQueryString(query)}`, ZInterviewListResponse),
  review: (id: string): Promise<InterviewReview> =>
    requestJson(`/api/interviews/${encodeURIComponent(id)}/review`, ZInterviewReview),
  decide: (id: string, decision: Decision): Promise<InterviewReview> =>
    requestJson(`/api/interviews/${encodeURIComponent(id)}/decision`, ZInterviewReview, {
      method: 'POST',
      ...jsonBody({ decision }),
    }),
  addNote: (id: string, text: string): Promise<InterviewReview> =>
    requestJson(`/api/interviews/${encodeURIComponent(id)}/notes`, ZInterviewReview, {
      method: 'POST',
      ...jsonBody({ text }),
    }),
  dialing: (): Promise<DialingState> => requestJson('/api/admin/dialing', ZDialingState),
  setDialingPaused: (isPaused: boolean): Promise<DialingState> =>
    requestJson('/api/admin/dialing', ZDialingState, { method: 'PUT', ...jsonBody({ isPaused }) }),
  eraseCandidate: async (candidateId: string): Promise<ErasedCounts> =>
    (
      await requestJson(
        `/api/candidates/${encodeURIComponent(candidateId)}/erase`,
        z.object({ erased: ZErasedCounts }),
        { method: 'POST' },
      )
    ).erased,
  listAllJobs: async (): Promise<Job[]> =>
    (await requestJson('/api/jobs?scope=all', z.object({ jobs: z.array(ZJob) }))).jobs,
  getJob: async (id: string): Promise<Job> =>
    (await requestJson(`/api/jobs/${encodeURIComponent(id)}`, ZJobResponse)).job,
  createJob: async (input: JobInput): Promise<Job> =>
    (await requestJson('/api/jobs', ZJobResponse, { method: 'POST', ...jsonBody(input) })).job,
  /** Opens or closes a job; closing cancels its calls still to come, and says how many. */
  setJobStatus: async (
    id: string,
    status: Job['status'],
  ): Promise<z.infer<typeof ZJobStatusResponse>> =>
    requestJson(`/api/jobs/${encodeURIComponent(id)}`, ZJobStatusResponse, {
      method: 'PATCH',
      ...jsonBody({ status }),
    }),
  updateJob: async (id: string, patch: Partial<JobInput>): Promise<Job> =>
    (
      await requestJson(`/api/jobs/${encodeURIComponent(id)}`, ZJobResponse, {
        method: 'PATCH',
        ...jsonBody(patch),
      })
    ).job,
};
