import {
  AppError,
  PENDING_INTERVIEW_STATUSES,
  ZInterviewStatus,
  type InterviewStatus,
} from '@screenline/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isTokenValid, readBearerToken } from '../../lib/tokens.js';
import { recordCallEvent } from '../../telephony/call-events.js';
import type { CallPlacer } from '../../telephony/call-placer.js';
import type { CallDatabase } from '../../telephony/call-tables.js';

export interface InterviewCancelRoutesOptions {
  db: Kysely<CallDatabase>;
  callPlacer: CallPlacer;
  /** True when the request carries a recruiter's session (recruiters may cancel any call). */
  isRecruiter?: (request: FastifyRequest) => Promise<boolean>;
}

const CANCELABLE: readonly InterviewStatus[] = PENDING_INTERVIEW_STATUSES;
const ZParams = z.object({ id: z.uuid() });

/** `POST /api/interviews/:id/cancel`: hangs up (deletes the room) and ends the interview `canceled`. */
export const interviewCancelRoutes: FastifyPluginAsync<InterviewCancelRoutesOptions> = async (
  plainApp,
  options,
) => {
  const app = plainApp.withTypeProvider<ZodTypeProvider>();
  const { db } = options;

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
      const interview = await db
        .selectFrom('interviews')
        .select(['id', 'status', 'room_name', 'candidate_token_hash'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      const token = readBearerToken(request.headers.authorization);
      const isAllowed =
        interview !== undefined &&
        (isTokenValid(token, interview.candidate_token_hash) ||
          (await options.isRecruiter?.(request)) === true);
      if (interview === undefined || !isAllowed) {
        // The same answer for "no such interview" and "not yours": ids are not enumerable.
        throw new AppError('NOT_FOUND', { message: 'No such interview.' });
      }
      const status = interview.status as InterviewStatus;
      if (!CANCELABLE.includes(status)) return { status };
      // Persist the decision before calling out: the hang-up sets off webhooks (participant left,
      // room finished) that must find the interview already canceled, not race it to an end state.
      const recorded = await recordCallEvent(db, {
        interviewId: interview.id,
        type: 'canceled',
        status: 'canceled',
        endReason: 'canceled',
      });
      if (interview.room_name !== null) await options.callPlacer.hangUp(interview.room_name);
      if (recorded.result === 'applied') return { status: recorded.to ?? 'canceled' };
      // Something else ended the call first: answer where it is now.
      const current = await db
        .selectFrom('interviews')
        .select('status')
        .where('id', '=', interview.id)
        .executeTakeFirst();
      return { status: ZInterviewStatus.catch(status).parse(current?.status) };
    },
  );
};
