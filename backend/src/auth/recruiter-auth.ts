import { AppError } from '@screenline/core';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { readBearerToken } from '../lib/tokens.js';
import { API_KEY_PREFIX, ApiKeysRepository, type ApiKeyScope } from './api-keys-repository.js';
import { AuditLog, type AuditEntry } from './audit-log.js';
import { getDecoyHash, verifyPassword } from './password.js';
import { SessionStore } from './session-store.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { UsersRepository, type Recruiter } from './users-repository.js';

/** The HttpOnly cookie that carries the session token. */
export const SESSION_COOKIE = 'screenline_session';
/**
 * A readable cookie holding only "1": it tells the page that a session may exist, so a signed-out
 * visitor's page never asks /api/auth/me and never shows a 401 in the console. No secret in it.
 */
export const SIGNED_IN_HINT_COOKIE = 'screenline_signed_in';

export interface RecruiterAuthOptions {
  idleTimeoutS: number;
  maxAgeS: number;
  now?: () => Date;
}

export type SignInResult =
  | { ok: true; recruiter: Recruiter; token: string }
  | { ok: false; retryAfterS?: number; userId?: string };

const recruiters = new WeakMap<FastifyRequest, Recruiter>();
/** The API key a request came with, when it came with one (for logs and the audit trail). */
const apiKeyIds = new WeakMap<FastifyRequest, string>();

/**
 * Recruiter authentication: sign-in with throttling, sessions, and the `requireRecruiter` hook
 * that every recruiter route runs before anything else (so an anonymous caller learns nothing,
 * not even whether its body was valid).
 */
export class RecruiterAuth {
  readonly users: UsersRepository;
  readonly sessions: SessionStore;
  readonly throttle: SignInThrottle;
  readonly apiKeys: ApiKeysRepository;
  readonly audit: AuditLog;

  constructor(
    db: Kysely<Database>,
    private readonly options: RecruiterAuthOptions,
  ) {
    const now = options.now ?? (() => new Date());
    this.users = new UsersRepository(db);
    this.sessions = new SessionStore(
      db,
      { idleTimeoutMs: options.idleTimeoutS * 1000, maxAgeMs: options.maxAgeS * 1000 },
      now,
    );
    this.throttle = new SignInThrottle(db, undefined, now);
    this.apiKeys = new ApiKeysRepository(db, now);
    this.audit = new AuditLog(db);
  }

  /** Records what the caller of this request did (an API key's owner, with the key's id). */
  async recordAudit(
    request: FastifyRequest,
    entry: Omit<AuditEntry, 'actorId' | 'apiKeyId'>,
  ): Promise<void> {
    await this.audit.record({
      ...entry,
      actorId: recruiters.get(request)?.id ?? null,
      apiKeyId: apiKeyIds.get(request),
    });
  }

  /** Reserves an attempt, then checks the password; an unknown email and a wrong password look alike. */
  async signIn(email: string, password: string, ip: string): Promise<SignInResult> {
    const keys = SignInThrottle.keysFor(email, ip);
    // The attempt is counted before the password is checked, so parallel guesses cannot all pass.
    const attempt = await this.throttle.reserve(keys);
    if (!attempt.ok) return { ok: false, retryAfterS: attempt.retryAfterS };

    const user = await this.users.findForSignIn(email.trim());
    const isValid = await verifyPassword(password, user?.passwordHash ?? (await getDecoyHash()));
    if (user === undefined || !isValid) {
      await this.throttle.forgetExpired();
      return user === undefined ? { ok: false } : { ok: false, userId: user.id };
    }
    await this.throttle.release(attempt.attemptIds);
    await this.throttle.clearAccount(email);
    const token = await this.sessions.create(user.id);
    return {
      ok: true,
      token,
      recruiter: { id: user.id, email: user.email, name: user.name, role: user.role },
    };
  }

  /** The recruiter signed in on this request, if any (for routes open to candidates too). */
  async findRecruiter(request: FastifyRequest): Promise<Recruiter | undefined> {
    const known = recruiters.get(request);
    if (known !== undefined) return known;
    const recruiter = await this.sessions.resolve(request.cookies[SESSION_COOKIE]);
    if (recruiter !== undefined) recruiters.set(request, recruiter);
    return recruiter;
  }

  /** The signed-in recruiter, or a 401 the page can act on. */
  async assertRecruiter(request: FastifyRequest): Promise<Recruiter> {
    const recruiter = await this.findRecruiter(request);
    if (recruiter === undefined) {
      throw new AppError('UNAUTHORIZED', {
        message: 'Sign in as a recruiter to continue. Your session may have ended.',
      });
    }
    return recruiter;
  }

  /** An `onRequest` hook: 401 unless a recruiter is signed in. */
  readonly requireRecruiter: onRequestAsyncHookHandler = async (request) => {
    await this.assertRecruiter(request);
  };

  /** An `onRequest` hook: 401 without a session, 403 for a recruiter who is not an administrator. */
  readonly requireAdmin: onRequestAsyncHookHandler = async (request) => {
    const recruiter = await this.assertRecruiter(request);
    if (recruiter.role !== 'admin') {
      throw new AppError('FORBIDDEN', {
        message: 'Only an administrator can do this. Ask an administrator of your team.',
      });
    }
  };

  /**
   * An `onRequest` hook for the routes an integration may call: a session, or an
   * `Authorization: Bearer sk_...` key whose scope covers `scope`. A key acts as its owner but never
   * with an administrator's rights, whoever made it.
   */
  requireAccess(scope: ApiKeyScope): onRequestAsyncHookHandler {
    return async (request) => {
      const bearer = readBearerToken(request.headers.authorization);
      if (bearer?.startsWith(API_KEY_PREFIX) !== true) {
        await this.assertRecruiter(request);
        return;
      }
      const principal = await this.apiKeys.resolve(bearer);
      if (principal === undefined) {
        throw new AppError('UNAUTHORIZED', {
          message:
            'This API key is not valid or has been revoked. Ask an administrator for a new one.',
        });
      }
      if (scope === 'write' && principal.scope !== 'write') {
        throw new AppError('FORBIDDEN', {
          message:
            'This API key may only read. Decisions and notes need a key with the write scope.',
        });
      }
      recruiters.set(request, { ...principal.owner, role: 'recruiter' });
      apiKeyIds.set(request, principal.keyId);
    };
  }

  setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string): void {
    const secure = request.protocol === 'https';
    const maxAge = this.options.maxAgeS;
    void reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge,
    });
    void reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', {
      path: '/',
      sameSite: 'lax',
      secure,
      maxAge,
    });
  }

  clearSessionCookies(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(SIGNED_IN_HINT_COOKIE, { path: '/' });
  }
}

/** The recruiter a `requireRecruiter` hook let through; throws when used on an open route. */
export function recruiterOf(request: FastifyRequest): Recruiter {
  const recruiter = recruiters.get(request);
  if (recruiter === undefined) {
    throw new AppError('UNAUTHORIZED', { message: 'Sign in as a recruiter to continue.' });
  }
  return recruiter;
}

/** The id of the API key a request was made with, if it was made with one. */
export function apiKeyIdOf(request: FastifyRequest): string | undefined {
  return apiKeyIds.get(request);
}

/** Marks a route as recruiter-only in the OpenAPI document. */
export const RECRUITER_SECURITY = [{ recruiterSession: [] }];

/** A recruiter route an integration may also call with an API key. */
export const RECRUITER_OR_API_KEY_SECURITY = [{ recruiterSession: [] }, { apiKey: [] }];
