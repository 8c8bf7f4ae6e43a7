import type { AgentJobMetadata } from '@screenline/core';
import { sql, type Kysely } from 'kysely';
import { createToken, hashToken, isTokenValid } from '../lib/tokens.js';
import type { Database } from '../db/schema.js';

/**
 * The agent's credential for one interview's reporting API (LK-4): random, stored as a hash, and
 * valid only as long as the call can last.
 */
export async function issueAgentToken(
  db: Kysely<Database>,
  interviewId: string,
  ttlS: number,
): Promise<string> {
  const token = createToken();
  await db
    .updateTable('interviews')
    .set({
      agent_token_hash: hashToken(token),
      agent_token_expires_at: sql<Date>`now() + make_interval(secs => ${ttlS})`,
    })
    .where('id', '=', interviewId)
    .execute();
  return token;
}

/** True when the token is this interview's and has not expired. */
export async function isAgentTokenValid(
  db: Kysely<Database>,
  interviewId: string,
  token: string | undefined,
): Promise<boolean> {
  const row = await db
    .selectFrom('interviews')
    .select(['agent_token_hash', sql<boolean>`agent_token_expires_at > now()`.as('is_live')])
    .where('id', '=', interviewId)
    .executeTakeFirst();
  return row !== undefined && row.is_live && isTokenValid(token, row.agent_token_hash);
}

/**
 * The agent's dispatch metadata for one attempt (LK-4): the interview id, a fresh backend token
 * that lives as long as the call can, and the candidate's opaque identity in the room. No PII.
 */
export async function prepareAgentMetadata(
  db: Kysely<Database>,
  input: { interviewId: string; channel: 'phone' | 'web'; ttlS: number; rejoinGraceS?: number },
): Promise<string> {
  const backendToken = await issueAgentToken(db, input.interviewId, input.ttlS);
  const metadata: AgentJobMetadata = {
    interviewId: input.interviewId,
    backendToken,
    channel: input.channel,
    participantIdentity: CANDIDATE_IDENTITY,
    ...(input.channel === 'web' && input.rejoinGraceS !== undefined
      ? { rejoinGraceS: input.rejoinGraceS }
      : {}),
  };
  return JSON.stringify(metadata);
}

/** The candidate's identity in every room: opaque, the same for phone and web. */
export const CANDIDATE_IDENTITY = 'candidate';
