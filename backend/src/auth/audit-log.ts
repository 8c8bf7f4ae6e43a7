import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What the audit log records; each names the event, never the person it concerns. */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'interviews.exported',
  'resume.downloaded',
  'interview.decided',
  'candidate.erased',
  'job.created',
  'job.updated',
  'dialing.changed',
  'webhook.created',
  'webhook.deleted',
  'webhook.enabled',
  'api_key.created',
  'api_key.revoked',
  'team.invited',
  'team.invitation_revoked',
  'team.joined',
  'team.role_changed',
  'team.user_removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One audit entry. `details` holds counts, flags and enum values only: the callers pass no names,
 * emails, phone numbers or free text of a candidate, so the log can be kept and shown as it is.
 */
export interface AuditEntry {
  action: AuditAction;
  actorId: string | null;
  apiKeyId?: string | undefined;
  targetType?: string;
  targetId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditRecord {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  apiKeyId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/** Appends to and reads the audit log. */
export class AuditLog {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        action: entry.action,
        actor_id: entry.actorId,
        api_key_id: entry.apiKeyId ?? null,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  /** The newest entries first, optionally only those before a time (for paging). */
  async list(options: { limit: number; before?: Date | undefined }): Promise<AuditRecord[]> {
    let query = this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .select([
        'a.id',
        'a.action',
        'a.actor_id',
        'u.name as actor_name',
        'a.api_key_id',
        'a.target_type',
        'a.target_id',
        'a.details',
        'a.created_at',
      ])
      .orderBy('a.created_at', 'desc')
      .limit(options.limit);
    if (options.before !== undefined) query = query.where('a.created_at', '<', options.before);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      action: row.action,
      actorId: row.actor_id,
      actorName: row.actor_name,
      apiKeyId: row.api_key_id,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
