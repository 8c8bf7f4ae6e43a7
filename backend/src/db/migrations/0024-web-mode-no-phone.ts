import { sql, type Kysely } from 'kysely';

/**
 * Web mode asks for no phone number (issue 13): the candidate takes the screen in the browser and
 * nothing is dialled, so an interview, and the consent given for it, may have no number. Phone and
 * simulated mode still require one (the start refuses a request without it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table interviews alter column phone_e164 drop not null`.execute(db);
  await sql`alter table consents alter column phone_e164 drop not null`.execute(db);
}

/** Refuses, rather than invent numbers, while any row has none. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consents alter column phone_e164 set not null`.execute(db);
  await sql`alter table interviews alter column phone_e164 set not null`.execute(db);
}
