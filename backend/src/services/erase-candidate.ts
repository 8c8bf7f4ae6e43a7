import { PENDING_INTERVIEW_STATUSES } from '@screenline/core';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RecordingBucket } from '../recordings/recording-bucket.js';

export interface ErasureDeps {
  db: Kysely<Database>;
  /** Where uploaded resumes live (`DATA_DIR`). */
  dataDir: string;
  /** Present when recordings are configured: their audio is deleted too. */
  recordings?: Pick<RecordingBucket, 'delete'> | undefined;
}

/** What an erasure removed: counts only, safe to log and to keep. */
export interface ErasureSummary {
  interviews: number;
  resumes: number;
  recordings: number;
}

export interface ErasureRequest {
  candidateId: string;
  reason: 'request' | 'retention';
  /** The recruiter who asked (an id, never a name). */
  actorId?: string | undefined;
}

/**
 * LAW-6: erases one candidate: the recordings in the bucket, the resume files, then in one
 * transaction every row about them (interviews with their events, turns, scorecards, notes and
 * consents; resumes and their tokens; the candidate), and writes an audit entry with counts only.
 * Files go first, so a failure leaves the rows to find and the erasure can simply run again. The
 * suppression list keeps an opted-out number: "never call again" outlives the rest.
 */
export async function eraseCandidate(
  deps: ErasureDeps,
  request: ErasureRequest,
): Promise<ErasureSummary | undefined> {
  const db = deps.db;
  const { candidateId } = request;
  const candidate = await db
    .selectFrom('candidates')
    .select('id')
    .where('id', '=', candidateId)
    .executeTakeFirst();
  if (candidate === undefined) return undefined;

  const interviews = await db
    .selectFrom('interviews')
    .select(['id', 'resume_id', 'recording_location'])
    .where('candidate_id', '=', candidateId)
    .execute();
  // Their own uploads, and the resumes their interviews used (the same file may be shared).
  const resumes = await db
    .selectFrom('resumes')
    .select(['id', 'storage_key'])
    .where((eb) =>
      eb.or([
        eb('candidate_id', '=', candidateId),
        eb(
          'id',
          'in',
          eb.selectFrom('interviews').select('resume_id').where('candidate_id', '=', candidateId),
        ),
      ]),
    )
    .execute();

  let recordings = 0;
  for (const interview of interviews) {
    if (interview.recording_location === null || deps.recordings === undefined) continue;
    if (await deps.recordings.delete(interview.recording_location)) recordings += 1;
  }
  for (const resume of resumes) await removeStoredFile(deps.dataDir, resume.storage_key);

  const summary: ErasureSummary = {
    interviews: interviews.length,
    resumes: resumes.length,
    recordings,
  };
  await db.transaction().execute(async (trx) => {
    // Interviews go with their events, turns, scorecard, notes, tokens and consents (cascades).
    await trx.deleteFrom('interviews').where('candidate_id', '=', candidateId).execute();
    if (resumes.length > 0) {
      await trx
        .deleteFrom('resumes')
        .where(
          'id',
          'in',
          resumes.map((resume) => resume.id),
        )
        .execute();
    }
    await trx.deleteFrom('consents').where('candidate_id', '=', candidateId).execute();
    await trx.deleteFrom('candidates').where('id', '=', candidateId).execute();
    await trx
      .insertInto('privacy_audit')
      .values({
        action: 'candidate_erased',
        subject_id: candidateId,
        reason: request.reason,
        actor_id: request.actorId ?? null,
        details: JSON.stringify(summary),
      })
      .execute();
  });
  return summary;
}

/** Removes a stored upload; one already gone is fine (an erasure that ran before). */
export async function removeStoredFile(dataDir: string, storageKey: string): Promise<void> {
  const root = path.resolve(dataDir);
  const file = path.resolve(root, storageKey);
  // Only files under the data folder: a row never points anywhere else, and we never follow it.
  if (!file.startsWith(`${root}${path.sep}`)) return;
  await rm(file, { force: true });
}

/** True while a call of the candidate is still to come or under way (it cannot be erased then). */
export async function hasCallUnderWay(
  deps: Pick<ErasureDeps, 'db'>,
  candidateId: string,
): Promise<boolean> {
  const row = await deps.db
    .selectFrom('interviews')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', PENDING_INTERVIEW_STATUSES)
    .executeTakeFirst();
  return row !== undefined;
}
