import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A strict stand-in for an S3-compatible bucket (path-style, as MinIO and R2 are used): it serves
 * and deletes objects only for requests whose AWS Signature Version 4 verifies (a presigned query
 * or an `Authorization` header), the way the real service checks it, refuses expired or altered
 * requests with S3's error codes, and honours single `Range` requests as an audio player sends them.
 */
export interface FakeS3 {
  endpoint: string;
  put(bucket: string, key: string, body: Buffer, contentType: string): void;
  has(bucket: string, key: string): boolean;
  /** Requests seen, with the status answered. */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

export interface FakeS3Options {
  accessKey: string;
  secret: string;
  region: string;
  now?: () => Date;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
}

export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const objects = new Map<string, StoredObject>();
  const requests: FakeS3['requests'] = [];
  const server: Server = createServer((request, response) => {
    const status = handle(options, objects, request, response);
    requests.push({ path: request.url ?? '', status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${String(port)}`,
    requests,
    put: (bucket, key, body, contentType) => objects.set(`${bucket}/${key}`, { body, contentType }),
    has: (bucket, key) => objects.has(`${bucket}/${key}`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function handle(
  options: FakeS3Options,
  objects: Map<string, StoredObject>,
  request: IncomingMessage,
  response: ServerResponse,
): number {
  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
  const method = request.method ?? 'GET';
  if (!['GET', 'HEAD', 'DELETE'].includes(method)) {
    return fail(response, 405, 'MethodNotAllowed', 'Only GET, HEAD and DELETE are served here.');
  }
  const signed =
    request.headers.authorization === undefined
      ? presignedRequest(request, url)
      : headerSignedRequest(request, url);
  const refusal = verify(options, request, url, signed);
  if (refusal !== undefined) return fail(response, 403, refusal.code, refusal.message);
  const objectPath = decodeURIComponent(url.pathname).replace(/^\//, '');
  if (method === 'DELETE') {
    // S3 answers 204 whether or not the key existed.
    objects.delete(objectPath);
    response.writeHead(204);
    response.end();
    return 204;
  }
  const stored = objects.get(objectPath);
  if (stored === undefined) return fail(response, 404, 'NoSuchKey', 'The key does not exist.');

  const contentType = url.searchParams.get('response-content-type') ?? stored.contentType;
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  const size = stored.body.length;
  if (range !== null) {
    const start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    const end =
      range[2] === '' || range[1] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
    if (start > end || start >= size) return fail(response, 416, 'InvalidRange', 'Bad range.');
    response.writeHead(206, {
      'content-type': contentType,
      'content-length': end - start + 1,
      'content-range': `bytes ${String(start)}-${String(end)}/${String(size)}`,
      'accept-ranges': 'bytes',
    });
    response.end(request.method === 'HEAD' ? undefined : stored.body.subarray(start, end + 1));
    return 206;
  }
  response.writeHead(200, {
    'content-type': contentType,
    'content-length': size,
    'accept-ranges': 'bytes',
  });
  response.end(request.method === 'HEAD' ? undefined : stored.body);
  return 200;
}

/** The parts of a SigV4 signature, from a presigned query or an `Authorization` header. */
interface SignedParts {
  credential: string;
  amzDate: string;
  signedHeaders: string;
  signature: string;
  /** Query parameters that are part of the canonical request. */
  query: [string, string][];
  payloadHash: string;
  /** Seconds the signature lives (presigned only). */
  expires?: number;
}

function presignedRequest(_request: IncomingMessage, url: URL): SignedParts | undefined {
  const query = url.searchParams;
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return undefined;
  return {
    credential: query.get('X-Amz-Credential') ?? '',
    amzDate: query.get('X-Amz-Date') ?? '',
    signedHeaders: query.get('X-Amz-SignedHeaders') ?? '',
    signature: query.get('X-Amz-Signature') ?? '',
    query: [...query.entries()].filter(([name]) => name !== 'X-Amz-Signature'),
    payloadHash: 'UNSIGNED-PAYLOAD',
    expires: Number(query.get('X-Amz-Expires')),
  };
}

function headerSignedRequest(request: IncomingMessage, url: URL): SignedParts | undefined {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
      request.headers.authorization ?? '',
    );
  const payloadHash = headerValue(request, 'x-amz-content-sha256');
  if (match === null || payloadHash === '') return undefined;
  return {
    credential: match[1] ?? '',
    signedHeaders: match[2] ?? '',
    signature: match[3] ?? '',
    amzDate: headerValue(request, 'x-amz-date'),
    query: [...url.searchParams.entries()],
    payloadHash,
  };
}

/** Checks a SigV4 signature; answers the refusal, or undefined when it verifies. */
function verify(
  options: FakeS3Options,
  request: IncomingMessage,
  url: URL,
  signed: SignedParts | undefined,
): { code: string; message: string } | undefined {
  if (signed === undefined || signed.signature === '') {
    return { code: 'AccessDenied', message: 'Anonymous access is forbidden.' };
  }
  const { amzDate, signedHeaders } = signed;
  const [accessKey, day, region, service, terminator] = signed.credential.split('/');
  if (accessKey !== options.accessKey) {
    return { code: 'InvalidAccessKeyId', message: 'The access key does not exist.' };
  }
  if (region !== options.region || service !== 's3' || terminator !== 'aws4_request') {
    return { code: 'AuthorizationQueryParametersError', message: 'Bad credential scope.' };
  }
  const issued = parseAmzDate(amzDate);
  if (issued === undefined || day !== amzDate.slice(0, 8)) {
    return { code: 'AuthorizationQueryParametersError', message: 'Bad X-Amz-Date.' };
  }
  const now = options.now?.() ?? new Date();
  if (signed.expires !== undefined) {
    if (!Number.isInteger(signed.expires) || signed.expires < 1 || signed.expires > 604_800) {
      return { code: 'AuthorizationQueryParametersError', message: 'Bad X-Amz-Expires.' };
    }
    if (now.getTime() > issued.getTime() + signed.expires * 1_000) {
      return { code: 'AccessDenied', message: 'Request has expired.' };
    }
  } else if (Math.abs(now.getTime() - issued.getTime()) > 15 * 60_000) {
    return { code: 'RequestTimeTooSkewed', message: 'The request time is too far from ours.' };
  }
  const headerNames = signedHeaders.split(';');
  if (!headerNames.includes('host')) {
    return { code: 'AuthorizationQueryParametersError', message: 'host must be signed.' };
  }
  const canonicalHeaders = headerNames
    .map((name) => `${name}:${headerValue(request, name).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalQuery = signed.query
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalRequest = [
    request.method ?? 'GET',
    url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    signed.payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = ['s3', 'aws4_request'].reduce(
    (key, part) => hmac(key, part),
    hmac(hmac(`AWS4${options.secret}`, day), region),
  );
  const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
  const given = Buffer.from(signed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return undefined;
}

function headerValue(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y ?? ''}-${mo ?? ''}-${d ?? ''}T${h ?? ''}:${mi ?? ''}:${s ?? ''}Z`);
}

function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

function fail(response: ServerResponse, status: number, code: string, message: string): number {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
  return status;
}
