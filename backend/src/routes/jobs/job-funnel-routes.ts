import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { RECRUITER_OR_API_KEY_SECURITY, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { JobsRepository } from '../../db/repositories/jobs-repository.js';
import type { Database } from '../../db/schema.js';
import { CALL_OUTCOMES, FUNNEL_STAGES, readJobFunnel } from '../../services/read-job-funnel.js';

export interface JobFunnelRoutesOptions {
  db: Kysely<Database>;
  jobs: JobsRepository;
  auth: RecruiterAuth;
}

const DAY_MS = 24 * 60 * 60_000;
/** Without a period: the last 30 days. */
const DEFAULT_PERIOD_MS = 30 * DAY_MS;
const MAX_PERIOD_MS = 366 * DAY_MS;

const ZFunnel = z.object({
  jobId: z.string(),
  from: z.string(),
  to: z.string(),
  stages: z.array(z.object({ stage: z.enum(FUNNEL_STAGES), count: z.number().int() })),
  outcomes: z.array(z.object({ outcome: z.enum(CALL_OUTCOMES), count: z.number().int() })),
});

/** A job's funnel and call outcomes as JSON (the job page draws the same figures). */
export const jobFunnelRoutes: FastifyPluginAsyncZod<JobFunnelRoutesOptions> = async (
  app,
  { db, jobs, auth },
) => {
  app.get(
    '/api/jobs/:id/funnel',
    {
      onRequest: auth.requireAccess('read'),
      schema: {
        tags: ['jobs'],
        summary:
          "A job's screens over a period: applied → called → answered → completed → knock-outs passed → advanced, and how calls ended",
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z.object({
          from: z.iso
            .datetime({ offset: true, error: 'from must be a date and time (ISO 8601)' })
            .optional(),
          to: z.iso
            .datetime({ offset: true, error: 'to must be a date and time (ISO 8601)' })
            .optional(),
        }),
        response: { 200: ZFunnel },
      },
    },
    async (request) => {
      const to = request.query.to === undefined ? new Date() : new Date(request.query.to);
      const from =
        request.query.from === undefined
          ? new Date(to.getTime() - DEFAULT_PERIOD_MS)
          : new Date(request.query.from);
      if (from.getTime() >= to.getTime()) {
        throw new AppError('VALIDATION_FAILED', { message: 'from must be before to.' });
      }
      if (to.getTime() - from.getTime() > MAX_PERIOD_MS) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'Choose a period of at most one year.',
        });
      }
      const job = await jobs.findById(request.params.id);
      if (job === undefined) {
        throw new AppError('NOT_FOUND', { message: 'This job does not exist.' });
      }
      return readJobFunnel(db, job.id, from, to);
    },
  );
};
