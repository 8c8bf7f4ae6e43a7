import {
  AppError,
  formatKnockoutValue,
  ZDecisionRequest,
  ZInterviewFilters,
  ZInterviewListQuery,
  ZInterviewListResponse,
  ZInterviewReview,
  ZNoteRequest,
} from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RECRUITER_OR_API_KEY_SECURITY,
  apiKeyIdOf,
  recruiterOf,
  type RecruiterAuth,
} from '../../auth/recruiter-auth.js';
import type { RecordingBucket } from '../../recordings/recording-bucket.js';
import { toCsv } from './csv.js';
import { RecruiterInterviewsRepository } from '../../db/repositories/recruiter-interviews-repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface RecruiterInterviewsRoutesOptions {
  db: Kysely<Database>;
  auth: RecruiterAuth;
  /** Present when `RECORDING_*` is configured: the player gets signed links to the audio. */
  recordings?: Pick<RecordingBucket, 'signedUrl'> | undefined;
}

/** The export stops here; a bigger one should be narrowed with the filters. */
const EXPORT_ROW_LIMIT = 10_000;

const ZIdParams = z.object({ id: z.string().min(1).max(100) });

const notFound = (): AppError =>
  new AppError('NOT_FOUND', { message: 'This interview does not exist.' });

/** The recruiter's side of interviews: list, export, review, decision, notes. All need a session. */
export const recruiterInterviewsRoutes: FastifyPluginAsyncZod<
  RecruiterInterviewsRoutesOptions
> = async (app, { db, auth, recordings }) => {
  const interviews = new RecruiterInterviewsRepository(db, {
    hasRecordings: recordings !== undefined,
  });
  // Before anything else, so a caller without a session learns nothing, not even validation errors.
  // Reads take a session or any API key; writes a session or a key with the write scope.
  const canRead = auth.requireAccess('read');
  const canWrite = auth.requireAccess('write');
  app.addHook('onRequest', async (request, reply) => {
    const isWrite = request.method !== 'GET' && request.method !== 'HEAD';
    await (isWrite ? canWrite : canRead).call(app, request, reply);
  });

  app.get(
    '/api/interviews',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'Interviews, filtered by job, status and a search, sorted and paginated',
        security: RECRUITER_OR_API_KEY_SECURITY,
        querystring: ZInterviewListQuery,
        response: { 200: ZInterviewListResponse },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const result = await interviews.list(filters, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { ...result, page, pageSize };
    },
  );

  app.get(
    '/api/interviews/export.csv',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'The filtered interviews as CSV (formula-safe for spreadsheets)',
        security: RECRUITER_OR_API_KEY_SECURITY,
        querystring: ZInterviewFilters,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const rows = await interviews.listAll(request.query, EXPORT_ROW_LIMIT);
      const csv = toCsv([
        [
          'Candidate',
          'Job',
          'Status',
          'Score',
          'Suggestion',
          'Decision',
          'Date',
          'Interview id',
          'Knock-outs',
        ],
        ...rows.map((row) => [
          row.candidateName,
          row.jobTitle,
          row.status,
          row.overallScore,
          row.suggestion,
          row.decision,
          row.createdAt,
          row.id,
          // "work-authorization: yes (met); notice-period: 14 days (met)": the values, not only pass/fail.
          (row.knockouts ?? [])
            .map(
              (knockout) =>
                `${knockout.knockoutId}: ${formatKnockoutValue(knockout)} (${knockout.passed === null ? 'not determined' : knockout.passed ? 'met' : 'not met'})`,
            )
            .join('; '),
        ]),
      ]);
      const day = new Date().toISOString().slice(0, 10);
      await auth.recordAudit(request, {
        action: 'interviews.exported',
        details: { rows: rows.length },
      });
      request.log.info({ rows: rows.length }, 'interviews exported');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="interviews-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/api/interviews/:id/review',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'One interview for review: timeline, transcript, knock-outs, scorecard, notes',
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: ZIdParams,
        response: { 200: ZInterviewReview },
      },
    },
    async (request, reply) => {
      const review = await interviews.review(request.params.id);
      if (review === undefined) throw notFound();
      void reply.header('cache-control', 'no-store');
      return review;
    },
  );

  app.get(
    '/api/interviews/:id/recording',
    {
      schema: {
        tags: ['recruiter'],
        summary: "The call's audio: a redirect to a signed link that works for ten minutes",
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const location = await interviews.recordingLocation(request.params.id);
      const url =
        location === undefined || recordings === undefined
          ? undefined
          : await recordings.signedUrl(location);
      if (url === undefined) {
        throw new AppError('NOT_FOUND', { message: 'This interview has no recording.' });
      }
      return reply.header('cache-control', 'no-store').redirect(url, 302);
    },
  );

  app.post(
    '/api/interviews/:id/decision',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'Advance or reject: a person decides, recorded with who and when',
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: ZIdParams,
        body: ZDecisionRequest,
        response: { 200: ZInterviewReview },
      },
    },
    async (request) => {
      const recruiter = recruiterOf(request);
      if (!(await interviews.exists(request.params.id))) throw notFound();
      await interviews.decide(request.params.id, request.body.decision, recruiter.id);
      await auth.recordAudit(request, {
        action: 'interview.decided',
        targetType: 'interview',
        targetId: request.params.id,
        details: { decision: request.body.decision },
      });
      request.log.info(
        {
          interviewId: request.params.id,
          decision: request.body.decision,
          userId: recruiter.id,
          apiKeyId: apiKeyIdOf(request),
        },
        'interview decided',
      );
      const review = await interviews.review(request.params.id);
      if (review === undefined) throw notFound();
      return review;
    },
  );

  app.post(
    '/api/interviews/:id/notes',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'Add a note to an interview',
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: ZIdParams,
        body: ZNoteRequest,
        response: { 201: ZInterviewReview },
      },
    },
    async (request, reply) => {
      const recruiter = recruiterOf(request);
      if (!(await interviews.exists(request.params.id))) throw notFound();
      await interviews.addNote(request.params.id, request.body.text, recruiter.id);
      const review = await interviews.review(request.params.id);
      if (review === undefined) throw notFound();
      return reply.status(201).send(review);
    },
  );
};
