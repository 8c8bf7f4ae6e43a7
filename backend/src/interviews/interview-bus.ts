import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type pg from 'pg';
import type { DatabaseHandle } from '../db/database.js';

const CHANNEL = 'screenline_interview';

/**
 * "Something changed on interview X": in-process for this replica, and through PostgreSQL
 * LISTEN/NOTIFY for the others. Subscribers re-read what is new from the database, so a lost or
 * repeated signal costs nothing.
 */
export interface InterviewBus {
  publish(interviewId: string): Promise<void>;
  subscribe(interviewId: string, listener: () => void): () => void;
  /** Resolves on the next change of this interview (or after `timeoutMs`). */
  nextChange(interviewId: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function createInterviewBus(database: DatabaseHandle): Promise<InterviewBus> {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const deliver = (payload: string): void => {
    emitter.emit(payload);
  };

  let unlisten: () => Promise<void> = () => Promise.resolve();
  if (database.pglite !== undefined) {
    unlisten = await database.pglite.listen(CHANNEL, deliver);
  } else if (database.pool !== undefined) {
    const client: pg.PoolClient = await database.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload !== undefined) deliver(message.payload);
    });
    await client.query(`listen ${CHANNEL}`);
    unlisten = async () => {
      await client.query(`unlisten ${CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }

  return {
    async publish(interviewId) {
      deliver(interviewId);
      await sql`select pg_notify(${CHANNEL}, ${interviewId})`.execute(database.db);
    },
    subscribe(interviewId, listener) {
      emitter.on(interviewId, listener);
      return () => emitter.off(interviewId, listener);
    },
    nextChange(interviewId, timeoutMs) {
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          emitter.off(interviewId, done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        emitter.on(interviewId, done);
      });
    },
    async close() {
      emitter.removeAllListeners();
      await unlisten();
    },
  };
}
