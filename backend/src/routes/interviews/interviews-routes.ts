import { isUuid } from '../../db/repositories/jobs-repository.js';
import {
  AppError,
  ZCandidateTurnRequest,
  ZEndReason,
  ZInterviewStatus,
  ZMode,
  ZScorecard,
  ZStartPhoneScreenRequest,
  ZStartPhoneScreenResponse,
  ZTranscriptTurn,
  ZWebCall,
  type InterviewStatus,
  isFinalStatus,
} from '@screenline/core';
import type { FastifyRequest } from 'fastify';
import { endWebCall } from '../../services/end-web-call.js';
import { rejoinWebCall } from '../../services/rejoin-web-call.js';
import type { AuthorizeCandidate, CandidateAccess } from '../../auth/candidate-access.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InterviewRuntime } from '../../interviews/interview-runtime.js';

export interface InterviewsRoutesOptions {
  runtime: InterviewRuntime;
  /** The candidate's token (or a recruiter's session), checked the same way on every route. */
  authorizeCandidate: AuthorizeCandidate;
}

const ZError = z.object({ code: z.string(), message: z.string() }).loose();
const ZParams = z.object({ id: z.string().min(1).max(100) });

/** The interview as the candidate's call page (or a recruiter) reads it. */
const ZInterviewView = z.object({
  interview: z.object({
    id: z.string(),
    status: ZInterviewStatus,
    mode: ZMode,
    endReason: ZEndReason.nullable(),
    jobId: z.string(),
    jobTitle: z.string(),
    company: z.string(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    scheduledFor: z.string().nullable(),
  }),
  transcript: z.array(ZTranscriptTurn),
  /** Only for a recruiter's session; the candidate never sees a scorecard. */
  scorecard: ZScorecard.nullable().optional(),
});

const ZTurnAnswer = z.object({
  candidateTurn: ZTranscriptTurn,
  agentTurn: ZTranscriptTurn.nullable(),
  interview: z.object({
    id: z.string(),
    status: ZInterviewStatus,
    endReason: ZEndReason.nullable(),
  }),
});

/**
 * The candidate's side of a screen: start it ("Call Me Now"), follow it (status, transcript, live
 * events) and, in a simulated call, speak in it.
 */
export const interviewsRoutes: FastifyPluginAsyncZod<InterviewsRoutesOptions> = async (
  app,
  { runtime, authorizeCandidate },
) => {
  const { store, bus } = runtime;
  app.addHook('onClose', async () => {
    await runtime.close();
  });

  /** What the turn route's early check found, so the handler does not ask twice. */
  const authorised = new WeakMap<FastifyRequest, CandidateAccess>();
  const authorise = (request: FastifyRequest, id: string, queryToken?: string) =>
    authorizeCandidate(request, id, { queryToken });

  app.post(
    '/api/interview/start-phone-screen',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Start a phone screen ("Call Me Now")',
        description:
          'Validates the number (FR-2), consent and limits, persists the interview, then places the call. ' +
          'Optional Idempotency-Key header: the same key answers the same interview.',
        headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
        body: ZStartPhoneScreenRequest,
        response: {
          202: ZStartPhoneScreenResponse,
          400: ZError,
          403: ZError,
          404: ZError,
          409: ZError,
          429: ZError,
        },
      },
    },
    async (request, reply) => {
      const { answer } = await runtime.start({
        body: request.body,
        idempotencyKey: request.headers['idempotency-key'],
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return reply.status(202).send(answer);
    },
  );

  app.get(
    '/api/interviews/:id',
    {
      schema: {
        tags: ['interviews'],
        summary: 'One interview: status and transcript (candidate token or recruiter session)',
        params: ZParams,
        response: { 200: ZInterviewView, 401: ZError, 404: ZError },
      },
    },
    async (request) => {
      const { interview, isRecruiter } = await authorise(request, request.params.id);
      const job = await store.findJobSummary(interview.jobId);
      const transcript = (await store.listTurns(interview.id)).map(
        ({ seq: _seq, ...turn }) => turn,
      );
      return {
        interview: {
          id: interview.id,
          status: interview.status,
          mode: interview.mode,
          endReason: interview.endReason,
          jobId: interview.jobId,
          jobTitle: job.title,
          company: job.company,
          createdAt: interview.createdAt.toISOString(),
          startedAt: interview.startedAt?.toISOString() ?? null,
          endedAt: interview.endedAt?.toISOString() ?? null,
          scheduledFor: interview.scheduledFor?.toISOString() ?? null,
        },
        transcript,
        ...(isRecruiter ? { scorecard: await store.findScorecard(interview.id) } : {}),
      };
    },
  );

  app.post(
    '/api/interviews/:id/web-call',
    {
      schema: {
        tags: ['interviews'],
        summary: 'A new token into the room of a web screen under way (candidate token only)',
        description:
          'For a page that reloads mid-screen: the token it kept expires after fifteen minutes.',
        params: ZParams,
        response: {
          200: z.object({ webCall: ZWebCall }),
          401: ZError,
          403: ZError,
          404: ZError,
          409: ZError,
        },
      },
    },
    async (request) => {
      const { interview, isRecruiter } = await authorise(request, request.params.id);
      // The room has one candidate: a recruiter joining as them would push them out.
      if (isRecruiter) {
        throw new AppError('FORBIDDEN', { message: 'Only the candidate can join their screen.' });
      }
      return { webCall: await rejoinWebCall({ callPlacer: runtime.callPlacer }, interview) };
    },
  );

  app.delete(
    '/api/interviews/:id/web-call',
    {
      schema: {
        tags: ['interviews'],
        summary: 'The candidate ends their web screen (candidate token only)',
        description:
          'The agent ends the call at once as the candidate’s hang-up and saves what was said; leaving the room without this is taken as a reload, which the agent waits for.',
        params: ZParams,
        response: {
          204: z.null(),
          401: ZError,
          403: ZError,
          404: ZError,
          409: ZError,
        },
      },
    },
    async (request, reply) => {
      const { interview, isRecruiter } = await authorise(request, request.params.id);
      if (isRecruiter) {
        throw new AppError('FORBIDDEN', { message: 'Only the candidate can end their screen.' });
      }
      await endWebCall({ callPlacer: runtime.callPlacer, lifecycle: runtime.lifecycle }, interview);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/interviews/:id/turns',
    {
      schema: {
        tags: ['interviews'],
        summary: "The candidate's turn in a simulated call",
        params: ZParams,
        body: ZCandidateTurnRequest,
        response: { 200: ZTurnAnswer, 400: ZError, 401: ZError, 404: ZError, 409: ZError },
      },
      // Who is asking comes before what they sent: a caller without the token learns nothing,
      // not even whether the body would have been valid.
      preValidation: async (request) => {
        const { id } = request.params as { id?: unknown };
        if (typeof id === 'string' && isUuid(id)) {
          authorised.set(request, await authorise(request, id));
        }
      },
    },
    async (request) => {
      const { interview } =
        authorised.get(request) ?? (await authorise(request, request.params.id));
      if (interview.mode !== 'simulated') {
        throw new AppError('CONFLICT', {
          message:
            'This call runs on the phone or in the browser; speak there, not through this route.',
        });
      }
      const result = await runtime.conversations.onCandidateTurn(interview.id, request.body.text);
      return {
        candidateTurn: result.candidateTurn,
        agentTurn: result.agentTurn,
        interview: { id: interview.id, status: result.status, endReason: result.endReason },
      };
    },
  );

  app.get(
    '/api/interviews/:id/events',
    {
      schema: {
        tags: ['interviews'],
        summary: 'Live status changes and turns (Server-Sent Events); replays what happened before',
        description:
          'Events: `status` { status, endReason, at }, `turn` { id, speaker, text, at }, and `end` when ' +
          'nothing more will happen. The token goes in the Authorization header or, for EventSource, ?token=.',
        params: ZParams,
        querystring: z.object({ token: z.string().max(200).optional() }),
      },
    },
    async (request, reply) => {
      const { interview } = await authorise(request, request.params.id, request.query.token);
      const id = interview.id;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const sentEvents = new Set<string>();
      let lastSeq = 0;
      let isClosed = false;
      let isFlushing = false;
      /** Bumped by every change signal that arrives while a flush runs, so the flush reads again. */
      let changeCount = 0;

      const write = (event: string, data: unknown): void => {
        if (!isClosed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const close = (): void => {
        if (isClosed) return;
        isClosed = true;
        unsubscribe();
        clearInterval(heartbeat);
        raw.end();
      };
      const flush = async (): Promise<void> => {
        changeCount += 1;
        if (isFlushing) return;
        isFlushing = true;
        try {
          let seenCount: number;
          do {
            seenCount = changeCount;
            const [events, turns] = await Promise.all([
              store.listEvents(id),
              store.listTurns(id, lastSeq),
            ]);
            const items: { at: number; send: () => void }[] = [];
            // The lifecycle's latest decision says whether the call is over (a callback's
            // `scheduled` is, until the call is placed again); trail events after it do not.
            // Rows written before decisions carried it: the latest status decides.
            const decision = events.findLast((event) => typeof event.data.isFinal === 'boolean');
            const latestStatus = ZInterviewStatus.safeParse(
              events.findLast((event) => event.status !== null)?.status,
            );
            const isFinal =
              decision === undefined
                ? latestStatus.success && isFinalStatus(latestStatus.data)
                : decision.data.isFinal === true;
            for (const event of events) {
              if (sentEvents.has(event.id)) continue;
              sentEvents.add(event.id);
              const status = ZInterviewStatus.safeParse(event.status);
              // Every event that moved the status: the simulated runtime writes `status` events,
              // LiveKit calls record theirs under what happened (`sip_participant_joined`...).
              if (!status.success) continue;
              const statusValue: InterviewStatus = status.data;
              items.push({
                at: event.createdAt.getTime(),
                send: () =>
                  write('status', {
                    status: statusValue,
                    endReason:
                      typeof event.data.endReason === 'string' ? event.data.endReason : null,
                    at: event.createdAt.toISOString(),
                  }),
              });
            }
            for (const turn of turns) {
              lastSeq = Math.max(lastSeq, turn.seq);
              const shown = { id: turn.id, speaker: turn.speaker, text: turn.text, at: turn.at };
              items.push({ at: Date.parse(turn.at ?? '') || 0, send: () => write('turn', shown) });
            }
            items.sort((a, b) => a.at - b.at);
            for (const item of items) item.send();
            if (isFinal) {
              const current = await store.find(id);
              write('end', {
                status: current?.status ?? null,
                endReason: current?.endReason ?? null,
              });
              close();
              return;
            }
          } while (changeCount !== seenCount);
        } finally {
          isFlushing = false;
        }
      };
      const onChange = (): void => {
        flush().catch((error: unknown) => {
          request.log.error({ err: error, interviewId: id }, 'event stream failed');
          close();
        });
      };
      const unsubscribe = bus.subscribe(id, onChange);
      const heartbeat = setInterval(() => {
        if (!isClosed) raw.write(': keep-alive\n\n');
      }, 15_000);
      heartbeat.unref();
      raw.on('close', close);
      onChange();
    },
  );
};
