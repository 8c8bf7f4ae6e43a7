import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '@screenline/core';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built single-page app at `/` and answers every other non-API GET with its
 * index.html, so client-side routes survive a reload. Unknown `/api/*` paths stay JSON 404s.
 */
export async function registerFrontend(app: FastifyInstance, frontendDir: string): Promise<void> {
  const indexFile = path.join(frontendDir, 'index.html');
  const isBuilt = existsSync(indexFile);
  if (isBuilt) {
    await app.register(fastifyStatic, {
      root: frontendDir,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (res, filePath) => {
        // Vite fingerprints assets, so they can be cached for good; index.html never is.
        const isAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?', 1)[0] ?? '';
    if (pathname === '/api' || pathname.startsWith('/api/') || request.method !== 'GET') {
      throw new AppError('NOT_FOUND', {
        message: `There is no ${request.method} ${pathname}. The API is described at /api/docs.`,
      });
    }
    if (!isBuilt) {
      return reply
        .status(503)
        .type('text/plain')
        .send('The web app is not built yet. Run `npm run build` (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
