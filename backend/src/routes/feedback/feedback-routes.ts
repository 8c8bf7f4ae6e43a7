import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthorizeCandidate } from '../../auth/candidate-access.js';
import type { InterviewStore } from '../../db/repositories/interview-store.js';

export interface FeedbackRoutesOptions {
  store: InterviewStore;
  /** The candidate's token: any handed out for the interview opens its rating too. */
  authorizeCandidate: AuthorizeCandidate;
}

const ZFeedbackRequest = z.object({ rating: z.number().int().min(1).max(5) }).strict();
const ZError = z.object({ code: z.string(), message: z.string() });

/**
 * The candidate's one-question rating after the screen (candidate token), kept in the interview's
 * audit trail where the recruiter sees it.
 */
export const feedbackRoutes: FastifyPluginAsyncZod<FeedbackRoutesOptions> = async (
  app,
  { store, authorizeCandidate },
) => {
  app.post(
    '/api/interviews/:id/feedback',
    {
      schema: {
        tags: ['interviews'],
        summary: "The candidate's rating of the screen, 1 to 5 (candidate token)",
        params: z.object({ id: z.string().min(1).max(100) }),
        body: ZFeedbackRequest,
        response: { 201: z.object({ rating: z.number() }), 401: ZError, 409: ZError },
      },
      // The token is checked before the body, so an anonymous caller learns nothing.
      onRequest: async (request) => {
        const access = await authorizeCandidate(request, request.params.id).catch(() => undefined);
        // The rating is the candidate's own; one answer for every refusal, so ids stay opaque.
        if (access === undefined || access.isRecruiter) {
          throw new AppError('UNAUTHORIZED', {
            message:
              'Send the candidate token from the start answer as "Authorization: Bearer <token>".',
          });
        }
      },
    },
    async (request, reply) => {
      if (await store.hasEvent(request.params.id, 'candidate_feedback')) {
        throw new AppError('CONFLICT', { message: 'Thank you: your rating is already recorded.' });
      }
      await store.addEvent(request.params.id, 'candidate_feedback', {
        rating: request.body.rating,
      });
      return reply.status(201).send({ rating: request.body.rating });
    },
  );
};
