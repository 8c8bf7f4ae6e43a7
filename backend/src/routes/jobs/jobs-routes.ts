import { ZJob } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@screenline/core';
import type { JobsRepository } from '../../db/repositories/jobs-repository.js';

export interface JobsRoutesOptions {
  jobs: JobsRepository;
}

/** Public reads of open jobs: what the apply page and the home page show. */
export const jobsRoutes: FastifyPluginAsyncZod<JobsRoutesOptions> = async (app, { jobs }) => {
  app.get(
    '/api/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Open jobs',
        response: { 200: z.object({ jobs: z.array(ZJob) }) },
      },
    },
    async () => ({ jobs: await jobs.listByStatus('open') }),
  );

  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'One open job',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: z.object({ job: ZJob }) },
      },
    },
    async (request) => {
      const job = await jobs.findById(request.params.id);
      if (job?.status !== 'open') {
        throw new AppError('NOT_FOUND', {
          message: 'This job does not exist or is no longer open. Check the link you followed.',
        });
      }
      return { job };
    },
  );
};
