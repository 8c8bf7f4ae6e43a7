import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RECRUITER_SECURITY,
  SESSION_COOKIE,
  recruiterOf,
  type RecruiterAuth,
} from '../../auth/recruiter-auth.js';

export interface AuthRoutesOptions {
  auth: RecruiterAuth;
}

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
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { auth }) => {
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
