#!/usr/bin/env node
// `npm run test:livekit`: brings the local LiveKit stack up (or reuses it), then runs the
// real-LiveKit suite inside its network namespace with the stack's settings in the environment.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const up = spawnSync(process.execPath, [path.join(root, 'scripts/livekit-stack.mjs'), 'up'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (up.status !== 0) process.exit(up.status ?? 1);
const stack = Object.fromEntries(
  up.stdout
    .split('\n')
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(
  'ip',
  ['netns', 'exec', stack.NETNS, process.execPath, vitest, 'run', '-c', 'vitest.livekit.config.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ...stack } },
);
process.exit(run.status ?? 1);
