import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on loopback, as an ATS would run one: it records every request and answers
 * with the status its path asks for (`/status/500` answers 500; anything else 204).
 */
export interface WebhookReceiver {
  url(path: string): string;
  port: number;
  received: ReceivedWebhook[];
  /** Resolves once `count` requests matching `filter` have arrived. */
  waitFor(
    filter: (request: ReceivedWebhook) => boolean,
    count?: number,
  ): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = /^\/status\/(\d{3})/.exec(request.url ?? '')?.[1];
      response.statusCode = status === undefined ? 204 : Number(status);
      response.end();
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received,
    url: (path) => `http://127.0.0.1:${String(port)}${path}`,
    async waitFor(filter, count = 1) {
      for (;;) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
