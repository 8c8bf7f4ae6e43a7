import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Builds the product when needed and checks that Chromium is there, before any browser test. */
export default function setup(): void {
  const build = spawnSync(
    process.execPath,
    [path.join(repositoryRoot, 'scripts/ensure-built.mjs')],
    {
      cwd: repositoryRoot,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('The product build failed; see the output above.');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium is not at ${chromium}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
}
