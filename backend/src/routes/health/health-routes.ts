import { ZHealth } from '@screenline/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export interface HealthRoutesOptions {
  mode: 'phone' | 'web' | 'simulated';
  database: 'embedded' | 'postgres';
  version: string;
}

/** `GET /api/health`: the mode, the database engine and the version, for people and probes. */
export const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, options) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness, mode and database engine',
        response: { 200: ZHealth },
      },
    },
    () => ({
      status: 'ok' as const,
      mode: options.mode,
      database: options.database,
      version: options.version,
    }),
  );
};
