import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** What the SIP placer waits on before each INVITE (LOAD-2). */
export interface Pacer {
  take(trunkId: string): Promise<void>;
}

/**
 * Paces dials per trunk across every replica: each dial claims the trunk's next free slot in one
 * atomic UPDATE (slots `1 / callsPerSecond` apart, on the database's clock, so replicas' clocks
 * need not agree) and waits for it. Dials are served in the order their claims commit.
 */
export class SharedDialPacer implements Pacer {
  private readonly spacingMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    callsPerSecond: number,
  ) {
    this.spacingMs = 1000 / callsPerSecond;
  }

  async take(trunkId: string): Promise<void> {
    const spacing = `${String(this.spacingMs)} milliseconds`;
    const result = await sql<{ wait_ms: number | string }>`
      insert into dial_pacing as p (trunk_id, next_slot_at)
      values (${trunkId}, clock_timestamp() + ${spacing}::interval)
      on conflict (trunk_id) do update
        set next_slot_at = greatest(p.next_slot_at, clock_timestamp()) + ${spacing}::interval
      returning greatest(
        0,
        extract(epoch from (p.next_slot_at - ${spacing}::interval - clock_timestamp())) * 1000
      ) as wait_ms`.execute(this.db);
    const waitMs = Number(result.rows[0]?.wait_ms ?? 0);
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs)));
  }
}
