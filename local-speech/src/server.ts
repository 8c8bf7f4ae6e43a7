#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { RECOGNISER_NAMES, createRecogniser, isRecogniserName } from './create-recogniser.js';
import { createSpeechServer } from './speech-server.js';

const USAGE = `Usage: local-speech [--host 127.0.0.1] [--port 8790] [--recogniser ${RECOGNISER_NAMES.join('|')}]
                    [--corpus FILE]... [--api-key KEY] [--quiet]
An OpenAI-compatible speech endpoint for the local stack: point the agent at it with
SPEECH=openai OPENAI_BASE_URL=http://HOST:PORT/v1 OPENAI_API_KEY=<any, or --api-key>.`;

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '8790' },
    recogniser: { type: 'string', default: 'domain-lm' },
    corpus: { type: 'string', multiple: true, default: [] },
    'api-key': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535 || !isRecogniserName(values.recogniser)) {
  console.error(USAGE);
  process.exit(2);
}

const recogniser = await createRecogniser(values.recogniser, values.corpus);
await recogniser.prepare();
const server = createSpeechServer({
  recogniser,
  ...(values['api-key'] === undefined ? {} : { apiKey: values['api-key'] }),
  log: values.quiet
    ? () => undefined
    : (event) => console.log(JSON.stringify({ time: new Date().toISOString(), ...event })),
});
server.listen(port, values.host, () => {
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  // One line a starter can wait for and parse.
  console.log(
    JSON.stringify({
      event: 'listening',
      url: `http://${values.host}:${bound}/v1`,
      recogniser: recogniser.name,
    }),
  );
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void recogniser.close().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
