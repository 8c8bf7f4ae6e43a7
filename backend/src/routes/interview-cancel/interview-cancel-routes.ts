import {
  AppError,
  PENDING_INTERVIEW_STATUSES,
  ZInterviewStatus,
  type InterviewStatus,
} from '@screenline/core';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthorizeCandidate } from '../../auth/candidate-access.js';
import type { InterviewLifecycle } from '../../services/interview-lifecycle.js';

export interface InterviewCancelRoutesOptions {
  lifecycle: InterviewLifecycle;
  /** The candidate's token (any handed out for the interview) or a recruiter's session. */
  authorizeCandidate: AuthorizeCandidate;
}

const CANCELABLE: readonly InterviewStatus[] = PENDING_INTERVIEW_STATUSES;
const ZParams = z.object({ id: z.uuid() });

/** `POST /api/interviews/:id/cancel`: hangs up (deletes the room) and ends the interview `canceled`. */
export const interviewCancelRoutes: FastifyPluginAsync<InterviewCancelRoutesOptions> = async (
  plainApp,
  options,
) => {
  const app = plainApp.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/interviews/:id/cancel',
    {
      schema: {
        description:
          'Cancel a scheduled or running call: the phone hangs up. Candidate token or session.',
        tags: ['interviews'],
        params: ZParams,
        response: { 200: z.object({ status: ZInterviewStatus }) },
      },
    },
    async (request) => {
      const access = await options.authorizeCandidate(request, request.params.id).catch(() => {
        // The same answer for "no such interview" and "not yours": ids are not enumerable.
        throw new AppError('NOT_FOUND', { message: 'No such interview.' });
      });
      const { interview, isRecruiter } = access;
      const status = interview.status;
      if (!CANCELABLE.includes(status)) return { status };
      // The lifecycle writes the cancel before it hangs up: the hang-up sets off webhooks
      // (participant left, room finished) that must find the interview already canceled.
      const recorded = await options.lifecycle.apply(
        interview.id,
        { type: 'canceled', by: isRecruiter ? 'recruiter' : 'candidate' },
        { eventType: 'canceled' },
      );
      // Something else ended the call first: answer where it was then.
      return {
        status:
          recorded.result === 'applied'
            ? (recorded.to ?? 'canceled')
            : recorded.result === 'stale' || recorded.result === 'recorded'
              ? recorded.from
              : status,
      };
    },
  );
};
