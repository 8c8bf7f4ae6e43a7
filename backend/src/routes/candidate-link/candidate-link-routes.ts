import {
  AppError,
  isWithinCallingHours,
  PENDING_INTERVIEW_STATUSES,
  ZEndReason,
  ZInterviewStatus,
  type CallingHoursWindow,
  type InterviewStatus,
  ZStartPhoneScreenResponse,
} from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { candidateLinkPath, type CandidateLinks } from '../../db/repositories/candidate-links.js';
import type { InterviewRecord, InterviewStore } from '../../db/repositories/interview-store.js';
import { readBearerToken } from '../../lib/tokens.js';
import type { InterviewLifecycle } from '../../services/interview-lifecycle.js';
import { refuseIfJobClosed } from '../../services/job-closed-screens.js';
import {
  canJoinFromLink,
  joinWebScreen,
  type JoinWebScreenDeps,
} from '../../services/join-web-screen.js';
import { resolveCallingZones } from '../../services/number-time-zones.js';
import type { Database } from '../../db/schema.js';

export interface CandidateLinkRoutesOptions {
  links: CandidateLinks;
  store: InterviewStore;
  db: Kysely<Database>;
  lifecycle: InterviewLifecycle;
  callingHours: CallingHoursWindow;
  /** What starting a web screen from the link needs (the placer, the agent's metadata). */
  screens: Pick<JoinWebScreenDeps, 'callPlacer' | 'dialPolicy'>;
  now?: () => Date;
}

/** A moved call is at least this far ahead, so the queue and the candidate both have time. */
const MIN_LEAD_MS = 5 * 60_000;
/** And at most this far: a screen weeks away is a new application. */
const MAX_AHEAD_MS = 30 * 24 * 60 * 60_000;

const ZError = z.object({ code: z.string(), message: z.string() });
const ZLink = z.object({ path: z.string(), expiresAt: z.string() });
const ZMyCall = z.object({
  interview: z.object({
    id: z.string(),
    status: ZInterviewStatus,
    mode: z.string(),
    endReason: ZEndReason.nullable(),
    scheduledFor: z.string().nullable(),
  }),
  job: z.object({ title: z.string(), company: z.string() }),
  callingHours: z.object({
    start: z.string(),
    end: z.string(),
    /** The zones the window is read in: the candidate's own, else the number's. */
    timeZones: z.array(z.string()),
  }),
  canMove: z.boolean(),
  canCancel: z.boolean(),
  /** A web screen put off: the candidate starts it from this page (POST /api/my-call/join). */
  canJoin: z.boolean(),
});

function hhmm(minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const minutes = String(minuteOfDay % 60).padStart(2, '0');
  return `${hours}:${minutes}`;
}

/**
 * The candidate's own link: the start answer (and the call page) hand out a link that, after the
 * tab is closed, still shows the call's status and time and lets the candidate move a scheduled
 * call inside calling hours or cancel it. The link's token is its only credential.
 */
export const candidateLinkRoutes: FastifyPluginAsyncZod<CandidateLinkRoutesOptions> = async (
  app,
  options,
) => {
  const now = options.now ?? (() => new Date());
  const { links } = options;
  const { store } = options;

  /** The interview a link token opens, or a 4xx that says what to do. */
  const interviewOfLink = async (request: FastifyRequest): Promise<InterviewRecord> => {
    const token = readBearerToken(request.headers.authorization);
    if (token === undefined) {
      throw new AppError('UNAUTHORIZED', {
        message: 'Open this page from the link you were given when you applied.',
      });
    }
    const found = await links.find(token);
    if (found.kind === 'expired') {
      throw new AppError('UNAUTHORIZED', {
        message: 'This link has expired. Apply again from the job page to get a new one.',
      });
    }
    const interview = found.kind === 'valid' ? await store.find(found.interviewId) : undefined;
    if (interview === undefined) {
      throw new AppError('NOT_FOUND', {
        message: 'This link does not open any call. Check that you copied all of it.',
      });
    }
    return interview;
  };

  const describe = async (interview: InterviewRecord) => {
    const job = await store.findJobSummary(interview.jobId);
    const timeZones = resolveCallingZones({
      phoneE164: interview.phoneE164,
      timezone: interview.timezone ?? undefined,
    });
    return {
      interview: {
        id: interview.id,
        status: interview.status,
        mode: interview.mode,
        endReason: interview.endReason,
        scheduledFor: interview.scheduledFor?.toISOString() ?? null,
      },
      job,
      callingHours: {
        start: hhmm(options.callingHours.startMinute),
        end: hhmm(options.callingHours.endMinute),
        timeZones,
      },
      // A web screen waits for the candidate, who may start it any time: there is no call to move.
      canMove: interview.status === 'scheduled' && interview.mode !== 'web',
      canJoin: canJoinFromLink(interview),
      canCancel: (PENDING_INTERVIEW_STATUSES as readonly InterviewStatus[]).includes(
        interview.status,
      ),
    };
  };

  app.post(
    '/api/interviews/:id/candidate-link',
    {
      schema: {
        tags: ['interviews'],
        summary:
          "A link to the candidate's own call page (candidate token); the token is in its fragment",
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 201: ZLink, 401: ZError, 404: ZError },
      },
    },
    async (request, reply) => {
      const token = readBearerToken(request.headers.authorization);
      const interview = await store.find(request.params.id);
      if (interview === undefined || !(await store.isCandidateTokenValid(interview, token))) {
        throw new AppError('UNAUTHORIZED', {
          message:
            'Send the candidate token from the start answer as "Authorization: Bearer <token>".',
        });
      }
      const link = await links.create(interview.id, interview.scheduledFor);
      void reply.header('cache-control', 'no-store');
      return reply
        .status(201)
        .send({ path: candidateLinkPath(link.token), expiresAt: link.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/my-call',
    {
      schema: {
        tags: ['interviews'],
        summary: "The candidate's call from their link (Authorization: Bearer <link token>)",
        response: { 200: ZMyCall, 401: ZError, 404: ZError },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return describe(await interviewOfLink(request));
    },
  );

  app.post(
    '/api/my-call/reschedule',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Moves a scheduled call to another time inside calling hours (link token)',
        body: z
          .object({
            at: z.iso.datetime({
              offset: true,
              error: 'at must be a date and time such as 2026-12-04T15:30:00-06:00',
            }),
          })
          .strict(),
        response: { 200: ZMyCall, 400: ZError, 401: ZError, 404: ZError, 409: ZError },
      },
    },
    async (request) => {
      const interview = await interviewOfLink(request);
      await refuseIfJobClosed(
        { store, lifecycle: options.lifecycle },
        interview,
        'This position has closed, so there is no call to move. Thank you for your time.',
      );
      if (interview.status !== 'scheduled') {
        throw new AppError('CONFLICT', {
          message: `This call is ${interview.status.replaceAll('_', ' ')}, not scheduled, so it cannot be moved.`,
        });
      }
      const at = new Date(request.body.at);
      const lead = at.getTime() - now().getTime();
      if (lead < MIN_LEAD_MS || lead > MAX_AHEAD_MS) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'Choose a time at least five minutes from now and within the next 30 days.',
        });
      }
      const view = await describe(interview);
      if (!isWithinCallingHours(at, view.callingHours.timeZones, options.callingHours)) {
        throw new AppError('VALIDATION_FAILED', {
          message: `We call only between ${view.callingHours.start} and ${view.callingHours.end} your time (${view.callingHours.timeZones.join(', ') || 'unknown zone'}). Choose a time in that window.`,
        });
      }
      const moved = await options.lifecycle.apply(
        interview.id,
        { type: 'rescheduled', at },
        { eventType: 'rescheduled', data: { by: 'candidate' } },
      );
      if (moved.result !== 'recorded') {
        throw new AppError('CONFLICT', {
          message: 'This call started or ended a moment ago, so it cannot be moved any more.',
        });
      }
      // The job for the old time finds the call moved later and gives way (see the callback worker).
      await links.extend(interview.id, at);
      request.log.info({ interviewId: interview.id }, 'candidate moved their call');
      const current = await store.find(interview.id);
      return describe(current ?? interview);
    },
  );

  app.post(
    '/api/my-call/join',
    {
      schema: {
        tags: ['interviews'],
        summary:
          'Starts a web screen that was put off, now, in the browser (link token); answers as the start does',
        response: {
          201: ZStartPhoneScreenResponse,
          401: ZError,
          404: ZError,
          409: ZError,
          503: ZError,
        },
      },
    },
    async (request, reply) => {
      const interview = await interviewOfLink(request);
      const started = await joinWebScreen(
        { store, lifecycle: options.lifecycle, log: request.log, ...options.screens },
        interview,
      );
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send(started);
    },
  );

  app.post(
    '/api/my-call/cancel',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Cancels the call from the link; a ringing phone hangs up (link token)',
        response: { 200: ZMyCall, 401: ZError, 404: ZError, 409: ZError },
      },
    },
    async (request) => {
      const interview = await interviewOfLink(request);
      if (!(PENDING_INTERVIEW_STATUSES as readonly InterviewStatus[]).includes(interview.status)) {
        throw new AppError('CONFLICT', {
          message: `This call is already ${interview.status.replaceAll('_', ' ')}; there is nothing to cancel.`,
        });
      }
      // The lifecycle writes the cancel before it hangs up: the room's end events then find the
      // interview already canceled.
      await options.lifecycle.apply(
        interview.id,
        { type: 'canceled', by: 'candidate' },
        { eventType: 'canceled', data: { by: 'candidate' } },
      );
      request.log.info({ interviewId: interview.id }, 'candidate canceled their call');
      const current = await store.find(interview.id);
      return describe(current ?? interview);
    },
  );
};
