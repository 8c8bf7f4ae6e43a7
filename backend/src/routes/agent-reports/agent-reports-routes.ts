import {
  AppError,
  ZEndReason,
  ZAgentCallReport,
  ZAgentContext,
  ZAgentTurnReport,
  type AgentCallReport,
} from '@screenline/core';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { readBearerToken } from '../../lib/tokens.js';
import { isAgentTokenValid } from '../../telephony/agent-token.js';
import type { RecordingBucket } from '../../recordings/recording-bucket.js';
import { endCall } from '../../services/end-call.js';
import type { FactResult, InterviewLifecycle } from '../../services/interview-lifecycle.js';
import type { CallRecorder } from '../../telephony/call-recorder.js';
import type { CallLog } from '../../telephony/call-log.js';
import type { Database } from '../../db/schema.js';

export interface AgentReportsRoutesOptions {
  db: Kysely<Database>;
  lifecycle: InterviewLifecycle;
  /** Present when `RECORDING_*` is configured. */
  recorder?: CallRecorder | undefined;
  /** Present when `RECORDING_*` is configured: where audio that may not be kept is deleted. */
  recordings?: Pick<RecordingBucket, 'delete'> | undefined;
  log: CallLog;
}

const ZParams = z.object({ id: z.uuid() });
const ZResult = z.object({ result: z.string() });

/**
 * The agent's internal API (not for browsers): call facts and each turn as it happens, authorised
 * by the per-interview token from the dispatch metadata.
 */
export const agentReportsRoutes: FastifyPluginAsync<AgentReportsRoutesOptions> = async (
  plainApp,
  options,
) => {
  const app = plainApp.withTypeProvider<ZodTypeProvider>();
  const { db } = options;

  app.addHook('preHandler', async (request) => {
    const params = ZParams.safeParse(request.params);
    const token = readBearerToken(request.headers.authorization);
    if (!params.success || !(await isAgentTokenValid(db, params.data.id, token))) {
      throw new AppError('UNAUTHORIZED', {
        message: 'A valid agent token for this interview is required.',
      });
    }
  });

  app.get(
    '/api/agent/interviews/:id/context',
    {
      schema: {
        description: 'Agent: the plan, the saved turns and the engine state to resume from.',
        tags: ['agent'],
        params: ZParams,
        response: { 200: ZAgentContext },
      },
    },
    async (request) => {
      const interviewId = request.params.id;
      const interview = await db
        .selectFrom('interviews')
        .select(['engine_state', 'timezone'])
        .where('id', '=', interviewId)
        .executeTakeFirstOrThrow();
      const turns = await db
        .selectFrom('transcript_turns')
        .select(['id', 'speaker', 'text'])
        .where('interview_id', '=', interviewId)
        .orderBy('seq')
        .execute();
      const stored = (interview.engine_state ?? {}) as { plan?: unknown; engine?: unknown };
      return {
        interviewId,
        plan: stored.plan ?? null,
        // A fresh start has nothing to resume from, whatever initial state was stored.
        engineState: turns.length === 0 ? null : (stored.engine ?? null),
        turns,
        timezone: interview.timezone,
      };
    },
  );

  app.post(
    '/api/agent/interviews/:id/events',
    {
      schema: {
        description: 'Agent: the candidate answered, voicemail, or the call ended (and why).',
        tags: ['agent'],
        params: ZParams,
        body: ZAgentCallReport,
        response: { 200: ZResult },
      },
    },
    async (request) => {
      const recorded = await onCallReport(options, request.params.id, request.body);
      return { result: recorded.result };
    },
  );

  app.post(
    '/api/agent/interviews/:id/turns',
    {
      schema: {
        description: 'Agent: one transcript turn with its latency; idempotent by turn id.',
        tags: ['agent'],
        params: ZParams,
        body: ZAgentTurnReport,
        response: { 200: ZResult },
      },
    },
    async (request) => {
      const turn = request.body;
      const interviewId = request.params.id;
      const stored = await db.transaction().execute(async (trx) => {
        // Lock the interview so concurrent turns take consecutive sequence numbers.
        await trx
          .selectFrom('interviews')
          .select('id')
          .where('id', '=', interviewId)
          .forUpdate()
          .execute();
        const inserted = await trx
          .insertInto('transcript_turns')
          .values({
            id: turn.id,
            interview_id: interviewId,
            seq: sql<number>`(select coalesce(max(seq), 0) + 1 from transcript_turns where interview_id = ${interviewId})`,
            speaker: turn.speaker,
            text: turn.text,
            ...(turn.startedAt === undefined ? {} : { started_at: turn.startedAt }),
            ...(turn.endedAt === undefined ? {} : { ended_at: turn.endedAt }),
            metrics: turn.latency === undefined ? null : JSON.stringify(turn.latency),
          })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted !== undefined && turn.engineState !== undefined) {
          await saveEngineState(trx, interviewId, turn.engineState);
        }
        return inserted !== undefined;
      });
      return { result: stored ? 'stored' : 'duplicate' };
    },
  );
};

async function onCallReport(
  options: AgentReportsRoutesOptions,
  interviewId: string,
  report: AgentCallReport,
): Promise<FactResult> {
  const { db, lifecycle } = options;
  switch (report.event) {
    case 'ringing':
      return lifecycle.apply(interviewId, { type: 'ringing' }, { eventType: 'sip_ringing' });
    case 'answered': {
      // A person answered (the agent's answering-machine check passed). The dial's own answer
      // may have started the call already; either way the recording starts now, once.
      const recorded = await lifecycle.apply(
        interviewId,
        { type: 'answered' },
        { eventType: 'agent_answered' },
      );
      await startRecording(options, interviewId);
      return recorded;
    }
    case 'voicemail':
      // The lifecycle hangs up (no message is left) and the retry policy tries again (REL-1).
      return lifecycle.apply(
        interviewId,
        { type: 'dial_failed', outcome: 'voicemail' },
        { eventType: 'dial_failed', data: { source: 'agent' } },
      );
    case 'recording_declined':
      return declineRecording(options, interviewId);
    case 'opted_out':
      // LAW-3 the moment it is heard, whatever the call does next.
      return lifecycle.apply(
        interviewId,
        { type: 'opt_out_heard' },
        { eventType: 'opt_out_heard' },
      );
    case 'ended': {
      // The final state first: the scorecard reads the answers in it.
      if (report.engineState !== undefined)
        await saveEngineState(db, interviewId, report.engineState);
      const parsed = ZEndReason.safeParse(report.reason);
      return endCall(
        lifecycle,
        interviewId,
        {
          reason: parsed.success ? parsed.data : 'finished',
          callback: report.callback,
          hasAnswers: 'unknown',
        },
        { eventType: 'agent_ended', data: { reason: report.reason } },
      );
    }
  }
}

/** Starts the audio egress of an answered call, once (a repeated report finds it started). */
async function startRecording(options: AgentReportsRoutesOptions, interviewId: string) {
  const { db, recorder, log } = options;
  if (recorder === undefined) return;
  const row = await db
    .selectFrom('interviews')
    .select(['status', 'room_name', 'egress_id'])
    .where('id', '=', interviewId)
    .executeTakeFirst();
  if (row?.status !== 'in_progress' || row.room_name === null || row.egress_id !== null) return;
  // A recording that fails to start must not fail the call: log it and go on without audio.
  const egressId = await recorder.start(row.room_name).catch((error: unknown) => {
    log.warn({ err: error, interviewId }, 'recording did not start');
    return undefined;
  });
  if (egressId === undefined) return;
  await db
    .updateTable('interviews')
    .set({ egress_id: egressId })
    .where('id', '=', interviewId)
    .execute();
  await options.lifecycle.record(interviewId, { eventType: 'recording_requested' });
}

/**
 * LAW-5: the candidate declined the recording. Stop the egress and delete any audio already
 * saved; audio saved later is deleted when egress reports it (handle-livekit-event.ts).
 */
async function declineRecording(
  options: AgentReportsRoutesOptions,
  interviewId: string,
): Promise<FactResult> {
  const { db, log } = options;
  const recorded = await options.lifecycle.record(interviewId, { eventType: 'recording_declined' });
  const row = await db
    .selectFrom('interviews')
    .select(['egress_id', 'recording_location'])
    .where('id', '=', interviewId)
    .executeTakeFirst();
  if (row?.egress_id != null && options.recorder !== undefined) {
    // Already stopped or finished: egress_ended still arrives, and its file is deleted then.
    await options.recorder.stop(row.egress_id).catch((error: unknown) => {
      log.warn({ err: error, interviewId }, 'recording did not stop on request');
    });
  }
  if (row?.recording_location != null && options.recordings !== undefined) {
    await options.recordings.delete(row.recording_location);
    await db
      .updateTable('interviews')
      .set({ recording_location: null })
      .where('id', '=', interviewId)
      .execute();
  }
  return recorded;
}

/**
 * Keeps the agent's engine state beside the plan: `engine_state` holds `{ plan, engine }`, and the
 * agent reports only the engine part.
 */
async function saveEngineState(
  db: Kysely<Database>,
  interviewId: string,
  engineState: unknown,
): Promise<void> {
  await db
    .updateTable('interviews')
    .set({
      engine_state: sql<string>`coalesce(engine_state, '{}'::jsonb) || jsonb_build_object('engine', ${JSON.stringify(engineState)}::jsonb)`,
    })
    .where('id', '=', interviewId)
    .execute();
}
