import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';

export interface SignedWebhook {
  body: string;
  headers: { 'content-type': string; authorization: string };
}

/**
 * Signs a webhook body the way LiveKit does: a JWT from the API key and secret whose `sha256` claim
 * is base64(SHA-256(body)), sent bare (no "Bearer") in `Authorization`.
 */
export async function signWebhook(
  body: string,
  apiKey: string,
  apiSecret: string,
  options: { ttl?: string | number } = {},
): Promise<SignedWebhook> {
  const token = new AccessToken(apiKey, apiSecret, { ttl: options.ttl ?? '5m' });
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return {
    body,
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
  };
}
