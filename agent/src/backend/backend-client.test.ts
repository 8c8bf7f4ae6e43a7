import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendClient } from './backend-client.js';

interface Received {
  path: string;
  authorization: string | undefined;
  body: { id?: string };
}

/** A local stand-in for the backend's agent API that can fail on demand. */
async function startBackend(
  handle: (received: Received, response: ServerResponse) => void,
): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const entry = {
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body: raw === '' ? {} : (JSON.parse(raw) as { id?: string }),
      };
      received.push(entry);
      handle(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, received };
}

const noSleep = (): Promise<void> => Promise.resolve();
let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

describe('BackendClient against a flaky backend', () => {
  it('delivers every turn once the backend recovers from 503s, in order, with the token', async () => {
    let failuresLeft = 7;
    const backend = await startBackend((_received, response) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"recorded"}');
    });
    servers.push(backend.server);
    const client = new BackendClient({
      baseUrl: backend.url,
      interviewId: '7f1c1b9e-4f0a-4e43-9a55-2f4a1c0d9e11',
      token: 'agent-token-123456',
      sleep: noSleep,
    });
    for (let index = 1; index <= 20; index += 1) {
      client.reportTurn({
        id: `t${index}`,
        speaker: index % 2 ? 'agent' : 'candidate',
        text: `turn ${index}`,
      });
    }
    expect(await client.flush(5_000)).toBe(true);
    const delivered = backend.received.slice(7);
    expect(delivered.map((entry) => entry.body.id)).toEqual(
      Array.from({ length: 20 }, (_, index) => `t${index + 1}`),
    );
    expect(new Set(backend.received.map((entry) => entry.authorization))).toEqual(
      new Set(['Bearer agent-token-123456']),
    );
    expect(delivered[0]?.path).toBe(
      '/api/agent/interviews/7f1c1b9e-4f0a-4e43-9a55-2f4a1c0d9e11/turns',
    );
  });

  it('tells of each queued turn by id and speaker only, never its words', async () => {
    const backend = await startBackend((_received, response) => response.writeHead(200).end('{}'));
    servers.push(backend.server);
    const queued: unknown[] = [];
    const client = new BackendClient({
      baseUrl: backend.url,
      interviewId: '7f1c1b9e-4f0a-4e43-9a55-2f4a1c0d9e11',
      token: 'agent-token-123456',
      sleep: noSleep,
      onTurnQueued: (turn) => queued.push(turn),
    });
    client.reportTurn({ id: 'a', speaker: 'agent', text: 'Hello, is this Jordan?' });
    client.reportTurn({ id: 'b', speaker: 'candidate', text: 'Yes, speaking.' });
    expect(queued).toEqual([
      { id: 'a', speaker: 'agent' },
      { id: 'b', speaker: 'candidate' },
    ]);
    expect(await client.flush(5_000)).toBe(true);
  });

  it('keeps turns while nothing listens, and delivers them when the backend comes up', async () => {
    const probe = await startBackend((_received, response) => response.writeHead(200).end('{}'));
    const url = probe.url;
    const port = Number(new URL(url).port);
    await new Promise((resolve) => probe.server.close(resolve));

    const client = new BackendClient({
      baseUrl: url,
      interviewId: 'iv',
      token: 'agent-token-123456',
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20))),
    });
    client.reportTurn({ id: 'a', speaker: 'agent', text: 'Hello.' });
    client.reportTurn({ id: 'b', speaker: 'candidate', text: 'Hi.' });
    expect(await client.flush(150)).toBe(false);
    expect(client.pendingReports).toBe(2);

    const received: string[] = [];
    const revived = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        received.push((JSON.parse(raw) as { id: string }).id);
        response.writeHead(200).end('{}');
      });
    });
    await new Promise<void>((resolve) => revived.listen(port, '127.0.0.1', resolve));
    servers.push(revived);
    expect(await client.flush(5_000)).toBe(true);
    expect(received).toEqual(['a', 'b']);
  });

  it('drops a report the backend refuses as invalid and tells the caller', async () => {
    const backend = await startBackend((entry, response) => {
      response.writeHead(entry.body.id === 'bad' ? 400 : 200).end('{}');
    });
    servers.push(backend.server);
    const refused: number[] = [];
    const client = new BackendClient({
      baseUrl: backend.url,
      interviewId: 'iv',
      token: 'agent-token-123456',
      sleep: noSleep,
      onRejected: (_path, status) => refused.push(status),
    });
    client.reportTurn({ id: 'bad', speaker: 'agent', text: 'x' });
    client.reportTurn({ id: 'good', speaker: 'agent', text: 'y' });
    expect(await client.flush(2_000)).toBe(true);
    expect(refused).toEqual([400]);
    expect(backend.received.map((entry) => entry.body.id)).toEqual(['bad', 'good']);
  });

  it('reads the context and refuses to retry a 401', async () => {
    const backend = await startBackend((_entry, response) => response.writeHead(401).end('{}'));
    servers.push(backend.server);
    const client = new BackendClient({
      baseUrl: backend.url,
      interviewId: 'iv',
      token: 'agent-token-123456',
      sleep: noSleep,
    });
    await expect(client.fetchContext()).rejects.toThrow(/refused the context request \(401\)/);
    expect(backend.received).toHaveLength(1);
  });
});
