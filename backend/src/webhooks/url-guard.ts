import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '@screenline/core';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has; tests inject a stub, so no real DNS is asked. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const addresses = await lookup(hostname, { all: true, verbatim: true });
  return addresses.map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));
};

export interface WebhookUrlPolicy {
  /** `WEBHOOK_ALLOW_PRIVATE_URLS`: a self-hosted ATS on a private network. */
  allowPrivate: boolean;
  /** Production: a webhook carries candidate data, so it never travels in clear text. */
  requireHttps: boolean;
}

/** Thrown when a URL or the address it resolves to may not receive webhooks. */
export class WebhookUrlError extends Error {}

/**
 * Addresses a webhook must never reach unless private URLs are allowed: loopback, private,
 * link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, multicast, reserved
 * and documentation ranges, and IPv6's equivalents (NAT64 too: it can map to any IPv4 inside).
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:127.0.0.1` or `::ffff:7f00:1`). */
function mappedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted?.[1] !== undefined) return dotted[1];
  const hex = /^(?:0{0,4}:){0,5}:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex?.[1] === undefined || hex[2] === undefined) return undefined;
  const high = parseInt(hex[1], 16);
  const low = parseInt(hex[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** True when an IP address is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC.check(address, 'ipv4');
  if (family === 6) {
    const inner = mappedIpv4(address);
    if (inner !== undefined) return isPublicAddress(inner);
    return !NON_PUBLIC.check(address, 'ipv6');
  }
  return false;
}

/** The host of a URL without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Checks what can be checked without DNS: scheme, credentials, and a literal address. */
export function parseWebhookUrl(raw: string, policy: WebhookUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlError('The webhook URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookUrlError('The webhook URL must start with https://.');
  }
  if (policy.requireHttps && url.protocol !== 'https:') {
    throw new WebhookUrlError('The webhook URL must use https:// on this server.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebhookUrlError(
      'The webhook URL must not hold a user name or password; requests are signed instead.',
    );
  }
  const host = hostOf(url);
  if (isIP(host) !== 0 && !policy.allowPrivate && !isPublicAddress(host)) {
    throw new WebhookUrlError(privateMessage());
  }
  return url;
}

function privateMessage(): string {
  return (
    'The webhook URL points at a private, loopback or link-local address. Use a public address, ' +
    'or set WEBHOOK_ALLOW_PRIVATE_URLS=true for an ATS on your own network.'
  );
}

/**
 * Resolves the URL's host and checks every address it has (one private address is enough to
 * refuse: a resolver may pick any). The caller connects to the addresses returned, never
 * resolving again, so a name that changes between check and connect (DNS rebinding) gains nothing.
 */
export async function resolveWebhookAddresses(
  url: URL,
  policy: WebhookUrlPolicy,
  resolver: HostResolver,
): Promise<ResolvedAddress[]> {
  const host = hostOf(url);
  const literal = isIP(host);
  let addresses: ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolver(host);
    } catch {
      throw new WebhookUrlError(`The webhook host ${host} could not be found (DNS).`);
    }
    if (addresses.length === 0) {
      throw new WebhookUrlError(`The webhook host ${host} has no address (DNS).`);
    }
  }
  if (!policy.allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) {
    throw new WebhookUrlError(privateMessage());
  }
  return addresses;
}

/** The URL checks as a 400 the administrator can act on. */
export async function assertWebhookUrlAllowed(
  raw: string,
  policy: WebhookUrlPolicy,
  resolver: HostResolver,
): Promise<URL> {
  try {
    const url = parseWebhookUrl(raw, policy);
    await resolveWebhookAddresses(url, policy, resolver);
    return url;
  } catch (error) {
    if (error instanceof WebhookUrlError) {
      throw new AppError('VALIDATION_FAILED', { message: error.message });
    }
    throw error;
  }
}
