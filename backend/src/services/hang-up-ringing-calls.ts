import type { Kysely } from 'kysely';
import type { CallPlacer } from '../telephony/call-placer.js';
import { recordCallEvent } from '../telephony/call-events.js';
import type { CallDatabase } from '../telephony/call-tables.js';

/**
 * FR-6: the kill switch stops dialing at once, so phones that are still ringing hang up too (the
 * bridge sends CANCEL). Each ends `canceled` before its room goes, so the dial's late answer and
 * the room's webhooks find it ended and nothing is redialled. Calls already answered go on.
 */
export async function hangUpRingingCalls(
  db: Kysely<CallDatabase>,
  callPlacer: Pick<CallPlacer, 'hangUp'>,
): Promise<number> {
  const ringing = await db
    .selectFrom('interviews')
    .select(['id', 'room_name'])
    .where('mode', '=', 'phone')
    .where('status', 'in', ['dialing', 'ringing'])
    .execute();
  let count = 0;
  for (const interview of ringing) {
    const recorded = await recordCallEvent(db, {
      interviewId: interview.id,
      type: 'canceled',
      status: 'canceled',
      endReason: 'canceled',
      data: { reason: 'dialing_paused' },
    });
    if (recorded.result !== 'applied') continue;
    count += 1;
    if (interview.room_name !== null) await callPlacer.hangUp(interview.room_name);
  }
  return count;
}
