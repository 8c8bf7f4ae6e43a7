import { describe, expect, it } from 'vitest';
import {
  isPublicAddress,
  parseWebhookUrl,
  resolveWebhookAddresses,
  WebhookUrlError,
  type HostResolver,
} from './url-guard.js';
import { retryDelayMs } from './deliver-webhook.js';

const strict = { allowPrivate: false, requireHttps: false };
const production = { allowPrivate: false, requireHttps: true };

/** A resolver with fixed answers: these tests never ask real DNS. */
const stubResolver =
  (answers: Record<string, string[]>): HostResolver =>
  (hostname) =>
    Promise.resolve(
      (answers[hostname] ?? []).map((address) => ({
        address,
        family: address.includes(':') ? (6 as const) : (4 as const),
      })),
    );

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'accepts %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('parseWebhookUrl', () => {
  it.each([
    ['not a url', 'not a valid URL'],
    ['ftp://ats.example.com/hook', 'https://'],
    ['https://user:pass@ats.example.com/hook', 'user name or password'],
    ['http://127.0.0.1:8080/hook', 'private'],
    ['http://[::1]/hook', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'private'],
    ['http://[::ffff:127.0.0.1]/hook', 'private'],
    ['http://0x7f000001/hook', 'private'],
  ])('refuses %s', (url, message) => {
    expect(() => parseWebhookUrl(url, strict)).toThrow(message);
  });

  it('requires https in production, and accepts it', () => {
    expect(() => parseWebhookUrl('http://ats.example.com/hook', production)).toThrow(
      'must use https://',
    );
    expect(parseWebhookUrl('https://ats.example.com/hook', production).hostname).toBe(
      'ats.example.com',
    );
  });

  it('lets a private address through when WEBHOOK_ALLOW_PRIVATE_URLS is on', () => {
    expect(
      parseWebhookUrl('http://10.0.0.5/hook', { allowPrivate: true, requireHttps: false }).host,
    ).toBe('10.0.0.5');
  });
});

describe('resolveWebhookAddresses', () => {
  const resolver = stubResolver({
    'ats.example.com': ['93.184.216.34'],
    'internal.example.com': ['10.0.0.7'],
    'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
    'v6.example.com': ['2606:4700:4700::1111'],
  });

  it('answers the checked addresses of a public name', async () => {
    const addresses = await resolveWebhookAddresses(
      new URL('https://ats.example.com/hook'),
      strict,
      resolver,
    );
    expect(addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
  });

  it.each(['internal.example.com', 'mixed.example.com'])(
    'refuses %s, which resolves to a private address',
    async (host) => {
      await expect(
        resolveWebhookAddresses(new URL(`https://${host}/hook`), strict, resolver),
      ).rejects.toThrow(WebhookUrlError);
    },
  );

  it('refuses a name with no address', async () => {
    await expect(
      resolveWebhookAddresses(new URL('https://nowhere.example.com/'), strict, resolver),
    ).rejects.toThrow('no address');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at four hours', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 10_000))).toEqual([
      10_000, 20_000, 40_000, 80_000,
    ]);
    expect(retryDelayMs(17, 10_000)).toBe(4 * 60 * 60_000);
  });
});
