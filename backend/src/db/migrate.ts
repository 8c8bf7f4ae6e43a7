import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial.js';
import * as interviewRuntime from './migrations/0002-interview-runtime.js';
import * as recruiterAuthAndNotes from './migrations/0003-recruiter-auth-and-notes.js';
import * as resumeTokens from './migrations/0004-resume-tokens.js';
import * as livekitCalls from './migrations/0006-livekit-calls.js';
import * as onePendingCall from './migrations/0007-one-pending-call.js';
import * as privacyAudit from './migrations/0008-privacy-audit.js';
import * as settings from './migrations/0009-settings.js';
import * as dialPacing from './migrations/0010-dial-pacing.js';
import * as webhooks from './migrations/0013-webhooks.js';
import * as apiKeys from './migrations/0014-api-keys.js';
import * as teamAndAudit from './migrations/0015-team-and-audit.js';
import * as candidateLinks from './migrations/0016-candidate-links.js';
import * as webhookOutboxEveryStatus from './migrations/0022-webhook-outbox-every-status.js';
import * as turnKnockoutValues from './migrations/0023-turn-knockout-values.js';
import * as agentRedispatches from './migrations/0024-agent-redispatches.js';
import * as webModeNoPhone from './migrations/0024-web-mode-no-phone.js';

/**
 * Migrations are listed here rather than read from a folder, so the compiled server and the
 * TypeScript sources run the same list with no file-system lookups. Append; never edit one that shipped.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-interview-runtime': interviewRuntime,
  '0003-recruiter-auth-and-notes': recruiterAuthAndNotes,
  '0004-resume-tokens': resumeTokens,
  '0006-livekit-calls': livekitCalls,
  '0007-one-pending-call': onePendingCall,
  '0008-privacy-audit': privacyAudit,
  '0009-settings': settings,
  '0010-dial-pacing': dialPacing,
  '0013-webhooks': webhooks,
  '0014-api-keys': apiKeys,
  '0015-team-and-audit': teamAndAudit,
  '0016-candidate-links': candidateLinks,
  '0022-webhook-outbox-every-status': webhookOutboxEveryStatus,
  '0023-turn-knockout-values': turnKnockoutValues,
  '0024-agent-redispatches': agentRedispatches,
  '0024-web-mode-no-phone': webModeNoPhone,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  // 0002 landed after 0003 and later had run on some databases; order by name, apply what is missing.
  const migrator = new Migrator({ db: db, provider, allowUnorderedMigrations: true });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((r) => r.migrationName);
}
