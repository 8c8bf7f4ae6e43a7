// `npm run demo:call [-- --persona NAME]`: one real screening call on this machine, to listen to.
// Runs inside the local stack's namespace (scripts/in-livekit-stack.mjs brings the stack up); the
// web leg only: the phone leg needs livekit-sip, which the stack runs only where it could be built.
// Progress goes to stderr; stdout gets KEY=value lines.
import { parseArgs } from 'node:util';
import { PERSONA_NAMES, isPersonaName } from '@screenline/core';
import { stackFromEnv } from './stack-kit.js';
import { runWebCall } from './web-call-rig.js';

const { values } = parseArgs({
  options: { persona: { type: 'string', default: 'qualified' } },
});
if (!isPersonaName(values.persona)) {
  process.stderr.write(`Unknown persona ${values.persona}: one of ${PERSONA_NAMES.join(', ')}\n`);
  process.exit(2);
}
const note = (line: string): void => {
  process.stderr.write(`demo:call: ${line}\n`);
};
if (process.env.SIP_PORT === '') {
  note(
    'the phone leg needs livekit-sip, which is not built on this machine; placing the web leg (the candidate joins from a WebRTC client, as from the browser)',
  );
}
note('about three minutes of speech follow');
const result = await runWebCall(stackFromEnv(), { persona: values.persona, onProgress: note });
const lines = [
  `INTERVIEW_ID=${result.interviewId}`,
  `INTERVIEW_STATUS=${result.status}`,
  // Both voices; heard.wav beside it is the agent's side alone, as the candidate heard it.
  `RECORDING=${result.callWav}`,
  `TRANSCRIPT=${result.transcriptFile}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
note(
  `${result.clipsPlayed} of ${result.clipCount} answers spoken; the scorecard is in the transcript file`,
);
process.exit(result.status === 'evaluated' ? 0 : 1);
