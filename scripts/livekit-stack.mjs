#!/usr/bin/env node
// `npm run livekit:up` / `npm run livekit:down`: LiveKit's own open-source server on this machine,
// inside a network namespace of its own (WebRTC and SIP clients skip loopback, and test media must
// never reach this machine's LAN address). Prints KEY=value lines for `npm start` and the agent.
//
//   up    installs what is missing, builds the pinned binaries once, starts Redis,
//         livekit-server and LiveKit's own API mock (cmd/test-server, for SIP answers the stack
//         cannot produce without livekit-sip) in the namespace, waits on their health, prints
//         the stack's settings
//         and the offline speech server (local-speech: espeak-ng and pocketsphinx behind an
//         OpenAI-compatible API, for the agent's SPEECH=openai), then prints the stack's settings
//   down  stops every process in the namespace and deletes it
//
// livekit-sip (the SIP bridge) is attempted at its pin; where the Go module proxy refuses it, the
// stack comes up without SIP and says so in one line (SIP_PORT is then empty).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stateDir = path.join(root, '.livekit');
const binDir = process.env.LIVEKIT_BIN_DIR ?? path.join(stateDir, 'bin');
const runDir = path.join(stateDir, 'run');
const envFile = path.join(runDir, 'stack.env');

const NETNS = 'screenline-lk';
const STACK_IP = '10.77.0.1';
/** The other end of the veth pair: the address a SIP phone (SIPp) listens on. */
const PHONE_IP = '10.77.0.2';
const LIVEKIT_PORT = 7880;
const REDIS_PORT = 6379;
const SIP_PORT = 5060;
const SIP_HEALTH_PORT = 8089;
/** LiveKit's own API mock (cmd/test-server): SIP failures with the real server's error mapping. */
const MOCK_PORT = 9999;
const API_KEY = 'devkey';
/** The offline speech server (local-speech), the agent's OPENAI_BASE_URL. */
const SPEECH_PORT = 8790;
const SPEECH_BASE_URL = `http://${STACK_IP}:${SPEECH_PORT}/v1`;
/** Where webhooks go: `npm start` in the namespace (3000) and the test app (3900). */
const WEBHOOK_PORTS = [3000, 3900];

const PINS = {
  server: { module: 'github.com/livekit/livekit-server/cmd/server', version: 'v1.13.5', cgo: '0' },
  sip: { module: 'github.com/livekit/sip/cmd/livekit-sip', version: 'v1.11.0', cgo: '1' },
  mock: {
    module: 'github.com/livekit/livekit-server/cmd/test-server',
    version: 'v1.13.5',
    cgo: '0',
  },
};
const DEBIAN_PACKAGES = {
  'pkg-config': 'pkg-config',
  'libopus-dev': 'libopus-dev',
  'libopusfile-dev': 'libopusfile-dev',
  'libsoxr-dev': 'libsoxr-dev',
  sipp: 'sip-tester',
  'redis-server': 'redis-server',
  // The offline speech server and the candidate's clips (local-speech).
  'espeak-ng': 'espeak-ng',
  pocketsphinx_continuous: 'pocketsphinx',
  'pocketsphinx en-us model': 'pocketsphinx-en-us',
  sox: 'sox',
};

function fail(line) {
  process.stderr.write(`livekit: ${line}\n`);
  process.exit(1);
}

function note(line) {
  process.stderr.write(`livekit: ${line}\n`);
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', ...options });
}

function isDebianInstalled(name) {
  const result = run('dpkg-query', ['-W', '-f=${Status}', name]);
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** Installs only the Debian packages that are missing. */
function installDebianPackages() {
  const missing = Object.values(DEBIAN_PACKAGES).filter((name) => !isDebianInstalled(name));
  if (missing.length === 0) return;
  note(`installing ${missing.join(' ')}`);
  if (run('apt-get', ['update', '-qq'], { stdio: 'inherit' }).status !== 0) {
    fail('apt-get update failed');
  }
  const install = run('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (install.status !== 0) fail(`apt-get install ${missing.join(' ')} failed`);
}

/** `go install` of a pinned binary into its own versioned folder, reused when already there. */
function ensureBinary(name, pin, fileName) {
  const dir = path.join(binDir, `${name}-${pin.version}`);
  const target = path.join(dir, fileName);
  if (fs.existsSync(target)) return { path: target };
  fs.mkdirSync(dir, { recursive: true });
  note(`building ${pin.module}@${pin.version} (once; later runs reuse it)`);
  const started = Date.now();
  const result = run('go', ['install', `${pin.module}@${pin.version}`], {
    env: { ...process.env, CGO_ENABLED: pin.cgo, GOBIN: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    const stderr = `${result.stderr}`;
    // The proxy's answer (e.g. "403 Forbidden") is what a person needs; the rest is its address.
    const status = /\b(\d{3} [A-Z][A-Za-z ]+)/.exec(stderr)?.[1];
    return {
      error:
        status === undefined
          ? stderr.trim().split('\n')[0]
          : `the Go module proxy answers ${status}`,
    };
  }
  const built = path.join(dir, path.basename(pin.module));
  if (built !== target) fs.renameSync(built, target);
  note(`built ${name} in ${Math.round((Date.now() - started) / 1000)} s`);
  return { path: target };
}

function hasNamespace() {
  return run('ip', ['netns', 'list'])
    .stdout.split('\n')
    .some((line) => line.split(' ')[0] === NETNS);
}

/** The namespace with a veth pair of its own: the stack on one end, the phone on the other. */
function createNamespace() {
  const steps = [
    ['netns', 'add', NETNS],
    ['-n', NETNS, 'link', 'set', 'lo', 'up'],
    ['-n', NETNS, 'link', 'add', 'lk-stack', 'type', 'veth', 'peer', 'name', 'lk-phone'],
    ['-n', NETNS, 'addr', 'add', `${STACK_IP}/24`, 'dev', 'lk-stack'],
    ['-n', NETNS, 'addr', 'add', `${PHONE_IP}/24`, 'dev', 'lk-phone'],
    ['-n', NETNS, 'link', 'set', 'lk-stack', 'up'],
    ['-n', NETNS, 'link', 'set', 'lk-phone', 'up'],
  ];
  for (const step of steps) {
    const result = run('ip', step);
    if (result.status !== 0) {
      // Never fall back to the host network: test media must not reach the LAN address.
      run('ip', ['netns', 'del', NETNS]);
      fail(`cannot create the network namespace (ip ${step.join(' ')}: ${result.stderr.trim()})`);
    }
  }
}

function stopNamespace() {
  if (!hasNamespace()) return;
  const pids = run('ip', ['netns', 'pids', NETNS]).stdout.split('\n').filter(Boolean);
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGTERM');
    } catch {
      // Already gone: that is what stopping wants.
    }
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && run('ip', ['netns', 'pids', NETNS]).stdout.trim() !== '') {
    spawnSync('sleep', ['0.2']);
  }
  for (const pid of run('ip', ['netns', 'pids', NETNS]).stdout.split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Exited between the listing and the kill.
    }
  }
  run('ip', ['netns', 'del', NETNS]);
}

/**
 * Starts a long-lived process inside the namespace, detached, its output in a log file. Its
 * command line is kept beside its pid: the suite stops and restarts the stack's Redis (a process
 * may rewrite its own title, so /proc cannot give it back).
 */
function startInNamespace(name, command, args) {
  fs.writeFileSync(path.join(runDir, `${name}.command.json`), JSON.stringify([command, ...args]));
  const log = fs.openSync(path.join(runDir, `${name}.log`), 'w');
  const child = spawn('ip', ['netns', 'exec', NETNS, command, ...args], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  fs.writeFileSync(path.join(runDir, `${name}.pid`), String(child.pid));
}

function writeConfigs(secret, hasSip) {
  const webhookUrls = WEBHOOK_PORTS.map(
    (port) => `"http://${STACK_IP}:${port}/api/livekit/webhook"`,
  );
  fs.writeFileSync(
    path.join(runDir, 'livekit.yaml'),
    [
      `port: ${LIVEKIT_PORT}`,
      `bind_addresses: [${STACK_IP}]`,
      'development: true',
      `keys: {${API_KEY}: ${secret}}`,
      `redis: {address: "${STACK_IP}:${REDIS_PORT}"}`,
      'rtc:',
      '  use_external_ip: false',
      `  node_ip: ${STACK_IP}`,
      '  udp_port: 7882',
      '  tcp_port: 7881',
      'room: {auto_create: true, empty_timeout: 30, departure_timeout: 5}',
      `webhook: {api_key: ${API_KEY}, urls: [${webhookUrls.join(', ')}]}`,
      'logging: {level: info}',
      '',
    ].join('\n'),
  );
  if (!hasSip) return;
  fs.writeFileSync(
    path.join(runDir, 'sip.yaml'),
    [
      `api_key: ${API_KEY}`,
      `api_secret: ${secret}`,
      `ws_url: ws://${STACK_IP}:${LIVEKIT_PORT}`,
      `redis: {address: "${STACK_IP}:${REDIS_PORT}"}`,
      `sip_port: ${SIP_PORT}`,
      `listen_ip: ${STACK_IP}`,
      `nat_1_to_1_ip: ${STACK_IP}`,
      'use_external_ip: false',
      'rtp_port: 10000-10100',
      'max_cpu_utilization: 1.0',
      `health_port: ${SIP_HEALTH_PORT}`,
      'media_timeout: 15s',
      'media_timeout_initial: 30s',
      'logging: {level: debug}',
      '',
    ].join('\n'),
  );
}

/** Runs a health probe inside the namespace (its addresses are not reachable from the host). */
function probeInNamespace(kind, port, urlPath = '/') {
  const script =
    kind === 'redis'
      ? `const s=require('net').connect(${port},'${STACK_IP}',()=>s.write('PING\\r\\n'));s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(1),1000)`
      : `fetch('http://${STACK_IP}:${port}${urlPath}',{signal:AbortSignal.timeout(1000)}).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))`;
  return run('ip', ['netns', 'exec', NETNS, process.execPath, '-e', script]).status === 0;
}

function waitHealthy(name, kind, port, timeoutMs, urlPath = '/') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (probeInNamespace(kind, port, urlPath)) return;
    spawnSync('sleep', ['0.3']);
  }
  // Both LiveKit binaries exit 0 on a configuration error: the log says why.
  const tail = fs
    .readFileSync(path.join(runDir, `${name}.log`), 'utf8')
    .trim()
    .split('\n')
    .slice(-3);
  fail(`${name} did not become healthy within ${timeoutMs / 1000} s: ${tail.join(' | ')}`);
}

function readStackEnv() {
  if (!fs.existsSync(envFile)) return undefined;
  return Object.fromEntries(
    fs
      .readFileSync(envFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function isRunning(stack) {
  return (
    stack !== undefined &&
    hasNamespace() &&
    probeInNamespace('redis', REDIS_PORT) &&
    probeInNamespace('http', LIVEKIT_PORT) &&
    probeInNamespace('http', MOCK_PORT) &&
    (stack.SIP_PORT === '' || probeInNamespace('http', SIP_HEALTH_PORT))
  );
}

/**
 * The offline speech server, started from this checkout's source (tsx, no build needed) when it
 * is not answering: a stack brought up before it existed gains it on the next `up`. Its
 * recogniser's expected speech is the demo personas' lines (local-speech/src/persona-lines.ts).
 */
function ensureSpeechServer() {
  if (probeInNamespace('http', SPEECH_PORT, '/health')) return;
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  if (!fs.existsSync(tsx)) fail('the speech server needs `npm ci` first (node_modules/tsx)');
  startInNamespace('local-speech', process.execPath, [
    tsx,
    '--conditions=source',
    path.join(root, 'local-speech/src/server.ts'),
    '--host',
    STACK_IP,
    '--port',
    String(SPEECH_PORT),
  ]);
  waitHealthy('local-speech', 'http', SPEECH_PORT, 60_000, '/health');
}

/** The settings file with the speech server's line added (a stack from before it lacks it). */
function withSpeechLine(text) {
  if (text.includes('OPENAI_BASE_URL=')) return text;
  const updated = `${text.trimEnd()}\nOPENAI_BASE_URL=${SPEECH_BASE_URL}\n`;
  fs.writeFileSync(envFile, updated, { mode: 0o600 });
  return updated;
}

function up() {
  if (process.getuid?.() !== 0) fail('needs root (ip netns, apt-get)');
  const existing = readStackEnv();
  if (isRunning(existing)) {
    installDebianPackages();
    ensureSpeechServer();
    process.stdout.write(withSpeechLine(fs.readFileSync(envFile, 'utf8')));
    return;
  }
  installDebianPackages();
  const server = ensureBinary('livekit-server', PINS.server, 'livekit-server');
  if (server.path === undefined) fail(`livekit-server ${PINS.server.version}: ${server.error}`);
  const mock = ensureBinary('livekit-test-server', PINS.mock, 'livekit-test-server');
  if (mock.path === undefined) fail(`livekit test-server ${PINS.mock.version}: ${mock.error}`);
  const sip = ensureBinary('livekit-sip', PINS.sip, 'livekit-sip');
  if (sip.path === undefined) {
    note(
      `livekit-sip ${PINS.sip.version} is not available here (${sip.error}); the stack runs without SIP, so phone mode cannot ring a phone`,
    );
  }

  stopNamespace();
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  createNamespace();
  const secret = randomBytes(24).toString('hex');
  writeConfigs(secret, sip.path !== undefined);

  startInNamespace('redis', 'redis-server', [
    '--bind',
    STACK_IP,
    '--port',
    String(REDIS_PORT),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    runDir,
    // The namespace is private to this machine; the address is not loopback, so say so.
    '--protected-mode',
    'no',
  ]);
  waitHealthy('redis', 'redis', REDIS_PORT, 10_000);
  startInNamespace('livekit-server', server.path, ['--config', path.join(runDir, 'livekit.yaml')]);
  waitHealthy('livekit-server', 'http', LIVEKIT_PORT, 30_000);
  startInNamespace('livekit-test-server', mock.path, [
    '--ports',
    String(MOCK_PORT),
    '--bind',
    STACK_IP,
    '--advertise-host',
    `http://${STACK_IP}`,
    '--api-secret',
    secret,
  ]);
  waitHealthy('livekit-test-server', 'http', MOCK_PORT, 10_000);
  if (sip.path !== undefined) {
    startInNamespace('livekit-sip', sip.path, ['--config', path.join(runDir, 'sip.yaml')]);
    waitHealthy('livekit-sip', 'http', SIP_HEALTH_PORT, 30_000);
  }
  ensureSpeechServer();

  const lines = [
    `NETNS=${NETNS}`,
    `STACK_IP=${STACK_IP}`,
    `PHONE_IP=${PHONE_IP}`,
    `LIVEKIT_URL=ws://${STACK_IP}:${LIVEKIT_PORT}`,
    `LIVEKIT_API_KEY=${API_KEY}`,
    `LIVEKIT_API_SECRET=${secret}`,
    `SIP_PORT=${sip.path === undefined ? '' : SIP_PORT}`,
    `LIVEKIT_MOCK_URL=http://${STACK_IP}:${MOCK_PORT}`,
    // The agent's SPEECH=openai endpoint (any OPENAI_API_KEY passes).
    `OPENAI_BASE_URL=${SPEECH_BASE_URL}`,
  ];
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  process.stdout.write(`${lines.join('\n')}\n`);
}

function down() {
  stopNamespace();
  fs.rmSync(runDir, { recursive: true, force: true });
  note('stopped');
}

const command = process.argv[2];
if (command === 'up') up();
else if (command === 'down') down();
else fail('usage: livekit-stack.mjs up|down');
