import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuthorizeCandidate } from '../../auth/candidate-access.js';
import type { Database } from '../../db/schema.js';

export interface FeedbackRoutesOptions {
  db: Kysely<Database>;
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
  { db, authorizeCandidate },
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
      const existing = await db
        .selectFrom('interview_events')
        .select('id')
        .where('interview_id', '=', request.params.id)
        .where('type', '=', 'candidate_feedback')
        .executeTakeFirst();
      if (existing !== undefined) {
        throw new AppError('CONFLICT', { message: 'Thank you: your rating is already recorded.' });
      }
      await db
        .insertInto('interview_events')
        .values({
          interview_id: request.params.id,
          type: 'candidate_feedback',
          status: null,
          data: JSON.stringify({ rating: request.body.rating }),
        })
        .execute();
      return reply.status(201).send({ rating: request.body.rating });
    },
  );
};
