import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RECRUITER_SECURITY,
  SESSION_COOKIE,
  recruiterOf,
  type RecruiterAuth,
} from '../../auth/recruiter-auth.js';
import type { FirstRunSetup } from '../../auth/first-run-setup.js';
import { MIN_ADMIN_PASSWORD_LENGTH } from '../../auth/password.js';

export interface AuthRoutesOptions {
  auth: RecruiterAuth;
  setup: FirstRunSetup;
}

const ZSetupRequest = z
  .object({
    token: z.string().min(1).max(200),
    email: z.email('Enter a valid email address.').max(320),
    name: z.string().trim().min(1, 'Enter your name.').max(200),
    password: z
      .string()
      .min(
        MIN_ADMIN_PASSWORD_LENGTH,
        `Use a password of ${String(MIN_ADMIN_PASSWORD_LENGTH)} characters or more.`,
      )
      .max(1024),
  })
  .strict();

const ZRecruiter = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'recruiter']),
});

const ZSignInRequest = z
  .object({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1024),
  })
  .strict();

const ZErrorResponse = z.object({ code: z.string(), message: z.string() });

/** Recruiter sign-in, sign-out and the current account (WEB-1, WEB-2). */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (
  app,
  { auth, setup },
) => {
  app.get(
    '/api/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Whether this install still needs its first administrator (no secrets)',
        response: { 200: z.object({ isNeeded: z.boolean() }) },
      },
    },
    async () => ({ isNeeded: await setup.isPending() }),
  );

  app.post(
    '/api/auth/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Creates the first administrator with the one-time link printed at start-up',
        body: ZSetupRequest,
        response: { 201: z.object({ user: ZRecruiter }), 403: ZErrorResponse, 409: ZErrorResponse },
      },
    },
    async (request, reply) => {
      if (!(await setup.isPending())) {
        throw new AppError('CONFLICT', {
          message: 'This install already has an account. Sign in instead.',
        });
      }
      const user = await setup.createAdmin({ ...request.body, email: request.body.email.trim() });
      if (user === undefined) {
        throw new AppError('FORBIDDEN', {
          message:
            'This setup link is not valid. Use the link printed where the server was started.',
        });
      }
      const result = await auth.signIn(user.email, request.body.password, request.ip);
      if (result.ok) auth.setSessionCookies(request, reply, result.token);
      request.log.info({ userId: user.id }, 'first administrator created from the setup link');
      return reply.code(201).send({ user });
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: ZSignInRequest,
        response: { 200: z.object({ user: ZRecruiter }), 401: ZErrorResponse, 429: ZErrorResponse },
      },
    },
    async (request, reply) => {
      // Whatever session this browser had ends here: sign-in always starts a new session id.
      await auth.sessions.revoke(request.cookies[SESSION_COOKIE]);
      const result = await auth.signIn(request.body.email, request.body.password, request.ip);
      if (!result.ok) {
        // The account's id when the email matched one; never the address typed.
        await auth.audit.record({
          action: 'auth.sign_in_failed',
          actorId: result.userId ?? null,
          details: { isThrottled: result.retryAfterS !== undefined },
        });
        if (result.retryAfterS !== undefined) {
          const minutes = Math.max(1, Math.ceil(result.retryAfterS / 60));
          throw new AppError('RATE_LIMITED', {
            message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            retryAfterS: result.retryAfterS,
          });
        }
        throw new AppError('UNAUTHORIZED', { message: 'The email or password is incorrect.' });
      }
      auth.setSessionCookies(request, reply, result.token);
      await auth.audit.record({ action: 'auth.signed_in', actorId: result.recruiter.id });
      request.log.info({ userId: result.recruiter.id }, 'recruiter signed in');
      return { user: result.recruiter };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session on the server and clears the cookie',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.sessions.revoke(request.cookies[SESSION_COOKIE]);
      auth.clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: auth.requireRecruiter,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in recruiter',
        security: RECRUITER_SECURITY,
        response: { 200: z.object({ user: ZRecruiter }) },
      },
    },
    async (request) => ({ user: recruiterOf(request) }),
  );
};
