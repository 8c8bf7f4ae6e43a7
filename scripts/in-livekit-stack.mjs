#!/usr/bin/env node
// Runs a command inside the local LiveKit stack's network namespace with the stack's settings
// (LIVEKIT_URL, keys, STACK_IP...) in its environment, bringing the stack up first (or reusing
// it). `npm run test:livekit` and `npm run bench:dial` go through here.
//
//   node scripts/in-livekit-stack.mjs COMMAND [ARG...]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  process.stderr.write('usage: in-livekit-stack.mjs COMMAND [ARG...]\n');
  process.exit(2);
}
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
const run = spawnSync('ip', ['netns', 'exec', stack.NETNS, command, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...stack },
});
process.exit(run.status ?? 1);
