import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECRUITER_OR_API_KEY_SECURITY, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { ResumesRepository } from '../../db/repositories/resumes-repository.js';

export interface InterviewResumeRoutesOptions {
  resumes: ResumesRepository;
  auth: RecruiterAuth;
  /** Uploaded files live under `<dataDir>/<storage key>`. */
  dataDir: string;
}

const ZIdParams = z.object({ id: z.string().min(1).max(100) });

const noResume = (): AppError =>
  new AppError('NOT_FOUND', {
    message: 'This interview has no resume file (it may have been erased).',
  });

/**
 * `GET /api/interviews/:id/resume`: the candidate's uploaded file, for a signed-in recruiter or a
 * read key. Always a download in the type stored at upload (decided from the bytes), never rendered
 * by the browser: uploads are untrusted (RELIABILITY UP-1).
 */
export const interviewResumeRoutes: FastifyPluginAsyncZod<InterviewResumeRoutesOptions> = async (
  app,
  { resumes, auth, dataDir },
) => {
  const canRead = auth.requireAccess('read');
  app.addHook('onRequest', async (request, reply) => {
    await canRead.call(app, request, reply);
  });

  app.get(
    '/api/interviews/:id/resume',
    {
      schema: {
        tags: ['recruiter'],
        summary: "The candidate's resume file, as a download in its stored type",
        security: RECRUITER_OR_API_KEY_SECURITY,
        params: ZIdParams,
        produces: [
          'application/pdf',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'text/plain',
        ],
      },
    },
    async (request, reply) => {
      const row = await resumes.findFileOfInterview(request.params.id);
      if (row === null) throw noResume();
      const root = path.resolve(dataDir);
      const filePath = path.resolve(root, row.storageKey);
      // Storage keys are generated at upload; a key that leaves the data folder is never followed.
      if (!filePath.startsWith(`${root}${path.sep}`)) throw noResume();
      const data = await readFile(filePath).catch(() => undefined);
      if (data === undefined) throw noResume();
      await auth.recordAudit(request, {
        action: 'resume.downloaded',
        targetType: 'resume',
        targetId: row.id,
      });
      request.log.info({ resumeId: row.id }, 'resume downloaded');
      return reply
        .header('content-type', row.mediaType)
        .header('content-disposition', attachmentHeader(row.fileName, row.mediaType))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );
};

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
};

/**
 * `attachment` with the uploaded name: an ASCII fallback and the UTF-8 form (RFC 6266), the
 * extension made to match the stored type so the download opens in the right program.
 */
export function attachmentHeader(fileName: string, mediaType: string): string {
  const extension = EXTENSIONS[mediaType] ?? '';
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || 'resume';
  const name = `${stem}${extension}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
