import { type AgentCallReport, type AgentContext, type AgentTurnReport } from '@screenline/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordingBucket } from '../recordings/recording-bucket.js';
import type { CallLog } from '../telephony/call-log.js';
import type { CallRecorder } from '../telephony/call-recorder.js';
import { isAgentTokenValid } from './agent-token.js';
import { endCall } from './end-call.js';
import type { FactResult, InterviewLifecycle } from './interview-lifecycle.js';

export interface AgentReportsDeps {
  db: Kysely<Database>;
  lifecycle: InterviewLifecycle;
  /** Present when `RECORDING_*` is configured. */
  recorder?: CallRecorder | undefined;
  /** Present when `RECORDING_*` is configured: where audio that may not be kept is deleted. */
  recordings?: Pick<RecordingBucket, 'delete'> | undefined;
  /** Tells the live page a turn arrived (the interview bus). */
  publish: (interviewId: string) => Promise<void>;
  log: CallLog;
}

/**
 * What the agent reports on a real call: its context to start or resume from, each turn as it
 * happens (idempotent by turn id), and the facts of the call, which go to the lifecycle.
 */
export class AgentReports {
  constructor(private readonly deps: AgentReportsDeps) {}

  /** True when `token` is this interview's agent token, still live. */
  isAuthorized(interviewId: string, token: string | undefined): Promise<boolean> {
    return isAgentTokenValid(this.deps.db, interviewId, token);
  }

  /** The plan, the saved turns and the engine state a (re-)dispatched agent resumes from. */
  async context(interviewId: string): Promise<AgentContext> {
    const { db } = this.deps;
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
  }

  /** Stores one turn (and the engine state it carries); false when it was stored before. */
  async recordTurn(interviewId: string, turn: AgentTurnReport): Promise<boolean> {
    const stored = await this.deps.db.transaction().execute(async (trx) => {
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
    // The candidate's page and the recruiter's follow the transcript as it grows.
    if (stored) await this.deps.publish(interviewId);
    return stored;
  }

  /** One fact of the call as the agent saw it. */
  async onCallReport(interviewId: string, report: AgentCallReport): Promise<FactResult> {
    const { db, lifecycle } = this.deps;
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
        await this.startRecording(interviewId);
        return recorded;
      }
      case 'voicemail':
        // The agent leaves its short message and hangs up; the retry policy tries again (REL-1).
        return lifecycle.apply(
          interviewId,
          { type: 'dial_failed', outcome: 'voicemail' },
          { eventType: 'dial_failed', data: { source: 'agent' } },
        );
      case 'recording_declined':
        return this.declineRecording(interviewId);
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
        return endCall(
          lifecycle,
          interviewId,
          {
            reason: report.reason,
            callback: report.callback,
            hasAnswers: 'unknown',
          },
          { eventType: 'agent_ended', data: { reason: report.reason } },
        );
      }
    }
  }

  /** Starts the audio egress of an answered call, once (a repeated report finds it started). */
  private async startRecording(interviewId: string): Promise<void> {
    const { db, recorder, log } = this.deps;
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
    await this.deps.lifecycle.record(interviewId, { eventType: 'recording_requested' });
  }

  /**
   * LAW-5: the candidate declined the recording. Stop the egress and delete any audio already
   * saved; audio saved later is deleted when egress reports it (handle-livekit-event.ts).
   */
  private async declineRecording(interviewId: string): Promise<FactResult> {
    const { db, log, recorder, recordings } = this.deps;
    const recorded = await this.deps.lifecycle.record(interviewId, {
      eventType: 'recording_declined',
    });
    const row = await db
      .selectFrom('interviews')
      .select(['egress_id', 'recording_location'])
      .where('id', '=', interviewId)
      .executeTakeFirst();
    if (row?.egress_id != null && recorder !== undefined) {
      // Already stopped or finished: egress_ended still arrives, and its file is deleted then.
      await recorder.stop(row.egress_id).catch((error: unknown) => {
        log.warn({ err: error, interviewId }, 'recording did not stop on request');
      });
    }
    if (row?.recording_location != null && recordings !== undefined) {
      await recordings.delete(row.recording_location);
      await db
        .updateTable('interviews')
        .set({ recording_location: null })
        .where('id', '=', interviewId)
        .execute();
    }
    return recorded;
  }
}

/**
 * Keeps the agent's engine state beside the plan: `engine_state` holds `{ plan, engine }`, and the
 * agent reports only the engine part.
 */
async function saveEngineState(
  db: Kysely<Database> | Transaction<Database>,
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
