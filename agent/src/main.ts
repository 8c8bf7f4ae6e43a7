import { fileURLToPath } from 'node:url';
import { ServerOptions, cli, defineAgent, type JobProcess } from '@livekit/agents';
import * as silero from '@livekit/agents-plugin-silero';
import { config as loadDotenv } from 'dotenv';
import { AgentConfigError, parseAgentEnv, type AgentEnv } from './env.js';
import { runInterviewCall } from './run-interview-call.js';

loadDotenv({ quiet: true });

/** Reads configuration once; a missing LiveKit variable ends the process with one line. */
function loadEnv(): AgentEnv {
  try {
    return parseAgentEnv(process.env);
  } catch (error) {
    if (error instanceof AgentConfigError) {
      process.stderr.write(`Screenline agent cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const env = loadEnv();

export default defineAgent({
  prewarm: async (proc: JobProcess) => {
    // Silero ships inside the plugin package: nothing is downloaded.
    proc.userData.vad = await silero.VAD.load({ sampleRate: 16_000 });
  },
  entry: (ctx) => runInterviewCall(ctx, env),
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli.runApp(
    new ServerOptions({
      agent: fileURLToPath(import.meta.url),
      agentName: env.AGENT_NAME,
      wsURL: env.LIVEKIT_URL,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
      loadThreshold: env.AGENT_LOAD_THRESHOLD,
      // Above 1 (a shared test machine): report no load at all, or LiveKit's server, which sends
      // jobs only to workers under its own target load (0.7), refuses them when others hold the CPU.
      ...(env.AGENT_LOAD_THRESHOLD > 1 ? { loadFunc: () => Promise.resolve(0) } : {}),
      jobMemoryLimitMB: env.AGENT_JOB_MEMORY_LIMIT_MB,
      jobMemoryWarnMB: Math.floor(env.AGENT_JOB_MEMORY_LIMIT_MB / 2),
      initializeProcessTimeout: env.AGENT_PROCESS_START_TIMEOUT_S * 1_000,
      port: env.AGENT_HTTP_PORT,
    }),
  );
}
