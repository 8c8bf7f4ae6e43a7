#!/usr/bin/env node
// Builds the workspaces when an output is missing or older than a source; used by `npm start`
// and by the browser tests, so both work on a fresh clone after `npm install` alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['core/dist/index.js', 'backend/dist/server.js', 'frontend/dist/index.html'];
const sources = [
  'core/src',
  'backend/src',
  'frontend/src',
  'frontend/index.html',
  'frontend/public',
  'package-lock.json',
];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function isBuildCurrent() {
  const outputPaths = outputs.map((output) => path.join(root, output));
  if (!outputPaths.every((output) => existsSync(output))) return false;
  const oldestOutput = Math.min(...outputPaths.map((output) => statSync(output).mtimeMs));
  const newestSource = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
  return newestSource <= oldestOutput;
}

/** Runs `npm run build` unless the outputs are current; returns false when the build failed. */
export function ensureBuilt() {
  if (isBuildCurrent()) return true;
  process.stdout.write('Building Screenline (first start or sources changed)...\n');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  return build.status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && !ensureBuilt()) process.exit(1);
