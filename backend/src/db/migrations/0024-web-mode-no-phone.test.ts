import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../database.js';
import type { Database } from '../schema.js';
import { seedDemoData } from '../seed.js';
import { insertInterview } from '../../test/recruiter-fixtures.js';
import { openTestDatabase, TEST_ENGINES } from '../../test/test-database.js';
import { down, up } from './0024-web-mode-no-phone.js';

async function isNullable(db: Kysely<Database>, table: string): Promise<boolean> {
  const row = await sql<{ is_nullable: string }>`
    select is_nullable from information_schema.columns
    where table_schema = 'public' and table_name = ${table} and column_name = 'phone_e164'
  `.execute(db);
  return row.rows[0]?.is_nullable === 'YES';
}

describe.each(TEST_ENGINES)('migration 0024: web mode asks for no phone (%s)', (engine) => {
  let database: DatabaseHandle | undefined;

  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('makes the interview and consent numbers nullable, keeping the rows that have one', async () => {
    database = await openTestDatabase(engine);
    const db = database.db;
    await seedDemoData(db);
    // The schema as it was before: a number required.
    await down(db as Kysely<unknown>);
    expect(await isNullable(db, 'interviews')).toBe(false);
    expect(await isNullable(db, 'consents')).toBe(false);
    const phoneCall = await insertInterview(db, {
      name: 'Ada',
      status: 'completed',
      score: null,
      createdAt: '2026-12-01T10:00:00.000Z',
    });
    const refused = db
      .updateTable('interviews')
      .set({ phone_e164: null })
      .where('id', '=', phoneCall)
      .execute();
    await expect(refused).rejects.toThrow();

    await up(db as Kysely<unknown>);
    expect(await isNullable(db, 'interviews')).toBe(true);
    expect(await isNullable(db, 'consents')).toBe(true);
    const kept = await db
      .selectFrom('interviews')
      .select('phone_e164')
      .where('id', '=', phoneCall)
      .executeTakeFirstOrThrow();
    expect(kept.phone_e164).toBe('+12133734253');

    // A web call: no number on the interview or its consent.
    const webCall = await insertInterview(db, {
      name: 'Grace',
      status: 'completed',
      score: null,
      createdAt: '2026-12-02T10:00:00.000Z',
    });
    await db
      .updateTable('interviews')
      .set({ phone_e164: null, mode: 'web' })
      .where('id', '=', webCall)
      .execute();
    const interview = await db
      .selectFrom('interviews')
      .select('candidate_id')
      .where('id', '=', webCall)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('consents')
      .values({
        interview_id: webCall,
        candidate_id: interview.candidate_id,
        phone_e164: null,
        text_version: 'test',
        text_hash: 'hash',
      })
      .execute();

    // Going back down refuses rather than invent numbers for the web calls.
    await expect(down(db as Kysely<unknown>)).rejects.toThrow();
    expect(await isNullable(db, 'interviews')).toBe(true);
  });
});
