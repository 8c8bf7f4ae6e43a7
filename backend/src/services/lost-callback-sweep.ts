import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobQueue } from '../queue/job-queue.js';
import { CALLBACK_QUEUE } from './interview-conversations.js';

export interface LostCallbackSweepDeps {
  db: Kysely<Database>;
  queue: Pick<JobQueue, 'send'>;
  log: {
    info: (data: object, message: string) => void;
    error: (data: object, message: string) => void;
  };
}

/** A scheduled call this late has lost its queued job (a crash between the commit and the send). */
export const LOST_AFTER_S = 5 * 60;

/**
 * REL-4: a call is scheduled in one transaction and queued just after; a crash between the two
 * leaves it `scheduled` with nothing to place it. Queues those again. A second job for a call that
 * was only late is harmless: the worker dials only from `scheduled` and the attempt it expects.
 */
export async function requeueLostCallbacks(deps: LostCallbackSweepDeps): Promise<number> {
  const lost = await deps.db
    .selectFrom('interviews')
    .select(['id', 'attempt'])
    .where('status', '=', 'scheduled')
    // A web screen put off waits for its candidate, who starts it from their link: no job to lose.
    .where('mode', '!=', 'web')
    .where('scheduled_for', '<', sql<Date>`now() - make_interval(secs => ${LOST_AFTER_S})`)
    .limit(100)
    .execute();
  for (const interview of lost) {
    await deps.queue.send(
      CALLBACK_QUEUE,
      { interviewId: interview.id, attempt: interview.attempt },
      { singletonKey: `lost:${interview.id}:${String(interview.attempt)}` },
    );
  }
  if (lost.length > 0)
    deps.log.info({ count: lost.length }, 're-queued scheduled calls with no job');
  return lost.length;
}
