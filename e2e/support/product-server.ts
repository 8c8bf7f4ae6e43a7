import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProductServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far (the operator's terminal), over every run. */
  output(): string;
  /** Kills the server as a crash or an out-of-memory kill would (SIGKILL): no shutdown runs. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder, and waits until it is ready. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** The address the server binds; default loopback. */
  host?: string;
  /** A fixed port (the real stack sends its webhooks to one); default a free one. */
  port?: number;
}

/**
 * Runs the built product (`backend/dist/server.js`) with a fresh data folder. The browser opens it
 * on loopback whatever it binds: only there is an http page a secure context (the microphone).
 */
export async function startProductServer(
  env: Record<string, string> = {},
  listen: ListenOptions = {},
): Promise<ProductServer> {
  const serverFile = path.join(repositoryRoot, 'backend/dist/server.js');
  if (!existsSync(serverFile)) {
    throw new Error('The product is not built: run `npm run build` before the browser tests.');
  }
  const port = listen.port ?? (await findFreePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'screenline-e2e-'));
  let printed = '';
  const launch = async (): Promise<ChildProcess> => {
    const started = spawn(process.execPath, [serverFile], {
      cwd: repositoryRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        ...(listen.host === undefined ? {} : { HOST: listen.host }),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    await waitForReady(started);
    return started;
  };
  const end = async (child: ChildProcess, signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  let child = await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => printed,
    kill: () => end(child, 'SIGKILL'),
    restart: async () => {
      child = await launch();
    },
    stop: async () => {
      await end(child, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Screenline is ready')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}
