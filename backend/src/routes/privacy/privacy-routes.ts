import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECRUITER_SECURITY, recruiterOf, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import { isUuid } from '../../db/repositories/jobs-repository.js';
import {
  eraseCandidate,
  hasCallUnderWay,
  type ErasureDeps,
} from '../../services/erase-candidate.js';

export interface PrivacyRoutesOptions extends ErasureDeps {
  auth: RecruiterAuth;
}

const ZErasure = z.object({
  erased: z.object({
    interviews: z.number().int(),
    resumes: z.number().int(),
    recordings: z.number().int(),
  }),
});

/** LAW-6 on request: an administrator erases one candidate's data. */
export const privacyRoutes: FastifyPluginAsyncZod<PrivacyRoutesOptions> = async (app, options) => {
  app.addHook('onRequest', options.auth.requireRecruiter);

  app.post(
    '/api/candidates/:id/erase',
    {
      schema: {
        tags: ['recruiter'],
        summary:
          "Erases a candidate's data: interviews, transcripts, scorecards, resumes, recordings (admin)",
        security: RECRUITER_SECURITY,
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: ZErasure },
      },
    },
    async (request) => {
      const recruiter = recruiterOf(request);
      if (recruiter.role !== 'admin') {
        throw new AppError('FORBIDDEN', {
          message: "Only an administrator can erase a candidate's data.",
        });
      }
      const { id } = request.params;
      if (isUuid(id) && (await hasCallUnderWay(options, id))) {
        throw new AppError('CONFLICT', {
          message:
            'A call with this candidate is under way or scheduled. Cancel it first, then erase.',
        });
      }
      const summary = isUuid(id)
        ? await eraseCandidate(options, {
            candidateId: id,
            reason: 'request',
            actorId: recruiter.id,
          })
        : undefined;
      if (summary === undefined) {
        throw new AppError('NOT_FOUND', {
          message: 'This candidate does not exist, or their data was already erased.',
        });
      }
      await options.auth.recordAudit(request, {
        action: 'candidate.erased',
        targetType: 'candidate',
        targetId: id,
        details: { ...summary },
      });
      request.log.info({ erased: summary }, 'candidate data erased on request');
      return { erased: summary };
    },
  );
};
