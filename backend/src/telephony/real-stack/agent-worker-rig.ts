// The real agent worker (agent/src/main.ts, production mode) as a child process of a real-stack
// test or bench, and a way to kill one of its job processes the way a crash would (SIGKILL: no
// shutdown callback, no leave), while the worker itself stays connected to LiveKit.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const run = promisify(execFile);

export interface AgentWorker {
  readonly process: ChildProcess;
  /** Everything the worker and its jobs printed so far. */
  log(): string;
  stop(): void;
}

export interface StartAgentWorkerOptions {
  agentName: string;
  backendUrl: string;
  livekit: { url: string; key: string; secret: string };
  /** The offline speech endpoint the stack runs (`OPENAI_BASE_URL`); the agent speaks through it. */
  speechBaseUrl: string;
  extraEnv?: Record<string, string>;
}

/** Starts the worker and waits for LiveKit to register it (a dispatch before that is dropped). */
export async function startAgentWorker(options: StartAgentWorkerOptions): Promise<AgentWorker> {
  const child = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['--conditions=source', path.join(root, 'agent/src/main.ts'), 'start'],
    {
      cwd: path.join(root, 'agent'),
      env: {
        ...process.env,
        LIVEKIT_URL: options.livekit.url,
        LIVEKIT_API_KEY: options.livekit.key,
        LIVEKIT_API_SECRET: options.livekit.secret,
        AGENT_NAME: options.agentName,
        BACKEND_URL: options.backendUrl,
        SPEECH: 'openai',
        OPENAI_BASE_URL: options.speechBaseUrl,
        OPENAI_API_KEY: 'local',
        // The suite's machine is busy (at 100% CPU a threshold of 1 is full): never full here.
        AGENT_LOAD_THRESHOLD: '1.5',
        AGENT_HTTP_PORT: '0',
        NODE_ENV: 'production',
        ...options.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so the job processes it forks stop with it.
      detached: true,
    },
  );
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const worker: AgentWorker = {
    process: child,
    log: () => output,
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone with its group.
        }
      }
    },
  };
  const deadline = Date.now() + 100_000;
  while (!output.includes('registered worker')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      worker.stop();
      throw new Error(`the agent worker did not register:\n${output.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return worker;
}

/** Every process below `pid` (children, their children...). */
async function descendantsOf(pid: number): Promise<number[]> {
  const { stdout } = await run('ps', ['-e', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const line of stdout.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number);
    if (child === undefined || parent === undefined || Number.isNaN(child)) continue;
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() ?? -1) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/**
 * The worker's job processes that hold a room connection now: forked job processes (idle ones
 * are prewarmed and hold none) with an established TCP connection to LiveKit's port.
 */
export async function busyJobProcesses(
  worker: AgentWorker,
  livekitPort: number,
): Promise<number[]> {
  const pid = worker.process.pid;
  if (pid === undefined) return [];
  const jobs: number[] = [];
  for (const candidate of await descendantsOf(pid)) {
    const cmdline = await readFile(`/proc/${candidate}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('job_proc_lazy_main')) jobs.push(candidate);
  }
  const { stdout } = await run('ss', [
    '-tnpH',
    'state',
    'established',
    `( dport = :${livekitPort} )`,
  ]);
  const connected = new Set([...stdout.matchAll(/pid=(\d+)/g)].map((match) => Number(match[1])));
  return jobs.filter((job) => connected.has(job));
}

/** Kills one job process as a crash would: no shutdown callback runs, the worker stays up. */
export function killJobProcess(pid: number): void {
  process.kill(pid, 'SIGKILL');
}
