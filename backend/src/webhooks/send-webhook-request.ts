import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './url-guard.js';

export interface WebhookRequest {
  url: URL;
  /** The checked addresses of the URL's host: the socket connects to these and nothing else. */
  addresses: ResolvedAddress[];
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export type WebhookResponse = { ok: true; httpStatus: number } | { ok: false; error: string };

/** The most of a receiver's answer we read: its body is not used, only drained. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * A lookup that answers with the addresses checked beforehand, so the connection cannot be sent
 * elsewhere by a second DNS answer. Node asks for `all` when it races IPv4 and IPv6.
 */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
    const usable = addresses.filter((entry) => wanted === undefined || entry.family === wanted);
    const first = usable[0];
    if (first === undefined) {
      callback(Object.assign(new Error('no checked address'), { code: 'ENOTFOUND' }), '', 4);
      return;
    }
    if (options.all === true) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
      return;
    }
    callback(null, first.address, first.family);
  };
}

/** One POST to a receiver; never follows redirects (a redirect could lead anywhere). */
export function sendWebhookRequest(request: WebhookRequest): Promise<WebhookResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse): void => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    const outgoing = transport.request(
      request.url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(request.body)),
          'user-agent': 'Screenline-Webhooks/1',
        },
        lookup: pinnedLookup(request.addresses),
        // A fresh socket every time: a pooled one could outlive the address check.
        agent: false,
        timeout: request.timeoutMs,
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('end', () => finish({ ok: true, httpStatus: response.statusCode ?? 0 }));
        response.on('close', () => finish({ ok: true, httpStatus: response.statusCode ?? 0 }));
        response.on('error', () => finish({ ok: true, httpStatus: response.statusCode ?? 0 }));
      },
    );
    // `timeout` only bounds a silent socket; the deadline also stops a receiver that drips bytes.
    const onDeadline = (): void => {
      outgoing.destroy(new Error(`no answer within ${String(request.timeoutMs)} ms`));
    };
    outgoing.on('timeout', onDeadline);
    const deadline = setTimeout(onDeadline, request.timeoutMs);
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      finish({ ok: false, error: error.code ?? error.message });
    });
    outgoing.end(request.body);
  });
}
