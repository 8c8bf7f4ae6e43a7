import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Canary values: if any of them shows up in the built files, a secret reached the browser. */
const CANARIES = {
  LIVEKIT_URL: 'wss://canary-livekit.example.com',
  LIVEKIT_API_KEY: 'APIcanaryKey0123',
  LIVEKIT_API_SECRET: 'canarySecretDoNotShip0123456789',
  SIP_TRUNK_ID: 'ST_canaryTrunk0123',
  ADMIN_PASSWORD: 'canary admin password 0123',
  DATABASE_URL: 'postgres://canary:canarypass@db.example.com:5432/x',
};

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

describe('LK-2: no LiveKit, SIP or account secret in the browser bundle', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'screenline-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the frontend with secrets in the environment and finds none of them in the output', () => {
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: path.join(repositoryRoot, 'frontend'),
      env: { ...process.env, ...CANARIES },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const files = listFiles(outDir);
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, value] of Object.entries(CANARIES)) {
        if (text.includes(value)) leaks.push(`${name} in ${path.basename(file)}`);
      }
      // Nor do the secret variables' names in the code that runs (source maps hold core's sources,
      // which name the variables without their values).
      if (file.endsWith('.map')) continue;
      for (const name of ['LIVEKIT_API_SECRET', 'SIP_TRUNK_ID', 'ADMIN_PASSWORD']) {
        if (text.includes(name)) leaks.push(`the name ${name} in ${path.basename(file)}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
