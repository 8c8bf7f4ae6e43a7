import { AppError, ZJob, ZJobInput, ZJobStatus } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECRUITER_SECURITY, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { JobsRepository } from '../../db/repositories/jobs-repository.js';
import type { JobClosedScreensDeps } from '../../services/job-closed-screens.js';
import { updateJob } from '../../services/update-job.js';

export interface JobsRoutesOptions {
  jobs: JobsRepository;
  auth: RecruiterAuth;
  /** What closing a job needs to end the calls still to come for it. */
  screens: JobClosedScreensDeps;
}

const shape = ZJobInput.shape;
/** A partial job: unlike `ZJobInput.partial()`, an absent field stays absent instead of taking its default. */
const ZJobPatch = z
  .object({
    title: shape.title.optional(),
    company: shape.company.optional(),
    location: shape.location.unwrap().optional(),
    description: shape.description.unwrap().optional(),
    requirements: shape.requirements.unwrap().optional(),
    knockouts: shape.knockouts.unwrap().optional(),
    rubric: shape.rubric.unwrap().optional(),
    language: shape.language.unwrap().optional(),
    status: ZJobStatus.optional(),
  })
  .strict();

const ZJobIdParams = z.object({ id: z.string().min(1).max(100) });

/** Open jobs for everyone; every job, and writes, for a signed-in recruiter. */
export const jobsRoutes: FastifyPluginAsyncZod<JobsRoutesOptions> = async (
  app,
  { jobs, auth, screens },
) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Open jobs; with `scope=all` and a recruiter session, closed ones too',
        querystring: z.object({ scope: z.enum(['open', 'all']).default('open') }),
        response: { 200: z.object({ jobs: z.array(ZJob) }) },
      },
    },
    async (request) => {
      if (request.query.scope === 'all') {
        await auth.assertRecruiter(request);
        return { jobs: await jobs.listAll() };
      }
      return { jobs: await jobs.listByStatus('open') };
    },
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One open job (a closed one for a signed-in recruiter)',
        params: ZJobIdParams,
        response: { 200: z.object({ job: ZJob }) },
      },
    },
    async (request) => {
      const job = await jobs.findById(request.params.id);
      const isVisible =
        job !== undefined &&
        (job.status === 'open' || (await auth.findRecruiter(request)) !== undefined);
      if (!isVisible) {
        throw new AppError('NOT_FOUND', {
          message: 'This job does not exist or is no longer open. Check the link you followed.',
        });
      }
      return { job };
    },
  );

  app.post(
    '/api/jobs',
    {
      onRequest: auth.requireRecruiter,
      schema: {
        tags: ['jobs'],
        summary: 'Create a job',
        security: RECRUITER_SECURITY,
        body: ZJobInput,
        response: { 201: z.object({ job: ZJob }) },
      },
    },
    async (request, reply) => {
      assertUniqueIds(request.body);
      const job = await jobs.create(request.body);
      await auth.recordAudit(request, {
        action: 'job.created',
        targetType: 'job',
        targetId: job.id,
      });
      return reply.status(201).send({ job });
    },
  );

  app.patch(
    '/api/jobs/:id',
    {
      onRequest: auth.requireRecruiter,
      schema: {
        tags: ['jobs'],
        summary: 'Change a job: any of its fields, or open or close it',
        description:
          'Closing a job cancels its calls still to come (deferred, callbacks, retries; end reason ' +
          '`job_closed`): `canceledScreens` says how many. Calls already placed go on.',
        security: RECRUITER_SECURITY,
        params: ZJobIdParams,
        body: ZJobPatch,
        response: {
          200: z.object({ job: ZJob, canceledScreens: z.number().int().nonnegative() }),
        },
      },
    },
    async (request) => {
      assertUniqueIds(request.body);
      const updated = await updateJob(
        { jobs, ...screens },
        request.params.id,
        request.body,
        (job) =>
          // Which fields changed, never their text. The calls a close canceled are each on their
          // interview's timeline, and in the answer.
          auth.recordAudit(request, {
            action: 'job.updated',
            targetType: 'job',
            targetId: job.id,
            details: { fields: Object.keys(request.body).sort().join(',') },
          }),
      );
      if (updated === undefined) {
        throw new AppError('NOT_FOUND', { message: 'This job does not exist.' });
      }
      return updated;
    },
  );
};

/** Scorecards refer to knock-outs and criteria by id, so two with one id would be ambiguous. */
function assertUniqueIds(input: {
  knockouts?: { id: string }[] | undefined;
  rubric?: { id: string }[] | undefined;
}): void {
  for (const [label, items] of [
    ['knock-out', input.knockouts],
    ['rubric criterion', input.rubric],
  ] as const) {
    const ids = (items ?? []).map((item) => item.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined) {
      throw new AppError('VALIDATION_FAILED', {
        message: `Two of the ${label} entries have the id "${duplicate}". Give each a different id.`,
      });
    }
  }
}
