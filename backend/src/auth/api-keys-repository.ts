import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiKeyScope, Database } from '../db/schema.js';
import { isUuid } from '../db/repositories/jobs-repository.js';
import { hashToken } from '../lib/tokens.js';
import type { Recruiter } from './users-repository.js';

export type { ApiKeyScope } from '../db/schema.js';

/** An API key as the API lists it: never the key, only its first characters. */
export interface ApiKey {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Who acts through a key: its owner's account, with the key's scope as the limit. */
export interface ApiKeyPrincipal {
  keyId: string;
  scope: ApiKeyScope;
  owner: Recruiter;
}

export const API_KEY_PREFIX = 'sk_';
/** Shown on the page to tell keys apart; 8 characters of 43 give nothing useful to a guesser. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
/** last_used_at is written at most this often, so a busy integration does not write on every read. */
const TOUCH_INTERVAL_MS = 60_000;

const COLUMNS = [
  'id',
  'name',
  'scope',
  'key_prefix',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

/** Creates, lists, revokes and resolves API keys. */
export class ApiKeysRepository {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = db;
  }

  /** Makes a key; the key itself is in this answer only. */
  async create(input: {
    name: string;
    scope: ApiKeyScope;
    createdBy: string;
  }): Promise<{ apiKey: ApiKey; key: string }> {
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.db
      .insertInto('api_keys')
      .values({
        name: input.name,
        scope: input.scope,
        key_hash: hashToken(key),
        key_prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        created_by: input.createdBy,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return { apiKey: toApiKey(row), key };
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db
      .selectFrom('api_keys')
      .select(COLUMNS)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toApiKey);
  }

  /** Revokes a key at once; undefined when there is no such key. Revoking twice is a no-op. */
  async revoke(id: string): Promise<ApiKey | undefined> {
    if (!isUuid(id)) return undefined;
    await this.db
      .updateTable('api_keys')
      .set({ revoked_at: this.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const row = await this.db
      .selectFrom('api_keys')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toApiKey(row);
  }

  /** The principal of a live key, or undefined for an unknown or revoked one. */
  async resolve(key: string): Promise<ApiKeyPrincipal | undefined> {
    if (!key.startsWith(API_KEY_PREFIX)) return undefined;
    // The lookup is by hash: equal hashes mean equal keys, and the hash reveals nothing to time.
    const row = await this.db
      .selectFrom('api_keys as k')
      .innerJoin('users as u', 'u.id', 'k.created_by')
      .select([
        'k.id',
        'k.scope',
        'k.revoked_at',
        'k.last_used_at',
        'u.id as user_id',
        'u.email',
        'u.name',
        'u.role',
      ])
      .where('k.key_hash', '=', hashToken(key))
      .executeTakeFirst();
    if (row?.revoked_at !== null) return undefined;
    const now = this.now();
    if (
      row.last_used_at === null ||
      now.getTime() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS
    ) {
      await this.db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', row.id)
        .execute();
    }
    return {
      keyId: row.id,
      scope: row.scope,
      owner: { id: row.user_id, email: row.email, name: row.name, role: row.role },
    };
  }
}

function toApiKey(row: {
  id: string;
  name: string;
  scope: ApiKeyScope;
  key_prefix: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiKey {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.key_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
