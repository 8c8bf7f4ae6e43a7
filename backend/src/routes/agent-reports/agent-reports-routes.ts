import { AppError, ZAgentCallReport, ZAgentContext, ZAgentTurnReport } from '@screenline/core';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readBearerToken } from '../../lib/tokens.js';
import type { AgentReports } from '../../services/agent-reports.js';

export interface AgentReportsRoutesOptions {
  reports: AgentReports;
}

const ZParams = z.object({ id: z.uuid() });
const ZResult = z.object({ result: z.string() });

/**
 * The agent's internal API (not for browsers): call facts and each turn as it happens, authorised
 * by the per-interview token from the dispatch metadata.
 */
export const agentReportsRoutes: FastifyPluginAsync<AgentReportsRoutesOptions> = async (
  plainApp,
  options,
) => {
  const app = plainApp.withTypeProvider<ZodTypeProvider>();
  const { reports } = options;

  app.addHook('preHandler', async (request) => {
    const params = ZParams.safeParse(request.params);
    const token = readBearerToken(request.headers.authorization);
    if (!params.success || !(await reports.isAuthorized(params.data.id, token))) {
      throw new AppError('UNAUTHORIZED', {
        message: 'A valid agent token for this interview is required.',
      });
    }
  });

  app.get(
    '/api/agent/interviews/:id/context',
    {
      schema: {
        description: 'Agent: the plan, the saved turns and the engine state to resume from.',
        tags: ['agent'],
        params: ZParams,
        response: { 200: ZAgentContext },
      },
    },
    async (request) => reports.context(request.params.id),
  );

  app.post(
    '/api/agent/interviews/:id/events',
    {
      schema: {
        description: 'Agent: the candidate answered, voicemail, or the call ended (and why).',
        tags: ['agent'],
        params: ZParams,
        body: ZAgentCallReport,
        response: { 200: ZResult },
      },
    },
    async (request) => {
      const recorded = await reports.onCallReport(request.params.id, request.body);
      return { result: recorded.result };
    },
  );

  app.post(
    '/api/agent/interviews/:id/turns',
    {
      schema: {
        description: 'Agent: one transcript turn with its latency; idempotent by turn id.',
        tags: ['agent'],
        params: ZParams,
        body: ZAgentTurnReport,
        response: { 200: ZResult },
      },
    },
    async (request) => {
      const stored = await reports.recordTurn(request.params.id, request.body);
      return { result: stored ? 'stored' : 'duplicate' };
    },
  );
};
