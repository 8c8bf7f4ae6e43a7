import { AppError } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../auth/audit-log.js';
import { InvitationsRepository } from '../../auth/invitations-repository.js';
import { RECRUITER_SECURITY, recruiterOf, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import type { Database } from '../../db/schema.js';
import { isUuid } from '../../db/repositories/jobs-repository.js';

export interface TeamRoutesOptions {
  db: Kysely<Database>;
  auth: RecruiterAuth;
  /** `PUBLIC_URL`: makes the invitation link absolute when it is set. */
  publicUrl?: string | undefined;
}

const ZRole = z.enum(['admin', 'recruiter'], { error: 'role must be admin or recruiter' });
const ZMember = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  createdAt: z.string(),
});
const ZInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: ZRole,
  createdAt: z.string(),
  expiresAt: z.string(),
});
const ZIdParams = z.object({ id: z.string().min(1).max(100) });

/** The path of an invitation link; the token rides in the fragment, which no server log sees. */
export function invitationPath(token: string): string {
  return `/dashboard/invite#token=${token}`;
}

/** Team accounts and the audit log: administrators only. */
export const teamRoutes: FastifyPluginAsyncZod<TeamRoutesOptions> = async (app, options) => {
  const { auth } = options;
  const invitations = new InvitationsRepository(options.db);
  app.addHook('onRequest', auth.requireAdmin);

  app.get(
    '/api/team',
    {
      schema: {
        tags: ['admin'],
        summary: 'Team members and invitations still open',
        security: RECRUITER_SECURITY,
        response: {
          200: z.object({ users: z.array(ZMember), invitations: z.array(ZInvitation) }),
        },
      },
    },
    async () => ({
      users: await auth.users.list(),
      invitations: await invitations.listPending(),
    }),
  );

  app.post(
    '/api/team/invitations',
    {
      schema: {
        tags: ['admin'],
        summary: 'Invites a team member: answers a one-time setup link to pass on (no mail sent)',
        security: RECRUITER_SECURITY,
        body: z
          .object({ email: z.email('Enter a valid email address.').max(320), role: ZRole })
          .strict(),
        response: {
          201: z.object({
            invitation: ZInvitation,
            setupPath: z.string(),
            setupUrl: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim();
      if ((await auth.users.findForSignIn(email)) !== undefined) {
        throw new AppError('CONFLICT', {
          message: 'This address already has an account. Change its role in the list instead.',
        });
      }
      const { invitation, token } = await invitations.create({
        email,
        role: request.body.role,
        invitedBy: recruiterOf(request).id,
      });
      await auth.recordAudit(request, {
        action: 'team.invited',
        targetType: 'invitation',
        targetId: invitation.id,
        details: { role: invitation.role },
      });
      const setupPath = invitationPath(token);
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        invitation,
        setupPath,
        setupUrl:
          options.publicUrl === undefined ? null : new URL(setupPath, options.publicUrl).toString(),
      });
    },
  );

  app.delete(
    '/api/team/invitations/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Withdraws an invitation: its link stops working',
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      if (!(await invitations.revoke(request.params.id))) {
        throw new AppError('NOT_FOUND', {
          message: 'This invitation does not exist, or it was already used or withdrawn.',
        });
      }
      await auth.recordAudit(request, {
        action: 'team.invitation_revoked',
        targetType: 'invitation',
        targetId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );

  const findMember = async (id: string) => {
    const member = isUuid(id) ? await auth.users.findById(id) : undefined;
    if (member === undefined) {
      throw new AppError('NOT_FOUND', { message: 'This team member does not exist.' });
    }
    return member;
  };
  /** A team always keeps an administrator: otherwise no one could manage it again. */
  const assertNotLastAdmin = async (member: { role: string }, action: string) => {
    if (member.role === 'admin' && (await auth.users.countAdmins()) <= 1) {
      throw new AppError('CONFLICT', {
        message: `You cannot ${action} the last administrator. Make someone else an administrator first.`,
      });
    }
  };

  app.patch(
    '/api/team/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: "Changes a team member's role (takes effect on their next request)",
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        body: z.object({ role: ZRole }).strict(),
        response: { 200: z.object({ user: ZMember.omit({ createdAt: true }) }) },
      },
    },
    async (request) => {
      const member = await findMember(request.params.id);
      if (member.role !== request.body.role) {
        await assertNotLastAdmin(member, 'demote');
      }
      const user = await auth.users.setRole(member.id, request.body.role);
      if (user === undefined)
        throw new AppError('NOT_FOUND', { message: 'This team member does not exist.' });
      await auth.recordAudit(request, {
        action: 'team.role_changed',
        targetType: 'user',
        targetId: member.id,
        details: { from: member.role, to: user.role },
      });
      return { user };
    },
  );

  app.delete(
    '/api/team/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Removes a team member: their sessions and API keys end at once',
        security: RECRUITER_SECURITY,
        params: ZIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const member = await findMember(request.params.id);
      if (member.id === recruiterOf(request).id) {
        throw new AppError('CONFLICT', {
          message: 'You cannot remove your own account. Ask another administrator.',
        });
      }
      await assertNotLastAdmin(member, 'remove');
      await auth.users.delete(member.id);
      await auth.recordAudit(request, {
        action: 'team.user_removed',
        targetType: 'user',
        targetId: member.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first: who did what, with ids only (no candidate data)',
        security: RECRUITER_SECURITY,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                id: z.string(),
                action: z.enum(AUDIT_ACTIONS).or(z.string()),
                actorId: z.string().nullable(),
                actorName: z.string().nullable(),
                apiKeyId: z.string().nullable(),
                targetType: z.string().nullable(),
                targetId: z.string().nullable(),
                details: z.record(z.string(), z.unknown()),
                createdAt: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      entries: await auth.audit.list({
        limit: request.query.limit,
        before: request.query.before === undefined ? undefined : new Date(request.query.before),
      }),
    }),
  );
};
