import { PENDING_INTERVIEW_STATUSES } from '@screenline/core';
import { sql } from 'kysely';
import { purgeExpiredRateLimits } from '../rate-limit/rate-limiter.js';
import { eraseCandidate, removeStoredFile, type ErasureDeps } from './erase-candidate.js';

export interface RetentionResult {
  candidates: number;
  orphanResumes: number;
}

/**
 * LAW-6's retention window: erases every candidate whose last interview ended (or who applied)
 * more than `retentionDays` ago and has nothing under way, and resumes uploaded that long ago that
 * never led to an interview. Also drops rate-limit counters whose window has passed.
 */
export async function applyRetention(
  deps: ErasureDeps,
  options: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<RetentionResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
  const db = deps.db;

  const expired = await db
    .selectFrom('candidates as c')
    .select('c.id')
    .where('c.created_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('interviews as i')
            .select('i.id')
            .whereRef('i.candidate_id', '=', 'c.id')
            .where((inner) =>
              inner.or([
                // A call still to come or under way: its candidate is never purged.
                inner('i.status', 'in', PENDING_INTERVIEW_STATUSES),
                inner(sql<Date>`coalesce(i.ended_at, i.updated_at, i.created_at)`, '>=', cutoff),
              ]),
            ),
        ),
      ),
    )
    .limit(options.batchSize ?? 500)
    .execute();
  let candidates = 0;
  for (const { id } of expired) {
    if ((await eraseCandidate(deps, { candidateId: id, reason: 'retention' })) !== undefined) {
      candidates += 1;
    }
  }

  const orphans = await db
    .selectFrom('resumes as r')
    .select(['r.id', 'r.storage_key'])
    .where('r.created_at', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('interviews as i').select('i.id').whereRef('i.resume_id', '=', 'r.id'),
        ),
      ),
    )
    .limit(options.batchSize ?? 500)
    .execute();
  for (const orphan of orphans) {
    await removeStoredFile(deps.dataDir, orphan.storage_key);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('resumes').where('id', '=', orphan.id).execute();
      await trx
        .insertInto('privacy_audit')
        .values({
          action: 'resume_expired',
          subject_id: orphan.id,
          reason: 'retention',
          actor_id: null,
          details: '{}',
        })
        .execute();
    });
  }

  await purgeExpiredRateLimits(deps.db, now);
  return { candidates, orphanResumes: orphans.length };
}
