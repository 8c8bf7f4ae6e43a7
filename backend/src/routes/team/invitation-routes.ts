import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { InvitationsRepository } from '../../auth/invitations-repository.js';
import { hashPassword, MIN_ADMIN_PASSWORD_LENGTH } from '../../auth/password.js';
import type { RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { Database } from '../../db/schema.js';

export interface InvitationRoutesOptions {
  db: Kysely<Database>;
  auth: RecruiterAuth;
}

const ZToken = z.string().min(1).max(200);
const invalidLink = (): AppError =>
  new AppError('NOT_FOUND', {
    message:
      'This invitation link is not valid: it was used, withdrawn or has expired. Ask an administrator for a new one.',
  });

/** The invited person's side: see the invitation, then set a name and password. No session needed. */
export const invitationRoutes: FastifyPluginAsyncZod<InvitationRoutesOptions> = async (
  app,
  { db, auth },
) => {
  const invitations = new InvitationsRepository(db);

  app.post(
    '/api/auth/invitation',
    {
      schema: {
        tags: ['auth'],
        summary:
          'The address and role an invitation link is for (the token in the body, not the URL)',
        body: z.object({ token: ZToken }).strict(),
        response: { 200: z.object({ email: z.string(), role: z.enum(['admin', 'recruiter']) }) },
      },
    },
    async (request) => {
      const invitation = await invitations.findUsable(request.body.token);
      if (invitation === undefined) throw invalidLink();
      return { email: invitation.email, role: invitation.role };
    },
  );

  app.post(
    '/api/auth/invitation/accept',
    {
      schema: {
        tags: ['auth'],
        summary: 'Creates the invited account and signs it in; the link then stops working',
        body: z
          .object({
            token: ZToken,
            name: z.string().trim().min(1, 'Enter your name.').max(200),
            password: z
              .string()
              .min(
                MIN_ADMIN_PASSWORD_LENGTH,
                `Use a password of ${String(MIN_ADMIN_PASSWORD_LENGTH)} characters or more.`,
              )
              .max(1024),
          })
          .strict(),
        response: {
          201: z.object({
            user: z.object({
              id: z.string(),
              email: z.string(),
              name: z.string(),
              role: z.enum(['admin', 'recruiter']),
            }),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await invitations.accept(request.body.token, {
        name: request.body.name,
        passwordHash: await hashPassword(request.body.password),
      });
      if (!result.ok) {
        if (result.reason === 'email_taken') {
          throw new AppError('CONFLICT', {
            message: 'This address already has an account. Sign in instead.',
          });
        }
        throw invalidLink();
      }
      await auth.audit.record({
        action: 'team.joined',
        actorId: result.user.id,
        targetType: 'user',
        targetId: result.user.id,
        details: { role: result.user.role },
      });
      const token = await auth.sessions.create(result.user.id);
      auth.setSessionCookies(request, reply, token);
      return reply.status(201).send({ user: result.user });
    },
  );
};
