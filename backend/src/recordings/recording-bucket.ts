import { DeleteObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Env } from '../env.js';

/** Where LiveKit egress writes call recordings (`RECORDING_*`), and where we read them back. */
export interface RecordingStorage {
  bucket: string;
  region: string;
  accessKey: string;
  secret: string;
  /** An S3-compatible endpoint (MinIO, R2...); empty for AWS. */
  endpoint?: string | undefined;
  /** Object key prefix, e.g. `recordings/`. */
  prefix: string;
}

/** The storage named by `RECORDING_*`, or undefined when recording is not configured. */
export function recordingStorageFromEnv(env: Env): RecordingStorage | undefined {
  const bucket = env.RECORDING_S3_BUCKET;
  const region = env.RECORDING_S3_REGION;
  const accessKey = env.RECORDING_S3_ACCESS_KEY;
  const secret = env.RECORDING_S3_SECRET;
  if (
    bucket === undefined ||
    region === undefined ||
    accessKey === undefined ||
    secret === undefined
  ) {
    return undefined;
  }
  return {
    bucket,
    region,
    accessKey,
    secret,
    endpoint: env.RECORDING_S3_ENDPOINT,
    prefix: env.RECORDING_PREFIX,
  };
}

/** How long a signed link to a recording works: long enough to listen, short enough to leak little. */
export const RECORDING_LINK_TTL_S = 10 * 60;

/**
 * The recordings bucket, as the backend uses it: short-lived signed links for the recruiter's
 * player (the browser fetches the audio straight from the bucket, with range requests, so it can
 * seek; the bucket itself stays private), and deletion when no audio may be kept (LAW-5).
 */
export class RecordingBucket {
  private readonly client: S3Client;

  constructor(
    private readonly storage: RecordingStorage,
    private readonly ttlS = RECORDING_LINK_TTL_S,
  ) {
    this.client = new S3Client({
      region: storage.region,
      credentials: { accessKeyId: storage.accessKey, secretAccessKey: storage.secret },
      ...(storage.endpoint === undefined
        ? {}
        : { endpoint: storage.endpoint, forcePathStyle: true }),
    });
  }

  /** A signed GET for the recording at `location`; undefined when it is not one of ours. */
  async signedUrl(location: string): Promise<string | undefined> {
    const key = objectKeyOf(location, this.storage);
    if (key === undefined) return undefined;
    const command = new GetObjectCommand({
      Bucket: this.storage.bucket,
      Key: key,
      ResponseContentType: 'audio/ogg',
    });
    return getSignedUrl(this.client, command, { expiresIn: this.ttlS });
  }

  /** Deletes the recording at `location`; false when it is not one of ours. Idempotent. */
  async delete(location: string): Promise<boolean> {
    const key = objectKeyOf(location, this.storage);
    if (key === undefined) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.storage.bucket, Key: key }));
    return true;
  }
}

/**
 * The object key in an egress file location: `s3://bucket/key`, a virtual-hosted URL
 * (`https://bucket.s3.region.amazonaws.com/key`), a path-style URL (`https://host/bucket/key`), or
 * a bare key. Only keys under our prefix in our bucket are ours to sign.
 */
export function objectKeyOf(
  location: string,
  storage: Pick<RecordingStorage, 'bucket' | 'prefix'>,
): string | undefined {
  const key = keyFromLocation(location.trim(), storage.bucket);
  if (key === undefined || key === '' || key.split('/').includes('..')) return undefined;
  return key.startsWith(storage.prefix) ? key : undefined;
}

function keyFromLocation(location: string, bucket: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location.replace(/^\/+/, '');
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return undefined;
  }
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  if (url.protocol === 's3:') return url.hostname === bucket ? path : undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.hostname === bucket || url.hostname.startsWith(`${bucket}.`)) return path;
  return path.startsWith(`${bucket}/`) ? path.slice(bucket.length + 1) : undefined;
}
