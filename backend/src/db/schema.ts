import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  EndReason,
  InterviewStatus,
  JobStatus,
  Knockout,
  Mode,
  RubricCriterion,
  TurnKnockout,
} from '@screenline/core';

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
  mode: Mode;
  status: InterviewStatus;
  end_reason: EndReason | null;
  /** The number dialled; null in web mode, which calls no number (migration 0024). */
  phone_e164: string | null;
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
  /** Following a LiveKit call (migration 0006). */
  agent_token_hash: string | null;
  agent_token_expires_at: NullableTimestamp;
  recording_location: string | null;
  egress_id: string | null;
  last_outcome: string | null;
  /** REL-5: agents sent again into the current attempt's call (migration 0024). */
  agent_redispatches: Generated<number>;
}

export interface InterviewEventsTable {
  id: Generated<string>;
  interview_id: string;
  type: string;
  status: InterviewStatus | null;
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
  /** The knock-out this turn answered, with the typed value read from it (issue 15). */
  knockout: Json<TurnKnockout> | null;
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
  /** Null for a web-mode consent: no number was agreed to be called. */
  phone_e164: string | null;
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

/** A recruiter's role: administrators also manage the team, webhooks, keys and the kill switch. */
export type UserRole = 'admin' | 'recruiter';
/** An API key's reach: `read` lists, reads and exports; `write` also decides and notes. */
export type ApiKeyScope = 'read' | 'write';
/** Where an outbound webhook delivery stands. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'canceled';

export interface RateLimitCountersTable {
  key: string;
  window_start: Timestamp;
  count: ColumnType<number, number | undefined, number>;
  expires_at: Timestamp;
}

export interface InterviewAccessTokensTable {
  token_hash: string;
  interview_id: string;
  created_at: Timestamp;
}

export interface SuppressedNumbersTable {
  phone_e164: string;
  reason: string;
  interview_id: string | null;
  created_at: Timestamp;
}

export interface SignInFailuresTable {
  id: Generated<string>;
  key: string;
  created_at: Timestamp;
}

export interface InterviewNotesTable {
  id: Generated<string>;
  interview_id: string;
  author_id: string | null;
  text: string;
  created_at: Timestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface PrivacyAuditTable {
  id: Generated<string>;
  action: string;
  subject_id: string | null;
  reason: 'request' | 'retention';
  actor_id: string | null;
  details: string;
  created_at: Generated<Date>;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  url: string;
  events: Json<string[]>;
  /** The signing secret (`whsec_...`); kept readable because every delivery is signed with it. */
  secret: string;
  include_transcript: ColumnType<boolean, boolean | undefined, boolean>;
  include_resume_text: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  failing_since: NullableTimestamp;
  disabled_at: NullableTimestamp;
  disabled_reason: string | null;
}

export interface WebhookOutboxTable {
  event_id: string;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  event_id: string;
  interview_id: string;
  event_type: string;
  payload: Json<unknown>;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: NullableTimestamp;
  created_at: Timestamp;
  delivered_at: NullableTimestamp;
}

export interface WebhookAttemptsTable {
  id: Generated<string>;
  delivery_id: string;
  endpoint_id: string;
  attempt: number;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  scope: ApiKeyScope;
  key_hash: string;
  key_prefix: string;
  created_by: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface UserInvitationsTable {
  id: Generated<string>;
  email: string;
  role: UserRole;
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  action: string;
  actor_id: string | null;
  api_key_id: string | null;
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
}

export interface DialPacingTable {
  trunk_id: string;
  next_slot_at: Timestamp;
}

export interface CandidateLinksTable {
  token_hash: string;
  interview_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** Every table of every migration: one schema, one connection type. */
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
  rate_limit_counters: RateLimitCountersTable;
  interview_access_tokens: InterviewAccessTokensTable;
  suppressed_numbers: SuppressedNumbersTable;
  sign_in_failures: SignInFailuresTable;
  interview_notes: InterviewNotesTable;
  settings: SettingsTable;
  privacy_audit: PrivacyAuditTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_outbox: WebhookOutboxTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  api_keys: ApiKeysTable;
  user_invitations: UserInvitationsTable;
  audit_log: AuditLogTable;
  candidate_links: CandidateLinksTable;
  dial_pacing: DialPacingTable;
}

export type JobRow = Selectable<JobsTable>;
export type NewJobRow = Insertable<JobsTable>;
export type JobRowUpdate = Updateable<JobsTable>;
