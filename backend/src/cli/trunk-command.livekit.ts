// `npx screenline trunk` against LiveKit's own server (`npm run test:livekit`): the real command,
// run as a user runs it, with the stack's settings in its environment.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const hasSip = (process.env.SIP_PORT ?? '') !== '';

function screenline(args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/screenline.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, SCREENLINE_CLI_SOURCE: '1', NODE_ENV: 'test', ...env },
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

describe('npx screenline trunk against the real livekit-server', () => {
  it('creates an outbound trunk (password from standard input), and check finds it usable', () => {
    const created = screenline(
      [
        'trunk',
        'create',
        '--address',
        '10.77.0.2:5070',
        '--numbers',
        '+15550000003',
        '--username',
        'screen',
      ],
      {},
      'a-trunk-password\n',
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^SIP_TRUNK_ID=ST_\w+$/);
    const trunkId = created.out.slice('SIP_TRUNK_ID='.length);
    const check = screenline(['trunk', 'check'], { SIP_TRUNK_ID: trunkId });
    expect(check.code).toBe(0);
    expect(check.out).toBe(
      `SIP_TRUNK_ID ${trunkId} is an outbound trunk to 10.77.0.2:5070 calling from +15550000003`,
    );
    expect(created.out + created.err + check.out).not.toContain('a-trunk-password');
  });

  it('check names a trunk that does not exist, in one line', () => {
    const check = screenline(['trunk', 'check'], { SIP_TRUNK_ID: 'ST_missing' });
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/^SIP_TRUNK_ID ST_missing does not exist on ws:\/\/.+: create one/);
  });

  it('refuses an address with sip: or parameters, and a number that is not E.164, before calling LiveKit', () => {
    const uri = screenline([
      'trunk',
      'create',
      '--address',
      'sip:carrier.example;transport=tcp',
      '--numbers',
      '+15550000004',
    ]);
    expect(uri.code).toBe(2);
    expect(uri.err).toMatch(/host or host:port/);
    const number = screenline([
      'trunk',
      'create',
      '--address',
      'carrier.example',
      '--numbers',
      '555-0100',
    ]);
    expect(number.code).toBe(2);
    expect(number.err).toMatch(/not an E\.164 number/);
  });

  it.runIf(!hasSip)(
    'check --call says the call did not connect when there is no SIP bridge',
    () => {
      const created = screenline([
        'trunk',
        'create',
        '--address',
        '10.77.0.2:5070',
        '--numbers',
        '+15550000005',
      ]);
      const trunkId = created.out.slice('SIP_TRUNK_ID='.length);
      const call = screenline(['trunk', 'check', '--call', '+12133734253'], {
        SIP_TRUNK_ID: trunkId,
      });
      expect(call.code).toBe(1);
      expect(call.out.split('\n')[1]).toBe('the call did not connect: livekit_error (livekit_503)');
    },
  );
});
