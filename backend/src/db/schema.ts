import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { JobStatus, Knockout, RubricCriterion } from '@screenline/core';

/** Timestamps come back as Date and go in as Date or ISO strings. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** jsonb columns: written as JSON text, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface JobsTable {
  id: Generated<string>;
  title: string;
  company: string;
  location: string;
  description: string;
  requirements: Json<string[]>;
  knockouts: Json<Knockout[]>;
  rubric: Json<RubricCriterion[]>;
  language: string;
  status: JobStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidatesTable {
  id: Generated<string>;
  name: string | null;
  email: string | null;
  phone_e164: string | null;
  created_at: Timestamp;
  erased_at: NullableTimestamp;
}

export interface ResumesTable {
  id: Generated<string>;
  candidate_id: string | null;
  file_name: string;
  sha256: string;
  media_type: string;
  size_bytes: number;
  storage_key: string;
  text: string;
  parsed: Json<unknown>;
  warnings: Json<string[]>;
  parser_version: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface InterviewsTable {
  id: Generated<string>;
  job_id: string;
  candidate_id: string;
  resume_id: string;
  mode: string;
  status: string;
  end_reason: string | null;
  phone_e164: string;
  timezone: string | null;
  attempt: Generated<number>;
  room_name: string | null;
  idempotency_key: string | null;
  candidate_token_hash: string;
  engine_state: Json<unknown> | null;
  scheduled_for: NullableTimestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  decision: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InterviewEventsTable {
  id: Generated<string>;
  interview_id: string;
  type: string;
  status: string | null;
  data: Json<Record<string, unknown>>;
  /** The id of the outside event (a LiveKit webhook id) this row records, for de-duplication. */
  external_id: string | null;
  created_at: Timestamp;
}

export interface TranscriptTurnsTable {
  id: string;
  interview_id: string;
  seq: number;
  speaker: 'agent' | 'candidate';
  text: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  metrics: Json<Record<string, number>> | null;
  created_at: Timestamp;
}

export interface ScorecardsTable {
  interview_id: string;
  suggestion: string;
  overall_score: number | null;
  data: Json<unknown>;
  created_at: Timestamp;
}

export interface ConsentsTable {
  id: Generated<string>;
  interview_id: string | null;
  candidate_id: string;
  phone_e164: string;
  text_version: string;
  text_hash: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'recruiter';
  created_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database does not hold live session tokens. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface Database {
  jobs: JobsTable;
  candidates: CandidatesTable;
  resumes: ResumesTable;
  interviews: InterviewsTable;
  interview_events: InterviewEventsTable;
  transcript_turns: TranscriptTurnsTable;
  scorecards: ScorecardsTable;
  consents: ConsentsTable;
  users: UsersTable;
  sessions: SessionsTable;
}

export type JobRow = Selectable<JobsTable>;
export type NewJobRow = Insertable<JobsTable>;
export type JobRowUpdate = Updateable<JobsTable>;
