import type { InterviewStatus, Scorecard } from '@screenline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Writes one finished interview the way the interview flow does: rows, events, turns, scorecard. */
export async function insertInterview(
  db: Kysely<Database>,
  input: { name: string; status: InterviewStatus; score: number | null; createdAt: string },
): Promise<string> {
  const job = await db.selectFrom('jobs').select('id').executeTakeFirstOrThrow();
  const candidate = await db
    .insertInto('candidates')
    .values({
      name: input.name,
      email: `${input.name.length}@example.com`,
      phone_e164: '+12133734253',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const resume = await db
    .insertInto('resumes')
    .values({
      candidate_id: candidate.id,
      file_name: 'cv.txt',
      sha256: `${input.name}-${input.createdAt}`,
      media_type: 'text/plain',
      size_bytes: 10,
      storage_key: 'x',
      text: 'text',
      parsed: JSON.stringify({ name: input.name }),
      warnings: '[]',
      parser_version: '1',
      token_hash: 'h',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const interview = await db
    .insertInto('interviews')
    .values({
      job_id: job.id,
      candidate_id: candidate.id,
      resume_id: resume.id,
      mode: 'simulated',
      status: input.status,
      phone_e164: '+12133734253',
      candidate_token_hash: 'h',
      created_at: input.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('interview_events')
    .values([
      {
        interview_id: interview.id,
        type: 'status',
        status: 'dialing',
        data: '{}',
        created_at: input.createdAt,
      },
      {
        interview_id: interview.id,
        type: 'status',
        status: input.status,
        data: '{}',
        // One second later: the timeline is ordered by time.
        created_at: new Date(Date.parse(input.createdAt) + 1000),
      },
    ])
    .execute();
  await db
    .insertInto('transcript_turns')
    .values([
      {
        id: `${interview.id}-1`,
        interview_id: interview.id,
        seq: 1,
        speaker: 'agent',
        text: 'Hello, this is an AI assistant.',
      },
      {
        id: `${interview.id}-2`,
        interview_id: interview.id,
        seq: 2,
        speaker: 'candidate',
        text: 'I have eight years of backend work.',
        metrics: JSON.stringify({ responseLatencyMs: 850 }),
      },
      {
        id: `${interview.id}-3`,
        interview_id: interview.id,
        seq: 3,
        speaker: 'candidate',
        text: 'A couple of weeks.',
        knockout: JSON.stringify({
          knockoutId: 'notice-period',
          value: 14,
          unit: 'days',
          passed: true,
        }),
      },
    ])
    .execute();
  if (input.score !== null) {
    const scorecard: Scorecard = {
      criteria: [
        {
          id: 'backend-experience',
          name: 'Backend experience',
          score: 4,
          evidence: [{ quote: 'eight years of backend work', turnId: `${interview.id}-2` }],
        },
      ],
      knockouts: [
        {
          id: 'work-authorization',
          question: 'Authorized?',
          passed: true,
          answer: 'yes',
          turnId: null,
        },
        {
          id: 'notice-period',
          question: 'How soon could you start?',
          passed: true,
          answer: 'A couple of weeks.',
          turnId: `${interview.id}-3`,
          value: 14,
          unit: 'days',
        },
      ],
      summary: 'Strong backend background.',
      suggestion: 'advance',
    };
    await db
      .insertInto('scorecards')
      .values({
        interview_id: interview.id,
        suggestion: 'advance',
        overall_score: input.score,
        data: JSON.stringify(scorecard),
      })
      .execute();
  }
  return interview.id;
}
