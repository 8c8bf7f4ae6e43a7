import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.js';
import { openTestDatabase, TEST_ENGINES } from '../test/test-database.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionStore } from './session-store.js';
import { UsersRepository } from './users-repository.js';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const hash = await hashPassword('a long enough password');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('a long enough passworD', hash)).toBe(false);
    expect(await verifyPassword('a long enough password', 'plain')).toBe(false);
    expect(await hashPassword('a long enough password')).not.toBe(hash);
  });
});

describe.each(TEST_ENGINES)('session lifetimes on %s', (engine) => {
  let database: DatabaseHandle;
  let userId: string;
  let clock = new Date('2026-01-01T09:00:00Z');
  const advance = (ms: number): void => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    const user = await new UsersRepository(database.db).create({
      email: 'r@example.com',
      name: 'R',
      passwordHash: 'scrypt$1$1$1$x$y',
      role: 'recruiter',
    });
    userId = user.id;
  });
  afterAll(async () => {
    await database.close();
  });

  const store = () =>
    new SessionStore(
      database.db,
      { idleTimeoutMs: 30 * 60_000, maxAgeMs: 12 * 3_600_000 },
      () => clock,
    );

  it('ends a session left idle longer than the idle timeout', async () => {
    const token = await store().create(userId);
    advance(29 * 60_000);
    expect(await store().resolve(token)).toBeDefined();
    advance(31 * 60_000);
    expect(await store().resolve(token)).toBeUndefined();
  });

  it('ends an active session at its absolute lifetime', async () => {
    const token = await store().create(userId);
    for (let hour = 0; hour < 11; hour += 1) {
      advance(20 * 60_000);
      expect(await store().resolve(token)).toBeDefined();
      advance(20 * 60_000);
      expect(await store().resolve(token)).toBeDefined();
      advance(20 * 60_000);
      expect(await store().resolve(token)).toBeDefined();
    }
    advance(61 * 60_000);
    expect(await store().resolve(token)).toBeUndefined();
  });
});
