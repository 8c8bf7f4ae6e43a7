import {
  ZInterviewStatus,
  ZStartPhoneScreenResponse,
  ZTranscriptTurn,
  ZUploadResumeResponse,
  ZWebCall,
  type StartPhoneScreenRequest,
  type StartPhoneScreenResponse,
  type UploadResumeResponse,
} from '@screenline/core';
import { z } from 'zod';
import { ApiError, requestJson } from './api';

const ZErrorBody = z.object({ code: z.string(), message: z.string() });

/**
 * Uploads the resume with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * The API's message is kept for the person, as with every other call.
 */
export function uploadResume(
  file: File,
  jobId: string,
  onProgress: (fraction: number) => void,
): Promise<UploadResumeResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/resumes');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(
        new ApiError(0, 'NETWORK', 'The upload did not reach Screenline. Check your connection.'),
      );
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status >= 200 && request.status < 300) {
        const parsed = ZUploadResumeResponse.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else
          reject(
            new ApiError(
              request.status,
              'UNKNOWN',
              'The server answered in a way this page does not understand.',
            ),
          );
        return;
      }
      const error = ZErrorBody.safeParse(body);
      reject(
        error.success
          ? new ApiError(request.status, error.data.code, error.data.message)
          : new ApiError(request.status, 'UNKNOWN', `The upload failed (${request.status}).`),
      );
    };
    const form = new FormData();
    form.append('jobId', jobId);
    form.append('file', file);
    request.send(form);
  });
}

const ZTurnAnswer = z.object({
  candidateTurn: ZTranscriptTurn,
  agentTurn: ZTranscriptTurn.nullable(),
  interview: z.object({ status: ZInterviewStatus, endReason: z.string().nullable() }),
});
export type TurnAnswer = z.infer<typeof ZTurnAnswer>;

const ZInterviewState = z.object({
  interview: z.object({
    status: z.string(),
    endReason: z.string().nullable(),
    scheduledFor: z.string().nullable(),
  }),
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const candidateApi = {
  start: (
    body: StartPhoneScreenRequest,
    idempotencyKey: string,
  ): Promise<StartPhoneScreenResponse> =>
    requestJson('/api/interview/start-phone-screen', ZStartPhoneScreenResponse, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
    }),
  sendTurn: async (interviewId: string, token: string, text: string): Promise<TurnAnswer> =>
    requestJson(`/api/interviews/${encodeURIComponent(interviewId)}/turns`, ZTurnAnswer, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ text }),
    }),
  interviewState: (interviewId: string, token: string) =>
    requestJson(`/api/interviews/${encodeURIComponent(interviewId)}`, ZInterviewState, {
      headers: bearer(token),
    }),
  /** A new token into the room of a web screen under way (the one a reloaded page kept expires). */
  rejoinWebCall: (interviewId: string, token: string) =>
    requestJson(
      `/api/interviews/${encodeURIComponent(interviewId)}/web-call`,
      z.object({ webCall: ZWebCall }),
      { method: 'POST', headers: bearer(token) },
    ),
  /** The candidate ends their web screen: the assistant ends the call at once and keeps what was said. */
  endWebCall: (interviewId: string, token: string): Promise<unknown> =>
    requestJson(`/api/interviews/${encodeURIComponent(interviewId)}/web-call`, z.unknown(), {
      method: 'DELETE',
      headers: bearer(token),
    }),
  sendRating: (interviewId: string, token: string, rating: number): Promise<unknown> =>
    requestJson(`/api/interviews/${encodeURIComponent(interviewId)}/feedback`, z.unknown(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ rating }),
    }),
};
