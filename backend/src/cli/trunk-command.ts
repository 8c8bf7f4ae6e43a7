import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadDotenvFiles, parseEnv } from '../env.js';
import {
  checkTrunk,
  createOutboundTrunk,
  outboundTrunkProblem,
  placeTestCall,
  type LiveKitAccess,
} from '../telephony/sip-trunks.js';
import type { CliCommand } from './commands.js';

/**
 * `screenline trunk create|check`: the outbound SIP trunk phone mode dials through. The trunk
 * password comes from SIP_TRUNK_PASSWORD or standard input, never the command line, where other
 * users of the machine could read it.
 */
export const trunkCommand: CliCommand = {
  name: 'trunk',
  usage:
    'trunk create --address HOST[:PORT] --numbers +1... [--username NAME] | check [--call +1...]',
  summary: 'Create or check the LiveKit outbound SIP trunk (SIP_TRUNK_ID)',
  run: async (args) => {
    const [action, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: {
        address: { type: 'string' },
        numbers: { type: 'string' },
        username: { type: 'string' },
        name: { type: 'string' },
        call: { type: 'string' },
      },
      strict: true,
    });
    loadDotenvFiles();
    const env = parseEnv(process.env);
    if (
      env.LIVEKIT_URL === undefined ||
      env.LIVEKIT_API_KEY === undefined ||
      env.LIVEKIT_API_SECRET === undefined
    ) {
      process.stderr.write(
        'trunk: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET first (simulated mode has no trunk)\n',
      );
      return 2;
    }
    const access: LiveKitAccess = {
      url: env.LIVEKIT_URL,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
    };
    if (action === 'create') {
      const password =
        values.username === undefined
          ? undefined
          : (process.env.SIP_TRUNK_PASSWORD ?? (await readLine()));
      const trunk = {
        address: values.address ?? '',
        numbers: (values.numbers ?? '')
          .split(',')
          .map((number) => number.trim())
          .filter(Boolean),
        username: values.username,
        password: password === '' ? undefined : password,
        name: values.name,
      };
      const problem = outboundTrunkProblem(trunk);
      if (problem !== undefined) {
        process.stderr.write(`trunk create: ${problem}\n`);
        return 2;
      }
      process.stdout.write(`SIP_TRUNK_ID=${await createOutboundTrunk(access, trunk)}\n`);
      return 0;
    }
    if (action === 'check') {
      if (env.SIP_TRUNK_ID === undefined) {
        process.stdout.write('SIP_TRUNK_ID is not set: web mode (create one with trunk create)\n');
        return 1;
      }
      const check = await checkTrunk(access, env.SIP_TRUNK_ID);
      process.stdout.write(`${check.line}\n`);
      if (!check.isUsable || values.call === undefined) return check.isUsable ? 0 : 1;
      const call = await placeTestCall(access, env.SIP_TRUNK_ID, values.call);
      process.stdout.write(`${call.line}\n`);
      return call.isUsable ? 0 : 1;
    }
    process.stderr.write(`Usage: screenline ${trunkCommand.usage}\n`);
    return 2;
  },
};

/** One line of standard input (the trunk password, piped or typed). */
async function readLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  return '';
}
