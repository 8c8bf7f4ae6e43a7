import { AppError } from '@screenline/core';
import type { FastifyRequest } from 'fastify';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import { readBearerToken } from '../lib/tokens.js';
import type { RecruiterAuth } from './recruiter-auth.js';

/** Who opened an interview: its candidate (any token handed out for it) or a recruiter. */
export interface CandidateAccess {
  interview: InterviewRecord;
  isRecruiter: boolean;
}

export type AuthorizeCandidate = (
  request: FastifyRequest,
  interviewId: string,
  options?: { queryToken?: string | undefined },
) => Promise<CandidateAccess>;

/**
 * The one check of every candidate route (read, live events, turns, cancel, rating): the
 * interview's candidate token, or one handed out when the same click was replayed
 * (`Idempotency-Key`) or the candidate applied again, or a recruiter's session. One function, so
 * a token that opens the interview also cancels and rates it.
 */
export function createCandidateAccess(
  store: InterviewStore,
  auth: Pick<RecruiterAuth, 'findRecruiter'> | undefined,
): AuthorizeCandidate {
  return async (request, interviewId, options = {}) => {
    const interview = await store.find(interviewId);
    const token = readBearerToken(request.headers.authorization) ?? options.queryToken;
    if (interview !== undefined && (await store.isCandidateTokenValid(interview, token))) {
      return { interview, isRecruiter: false };
    }
    const recruiter = auth === undefined ? undefined : await auth.findRecruiter(request);
    if (recruiter !== undefined) {
      if (interview === undefined) {
        throw new AppError('NOT_FOUND', { message: 'This interview does not exist.' });
      }
      return { interview, isRecruiter: true };
    }
    if (token === undefined) {
      throw new AppError('UNAUTHORIZED', {
        message:
          'Send the candidate token from the start answer as "Authorization: Bearer <token>".',
      });
    }
    if (interview === undefined) {
      throw new AppError('NOT_FOUND', { message: 'This interview does not exist.' });
    }
    throw new AppError('UNAUTHORIZED', { message: 'This token does not open this interview.' });
  };
}
