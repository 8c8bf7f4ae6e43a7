import { z } from 'zod';
import { ZMode } from './config/mode.js';

/** `GET /api/health`: what a load balancer, a new user and the UI's mode badge read. */
export const ZHealth = z.object({
  status: z.literal('ok'),
  mode: ZMode,
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof ZHealth>;
