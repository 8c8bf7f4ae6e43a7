// The real agent worker (agent/src/main.ts, production mode) as a child process of a real-stack
// test or bench, and a way to kill one of its job processes the way a crash would (SIGKILL: no
// shutdown callback, no leave), while the worker itself stays connected to LiveKit.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, sleep, waitFor, type StackSettings } from './stack-kit.js';

const run = promisify(execFile);

export interface AgentWorker {
  readonly process: ChildProcess;
  /** Everything the worker and its jobs printed so far (the agent logs no transcript text). */
  log(): string;
  /** SIGTERM to the worker's process group, then SIGKILL to whatever did not stop in 10 s. */
  stop(): Promise<void>;
}

export interface StartAgentWorkerOptions {
  stack: StackSettings;
  agentName: string;
  backendUrl: string;
  /** Settings a test needs on top (a longer silence timeout, a longer job start limit...). */
  extraEnv?: Record<string, string>;
}

/**
 * The production agent entry with the stack's offline speech and the scripted engine (no LLM on
 * the stack). Waits for LiveKit to register it: a dispatch made before that is dropped silently.
 */
export async function startAgentWorker(options: StartAgentWorkerOptions): Promise<AgentWorker> {
  const { stack } = options;
  const child = spawn(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
      '--conditions=source',
      path.join(REPO_ROOT, 'agent/src/main.ts'),
      'start',
    ],
    {
      cwd: path.join(REPO_ROOT, 'agent'),
      env: {
        ...process.env,
        LIVEKIT_URL: stack.livekitUrl,
        LIVEKIT_API_KEY: stack.apiKey,
        LIVEKIT_API_SECRET: stack.apiSecret,
        AGENT_NAME: options.agentName,
        BACKEND_URL: options.backendUrl,
        LLM_MODE: 'scripted',
        SPEECH: 'openai',
        OPENAI_BASE_URL: stack.speechBaseUrl,
        // local-speech takes any key; the OpenAI client insists on one.
        OPENAI_API_KEY: 'local-speech',
        // The machine is shared with other suites and often at 100% CPU, which at a threshold of 1
        // already counts as full: above 1 the worker reports no load and is never full.
        AGENT_LOAD_THRESHOLD: '1.5',
        // Any free port: more than one worker may run in the namespace, and 8081 would collide.
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
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A call, not a field read: the checks around an await must read it afresh.
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const stop = async (): Promise<void> => {
    if (child.pid === undefined || hasExited()) return;
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
    // The job processes are in its group: whatever did not stop on TERM stops now.
    if (!hasExited()) process.kill(-child.pid, 'SIGKILL');
  };
  const registered = await waitFor(
    () => Promise.resolve(output),
    (log) => log.includes('registered worker') || hasExited(),
    120_000,
    200,
  );
  if (!registered.includes('registered worker')) {
    await stop();
    throw new Error(`the agent worker did not register:\n${output.slice(-2000)}`);
  }
  return { process: child, log: () => output, stop };
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
