#!/usr/bin/env node
// `npm start`: builds what is missing or out of date, then runs the compiled server.
// A fresh clone needs only `npm install && npm start`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, root } from './ensure-built.mjs';

if (!ensureBuilt()) {
  process.stderr.write('Screenline cannot start: the build failed (see above).\n');
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, 'backend/dist/server.js')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
