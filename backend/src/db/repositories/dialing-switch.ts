import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const DIALING_PAUSED = 'dialing_paused';

/** What the switch says now, and who last set it. */
export interface DialingSwitchState {
  isPaused: boolean;
  updatedAt: string | null;
}

/**
 * FR-6's run-time kill switch, in the database so that every replica obeys it the moment it is
 * set: the start flow, queued callbacks and the SIP placer (right before the INVITE) read it.
 * `DIALING_DISABLED` in the environment stays as the switch that needs no database.
 */
export class DialingSwitch {
  private readonly db: Kysely<Database>;

  /** Any of the app's typed handles on the same database. */
  constructor(db: object) {
    this.db = db as Kysely<Database>;
  }

  async state(): Promise<DialingSwitchState> {
    const row = await this.db
      .selectFrom('settings')
      .select(['value', 'updated_at'])
      .where('key', '=', DIALING_PAUSED)
      .executeTakeFirst();
    const value: unknown = typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value;
    return { isPaused: value === true, updatedAt: row?.updated_at.toISOString() ?? null };
  }

  async isPaused(): Promise<boolean> {
    return (await this.state()).isPaused;
  }

  /** Off by configuration (`DIALING_DISABLED`) or by the switch: the one test every dial makes. */
  async isDialingOff(isDisabledByConfig: boolean): Promise<boolean> {
    return isDisabledByConfig || (await this.isPaused());
  }

  async setPaused(isPaused: boolean, actorId: string): Promise<DialingSwitchState> {
    await this.db
      .insertInto('settings')
      .values({ key: DIALING_PAUSED, value: JSON.stringify(isPaused), updated_by: actorId })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          value: JSON.stringify(isPaused),
          updated_by: actorId,
          updated_at: new Date(),
        }),
      )
      .execute();
    return this.state();
  }
}
