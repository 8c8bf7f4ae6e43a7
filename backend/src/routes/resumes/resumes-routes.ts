import fastifyMultipart from '@fastify/multipart';
import { AppError, ZResume, ZUploadResumeResponse } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobsRepository } from '../../db/repositories/jobs-repository.js';
import { ResumesRepository } from '../../db/repositories/resumes-repository.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { Env } from '../../env.js';
import { hashToken, readBearerToken } from '../../lib/tokens.js';
import { createPdfWorkerPool } from '../../resume-intake/default-pdf-pool.js';
import { resumeFileErrors } from '../../resume-intake/resume-file-errors.js';
import { uploadResume } from '../../resume-intake/upload-resume.js';

export interface ResumesRoutesOptions {
  resumes: ResumesRepository;
  jobs: JobsRepository;
  dataDir: string;
  maxBytes: number;
  parseTimeoutMs: number;
  /** Start the PDF workers now rather than on the first upload (off in tests). */
  shouldWarmUp: boolean;
}

const ZErrorBody = z.object({ code: z.string(), message: z.string() });

/** `POST /api/resumes` (upload and parse) and `GET /api/resumes/:id` (with the candidate token). */
export const resumesRoutes: FastifyPluginAsyncZod<ResumesRoutesOptions> = async (app, options) => {
  const pdfPool = createPdfWorkerPool({ timeoutMs: options.parseTimeoutMs });
  if (options.shouldWarmUp) pdfPool.warmUp();
  app.addHook('onClose', () => pdfPool.close());
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: options.maxBytes,
      files: 1,
      fields: 5,
      fieldSize: 200,
      parts: 8,
      headerPairs: 50,
    },
  });

  app.post(
    '/api/resumes',
    {
      schema: {
        tags: ['resumes'],
        summary: 'Upload a resume (multipart field `file`; optional field `jobId`)',
        consumes: ['multipart/form-data'],
        response: {
          200: ZUploadResumeResponse,
          201: ZUploadResumeResponse,
          413: ZErrorBody,
          415: ZErrorBody,
          422: ZErrorBody,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          message: 'Send the resume as multipart/form-data, in a field named "file".',
        });
      }
      let upload: { fileName: string; data: Buffer } | null = null;
      let jobId: string | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || upload !== null) {
              part.file.resume();
              continue;
            }
            upload = { fileName: part.filename, data: await part.toBuffer() };
          } else if (part.fieldname === 'jobId' && typeof part.value === 'string') {
            jobId = part.value.trim();
          }
        }
      } catch (error) {
        throw translateMultipartError(error, options.maxBytes);
      }
      if (upload === null) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'No file was sent. Attach your resume in a field named "file".',
        });
      }
      if (jobId !== null && jobId !== '') {
        const job = await options.jobs.findById(jobId).catch(() => undefined);
        if (job?.status !== 'open') {
          throw new AppError('NOT_FOUND', {
            message: 'This job does not exist or is no longer open. Check the link you followed.',
          });
        }
      }
      const result = await uploadResume(
        { resumes: options.resumes, pdfPool, dataDir: options.dataDir },
        upload.fileName,
        new Uint8Array(upload.data.buffer, upload.data.byteOffset, upload.data.byteLength),
      );
      request.log.info(
        {
          resumeId: result.resume.id,
          isNew: result.isNew,
          warnings: result.resume.warnings.length,
        },
        'resume uploaded',
      );
      return reply
        .status(result.isNew ? 201 : 200)
        .send({ resume: result.resume, candidateToken: result.candidateToken });
    },
  );

  app.get(
    '/api/resumes/:id',
    {
      schema: {
        tags: ['resumes'],
        summary: 'A resume, for the holder of its candidate token (Authorization: Bearer)',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: z.object({ resume: ZResume }), 401: ZErrorBody, 404: ZErrorBody },
      },
    },
    async (request) => {
      const token = readBearerToken(request.headers.authorization);
      if (token === undefined) {
        throw new AppError('UNAUTHORIZED', {
          message:
            'Send the candidate token you received with the upload (Authorization: Bearer <token>).',
        });
      }
      const resume = await options.resumes.findByIdAndToken(request.params.id, hashToken(token));
      if (resume === null) {
        throw new AppError('NOT_FOUND', {
          message: 'No resume with this id for this token. Upload your resume again.',
        });
      }
      return { resume };
    },
  );
};

function translateMultipartError(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return resumeFileErrors.tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new AppError('VALIDATION_FAILED', {
      message: 'Send one file, in a field named "file", and at most a jobId field.',
    });
  }
  if (typeof code === 'string' && code.startsWith('FST_')) {
    return new AppError('VALIDATION_FAILED', {
      message: 'The upload could not be read. Try sending the file again.',
    });
  }
  return error;
}

/** The route options from configuration: one line to register the plugin in `buildApp`. */
export function resumesRoutesOptions(
  env: Env,
  database: DatabaseHandle,
  jobs: JobsRepository,
): ResumesRoutesOptions {
  return {
    resumes: new ResumesRepository(database.db),
    jobs,
    dataDir: env.DATA_DIR,
    maxBytes: env.RESUME_MAX_BYTES,
    parseTimeoutMs: env.RESUME_PARSE_TIMEOUT_MS,
    shouldWarmUp: env.NODE_ENV !== 'test',
  };
}
