import { isCriterionDetermined, type Scorecard } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The events an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
  'interview.completed',
  'interview.evaluated',
  'interview.ended',
  'decision.made',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Statuses in which a call is over (a callback request ends one too, as `scheduled`). */
const ENDED_STATUSES = new Set([
  'completed',
  'no_answer',
  'busy',
  'declined',
  'invalid_number',
  'voicemail',
  'failed',
  'canceled',
  'opted_out',
]);

/** One interview_events row, as the outbox hands it over. */
export interface SourceEvent {
  id: string;
  interviewId: string;
  type: string;
  status: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** The webhook events one interview event stands for (a completed call is also an ended one). */
export function webhookEventTypesFor(event: SourceEvent): WebhookEventType[] {
  if (event.type === 'decision') return ['decision.made'];
  // Every status change, whichever source wrote it (a trail event has no status).
  if (event.status === null) return [];
  if (event.status === 'evaluated') return ['interview.evaluated'];
  if (event.status === 'completed') return ['interview.completed', 'interview.ended'];
  if (event.status === 'scheduled') {
    // Only a call that ended with "call me later"; a first call deferred to calling hours did not end.
    return event.data.endReason === 'callback_requested' ? ['interview.ended'] : [];
  }
  return ENDED_STATUSES.has(event.status) ? ['interview.ended'] : [];
}

/** What an endpoint opted in to beyond ids, states and scores. */
export interface PayloadOptions {
  includeTranscript: boolean;
  includeResumeText: boolean;
}

/** The Standard Webhooks body: `{ type, timestamp, data }`. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The scorecard without its quotes: evidence is transcript text, which leaves only on opt-in.
 * Knock-out answers are the values the ATS filters on, so they stay.
 */
function scorecardForWebhook(scorecard: Scorecard, includeTranscript: boolean): object {
  return {
    suggestion: scorecard.suggestion,
    summary: scorecard.summary,
    criteria: scorecard.criteria.map((criterion) => ({
      id: criterion.id,
      name: criterion.name,
      score: criterion.score,
      // Without the quotes, the receiver could not tell the scale's floor from "nothing said".
      determined: isCriterionDetermined(criterion),
      ...(includeTranscript ? { evidence: criterion.evidence } : {}),
    })),
    knockouts: scorecard.knockouts.map((knockout) => ({
      id: knockout.id,
      question: knockout.question,
      passed: knockout.passed,
      answer: knockout.answer,
      value: knockout.value ?? null,
      ...(knockout.unit === undefined ? {} : { unit: knockout.unit }),
    })),
  };
}

/** The interview's facts the payloads are made of, read once per source event. */
export interface InterviewFacts {
  row: {
    id: string;
    job_id: string;
    candidate_id: string;
    status: string;
    end_reason: string | null;
    mode: string;
    attempt: number;
    started_at: Date | null;
    ended_at: Date | null;
    decision: string | null;
    decided_at: Date | null;
    overall_score: number | null;
    scorecard: unknown;
  };
  transcript?: { speaker: string; text: string; at: string }[];
  resumeText?: string;
}

export async function readInterviewFacts(
  db: Kysely<Database>,
  interviewId: string,
  wants: PayloadOptions,
): Promise<InterviewFacts | undefined> {
  const row = await db
    .selectFrom('interviews as i')
    .leftJoin('scorecards as s', 's.interview_id', 'i.id')
    .select([
      'i.id',
      'i.job_id',
      'i.candidate_id',
      'i.status',
      'i.end_reason',
      'i.mode',
      'i.attempt',
      'i.started_at',
      'i.ended_at',
      'i.decision',
      'i.decided_at',
      's.overall_score',
      's.data as scorecard',
    ])
    .where('i.id', '=', interviewId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const facts: InterviewFacts = { row };
  if (wants.includeTranscript) {
    const turns = await db
      .selectFrom('transcript_turns')
      .select(['speaker', 'text', 'started_at'])
      .where('interview_id', '=', interviewId)
      .orderBy('seq')
      .execute();
    facts.transcript = turns.map((turn) => ({
      speaker: turn.speaker,
      text: turn.text,
      at: turn.started_at.toISOString(),
    }));
  }
  if (wants.includeResumeText) {
    const resume = await db
      .selectFrom('resumes as r')
      .innerJoin('interviews as i', 'i.resume_id', 'r.id')
      .select('r.text')
      .where('i.id', '=', interviewId)
      .executeTakeFirst();
    if (resume !== undefined) facts.resumeText = resume.text;
  }
  return facts;
}

/**
 * The body of one event for one endpoint. The status is the event's (the interview may have moved
 * on since); ids, states and scores always, transcript and resume text only when opted in.
 */
export function buildWebhookPayload(
  type: WebhookEventType,
  event: SourceEvent,
  facts: InterviewFacts,
  options: PayloadOptions,
): WebhookPayload {
  const { row } = facts;
  const endReason =
    typeof event.data.endReason === 'string' ? event.data.endReason : row.end_reason;
  const data: Record<string, unknown> = {
    interviewId: row.id,
    jobId: row.job_id,
    candidateId: row.candidate_id,
    status: event.status ?? row.status,
    mode: row.mode,
    attempt: row.attempt,
    startedAt: row.started_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
  if (type === 'interview.ended') data.endReason = endReason ?? null;
  if (type === 'interview.completed') data.endReason = endReason ?? null;
  if (type === 'interview.evaluated' || type === 'decision.made') {
    data.overallScore = row.overall_score;
    data.scorecard =
      row.scorecard === null
        ? null
        : scorecardForWebhook(row.scorecard as Scorecard, options.includeTranscript);
  }
  if (type === 'decision.made') {
    data.decision = typeof event.data.decision === 'string' ? event.data.decision : row.decision;
    data.decidedBy = typeof event.data.decidedBy === 'string' ? event.data.decidedBy : null;
    data.decidedAt = event.createdAt.toISOString();
  }
  if (options.includeTranscript && facts.transcript !== undefined) {
    data.transcript = facts.transcript;
  }
  if (options.includeResumeText && facts.resumeText !== undefined) {
    data.resumeText = facts.resumeText;
  }
  return { type, timestamp: event.createdAt.toISOString(), data };
}
