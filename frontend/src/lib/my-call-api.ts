import { ZStartPhoneScreenResponse, type StartPhoneScreenResponse } from '@screenline/core';
import { z } from 'zod';
import { requestJson } from './api';

const ZMyCall = z.object({
  interview: z.object({
    id: z.string(),
    status: z.string(),
    mode: z.string(),
    endReason: z.string().nullable(),
    scheduledFor: z.string().nullable(),
  }),
  job: z.object({ title: z.string(), company: z.string() }),
  callingHours: z.object({ start: z.string(), end: z.string(), timeZones: z.array(z.string()) }),
  canMove: z.boolean(),
  canCancel: z.boolean(),
  /** A web screen put off: it starts from this page, now. */
  canJoin: z.boolean(),
});
export type MyCall = z.infer<typeof ZMyCall>;

const withToken = (
  token: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
): RequestInit => ({
  ...init,
  headers: { ...init.headers, authorization: `Bearer ${token}` },
});

/** The candidate's own link: their call's status and time, moving or canceling it, or starting a web screen. */
export const myCallApi = {
  get: (token: string): Promise<MyCall> => requestJson('/api/my-call', ZMyCall, withToken(token)),
  reschedule: (token: string, at: string): Promise<MyCall> =>
    requestJson(
      '/api/my-call/reschedule',
      ZMyCall,
      withToken(token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at }),
      }),
    ),
  cancel: (token: string): Promise<MyCall> =>
    requestJson('/api/my-call/cancel', ZMyCall, withToken(token, { method: 'POST' })),
  /** Answers as the start does: the room to join and a token to follow the screen live. */
  join: (token: string): Promise<StartPhoneScreenResponse> =>
    requestJson(
      '/api/my-call/join',
      ZStartPhoneScreenResponse,
      withToken(token, { method: 'POST' }),
    ),
};
