import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';

/**
 * FR-6: the kill switch stops dialing at once, so phones that are still ringing hang up too (the
 * bridge sends CANCEL). Each ends `canceled` before its room goes (the lifecycle writes, then hangs
 * up), so the dial's late answer and the room's webhooks find it ended and nothing is redialled.
 * Calls already answered go on.
 */
export async function hangUpRingingCalls(
  db: Kysely<Database>,
  lifecycle: InterviewLifecycle,
): Promise<number> {
  const ringing = await db
    .selectFrom('interviews')
    .select('id')
    .where('mode', '=', 'phone')
    .where('status', 'in', ['dialing', 'ringing'])
    .execute();
  let count = 0;
  for (const interview of ringing) {
    const recorded = await lifecycle.apply(
      interview.id,
      { type: 'canceled', by: 'dialing_paused' },
      { eventType: 'canceled', data: { reason: 'dialing_paused' } },
    );
    if (recorded.result === 'applied') count += 1;
  }
  return count;
}
