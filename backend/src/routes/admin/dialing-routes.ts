import { AppError, type Mode } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECRUITER_SECURITY, recruiterOf, type RecruiterAuth } from '../../auth/recruiter-auth.js';
import { DialingSwitch } from '../../db/repositories/dialing-switch.js';

export interface DialingRoutesOptions {
  db: object;
  auth: RecruiterAuth;
  mode: Mode;
  /** `DIALING_DISABLED`: paused by configuration, which the switch cannot undo. */
  isDisabledByConfig: boolean;
  /** Ends the calls still ringing when dialing is paused; answers how many it hung up. */
  hangUpRinging?: () => Promise<number>;
}

const ZDialingState = z.object({
  isPaused: z.boolean(),
  /** Where the pause comes from: the switch here, or the server's configuration. */
  pausedBy: z.enum(['switch', 'configuration']).nullable(),
  /** Only phone mode places real calls; elsewhere the switch is kept but changes nothing. */
  appliesToThisMode: z.boolean(),
  updatedAt: z.string().nullable(),
});

/** FR-6: an administrator pauses or resumes every dial, in every replica, at once. */
export const dialingRoutes: FastifyPluginAsyncZod<DialingRoutesOptions> = async (app, options) => {
  const dialingSwitch = new DialingSwitch(options.db);
  app.addHook('onRequest', options.auth.requireRecruiter);

  const describe = async () => {
    const state = await dialingSwitch.state();
    const pausedBy = options.isDisabledByConfig
      ? ('configuration' as const)
      : state.isPaused
        ? ('switch' as const)
        : null;
    return {
      isPaused: pausedBy !== null,
      pausedBy,
      appliesToThisMode: options.mode === 'phone',
      updatedAt: state.updatedAt,
    };
  };

  app.get(
    '/api/admin/dialing',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'Whether outbound calls are paused (the FR-6 kill switch)',
        security: RECRUITER_SECURITY,
        response: { 200: ZDialingState },
      },
    },
    describe,
  );

  app.put(
    '/api/admin/dialing',
    {
      schema: {
        tags: ['recruiter'],
        summary: 'Pauses or resumes every outbound call at once (admin)',
        security: RECRUITER_SECURITY,
        body: z.object({ isPaused: z.boolean() }).strict(),
        response: { 200: ZDialingState },
      },
    },
    async (request) => {
      const recruiter = recruiterOf(request);
      if (recruiter.role !== 'admin') {
        throw new AppError('FORBIDDEN', {
          message: 'Only an administrator can pause or resume calls.',
        });
      }
      await dialingSwitch.setPaused(request.body.isPaused, recruiter.id);
      const hungUp =
        request.body.isPaused && options.mode === 'phone'
          ? ((await options.hangUpRinging?.()) ?? 0)
          : 0;
      await options.auth.recordAudit(request, {
        action: 'dialing.changed',
        details: { isPaused: request.body.isPaused, hungUp },
      });
      request.log.warn({ isPaused: request.body.isPaused, hungUp }, 'dialing switch changed');
      return describe();
    },
  );
};
