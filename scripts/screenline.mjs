#!/usr/bin/env node
// The `screenline` command (`npx screenline <command>`). Runs the compiled CLI when it is built and
// current, otherwise the TypeScript sources through tsx, so it works straight after `npm install`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isBuildCurrent, root } from './ensure-built.mjs';

const compiled = path.join(root, 'backend/dist/cli/main.js');
const source = path.join(root, 'backend/src/cli/main.ts');
// A stale build could lack a command or run old code: the sources are the truth until rebuilt.
const useSource =
  process.env.SCREENLINE_CLI_SOURCE === '1' || !existsSync(compiled) || !isBuildCurrent();
const [command, args] = useSource
  ? [path.join(root, 'node_modules/.bin/tsx'), ['--conditions=source', source]]
  : [process.execPath, [compiled]];

const child = spawn(command, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
