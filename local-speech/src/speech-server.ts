import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { EspeakSynthesiser } from './espeak-synthesiser.js';
import { parseMultipart, type FormPart } from './multipart.js';
import {
  OpenAiError,
  invalidParameter,
  sendError,
  sendJson,
  unknownModel,
} from './openai-error.js';
import {
  FILE_TRANSCRIPTION_MODELS,
  REALTIME_TRANSCRIPTION_MODELS,
  SPEECH_MODELS,
  VOICES,
  isModelOf,
} from './openai-models.js';
import { RealtimeTranscriptionSession } from './realtime-transcription.js';
import type { Recogniser } from './recogniser.js';
import { WavFormatError, decodeWav, wavHeader } from './wav.js';
import { ServerWebSocket, acceptWebSocket, rejectUpgrade } from './websocket.js';

/** OpenAI's `pcm` speech format: raw s16le mono at 24 kHz, no header. */
export const SPEECH_SAMPLE_RATE = 24_000;
const MAX_INPUT_CHARACTERS = 4_096;
const MAX_JSON_BYTES = 1 << 20;
/** OpenAI's limit for an uploaded audio file. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const MAX_REALTIME_EVENT_BYTES = 15 * 1024 * 1024;
const SPEECH_FIELDS = [
  'input',
  'model',
  'voice',
  'instructions',
  'response_format',
  'speed',
  'stream_format',
];
const TRANSCRIPTION_FIELDS = [
  'file',
  'model',
  'language',
  'languages',
  'prompt',
  'keywords',
  'response_format',
  'temperature',
  'timestamp_granularities[]',
  'include[]',
  'stream',
  'chunking_strategy',
];

export interface SpeechServerOptions {
  recogniser: Recogniser;
  synthesiser?: EspeakSynthesiser;
  /** When set, requests must carry exactly this bearer key; otherwise any non-empty key passes. */
  apiKey?: string;
  /** Words per minute at speed 1.0. */
  wordsPerMinute?: number;
  /** One line per request and per transcript, for the stack's log. */
  log?: (event: Record<string, unknown>) => void;
}

/**
 * An OpenAI-compatible speech server for the local stack (test and demo infrastructure):
 * `POST /v1/audio/speech` (eSpeak NG), `POST /v1/audio/transcriptions` and the realtime
 * transcription WebSocket `GET /v1/realtime?intent=transcription` (the recogniser given),
 * `GET /health`. Requests the real API would refuse are refused here the same way.
 */
export function createSpeechServer(options: SpeechServerOptions): Server {
  const synthesiser = options.synthesiser ?? new EspeakSynthesiser();
  const log = options.log ?? (() => undefined);
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      const refusal =
        error instanceof OpenAiError
          ? error
          : new OpenAiError(
              500,
              'The local speech server had an error while processing your request.',
            );
      if (!(error instanceof OpenAiError))
        log({ event: 'error', message: (error as Error).message });
      if (response.headersSent) response.destroy();
      else sendError(response, refusal);
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://local');
    if (request.method === 'GET' && url.pathname === '/health') {
      sendJson(response, 200, { status: 'ok', recogniser: options.recogniser.name });
      return;
    }
    authorise(request, options.apiKey);
    const route = `${request.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
    switch (route) {
      case 'POST /v1/audio/speech':
        await speak(request, response);
        return;
      case 'POST /v1/audio/transcriptions':
        await transcribe(request, response);
        return;
      case 'GET /v1/models':
        sendJson(response, 200, {
          object: 'list',
          data: [...SPEECH_MODELS, ...REALTIME_TRANSCRIPTION_MODELS].map((id) => ({
            id,
            object: 'model',
            created: 0,
            owned_by: 'local-speech',
          })),
        });
        return;
      default:
        throw new OpenAiError(404, `Invalid URL (${request.method ?? 'GET'} ${url.pathname})`);
    }
  };

  const speak = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readJson(request);
    for (const key of Object.keys(body)) {
      if (!SPEECH_FIELDS.includes(key))
        throw invalidParameter(key, `Unrecognized request argument supplied: ${key}`);
    }
    const {
      input,
      model,
      voice,
      response_format: format = 'mp3',
      speed = 1,
      stream_format: streamFormat = 'audio',
    } = body;
    if (typeof model !== 'string')
      throw invalidParameter(
        'model',
        "Missing required parameter: 'model'.",
        'missing_required_parameter',
      );
    if (!isModelOf(SPEECH_MODELS, model)) throw unknownModel(model);
    if (typeof input !== 'string' || input.trim() === '') {
      throw invalidParameter(
        'input',
        "Missing required parameter: 'input'.",
        'missing_required_parameter',
      );
    }
    if (input.length > MAX_INPUT_CHARACTERS) {
      throw invalidParameter(
        'input',
        `Invalid 'input': string too long. Expected a string with maximum length ${MAX_INPUT_CHARACTERS}, but got a string with length ${input.length} instead.`,
        'string_above_max_length',
      );
    }
    if (typeof voice !== 'string')
      throw invalidParameter(
        'voice',
        "Missing required parameter: 'voice'.",
        'missing_required_parameter',
      );
    const espeakVoice = VOICES[voice];
    if (espeakVoice === undefined) {
      throw invalidParameter(
        'voice',
        `Invalid value for 'voice' = ${voice}. Supported values are: ${Object.keys(VOICES)
          .map((v) => `'${v}'`)
          .join(', ')}.`,
        'invalid_value',
      );
    }
    if (typeof speed !== 'number' || !(speed >= 0.25 && speed <= 4)) {
      throw invalidParameter(
        'speed',
        `Invalid 'speed': expected a number from 0.25 to 4.0.`,
        'invalid_value',
      );
    }
    if (!['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'].includes(String(format))) {
      throw invalidParameter(
        'response_format',
        `Invalid value for 'response_format' = ${String(format)}. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav' and 'pcm'.`,
        'invalid_value',
      );
    }
    if (format !== 'pcm' && format !== 'wav') {
      throw invalidParameter(
        'response_format',
        `response_format '${String(format)}' is valid for OpenAI but this local server makes only 'pcm' (24 kHz s16le) and 'wav'.`,
        'unsupported_value',
      );
    }
    if (streamFormat !== 'audio') {
      throw invalidParameter(
        'stream_format',
        `stream_format '${String(streamFormat)}' is not served by this local server; use 'audio'.`,
        'unsupported_value',
      );
    }
    const started = performance.now();
    const abort = new AbortController();
    response.on('close', () => abort.abort());
    const synthesis = {
      text: input,
      voice: espeakVoice,
      wordsPerMinute: Math.min(450, Math.max(80, (options.wordsPerMinute ?? 165) * speed)),
      sampleRate: SPEECH_SAMPLE_RATE,
    };
    const isCached = synthesiser.isCached(synthesis);
    let firstByteMs: number | undefined;
    let bytes = 0;
    for await (const chunk of synthesiser.synthesise(synthesis, abort.signal)) {
      if (!response.headersSent) {
        // Headers wait for the first audio, so a failed synthesis can still answer an error.
        response.writeHead(200, {
          'content-type': format === 'pcm' ? 'audio/pcm' : 'audio/wav',
          'transfer-encoding': 'chunked',
        });
        if (format === 'wav') response.write(wavHeader(SPEECH_SAMPLE_RATE, 0xffffffff));
        firstByteMs = performance.now() - started;
      }
      bytes += chunk.length;
      response.write(chunk);
    }
    if (!response.headersSent) throw new OpenAiError(500, 'The synthesiser produced no audio.');
    response.end();
    log({
      event: 'speech',
      model,
      voice,
      characters: input.length,
      bytes,
      isCached,
      firstByteMs,
      totalMs: performance.now() - started,
    });
  };

  const transcribe = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
      throw new OpenAiError(400, 'Invalid Content-Type header (expected multipart/form-data).');
    }
    const parts = parseMultipart(await readBody(request, MAX_UPLOAD_BYTES), contentType);
    const field = (name: string): string | undefined =>
      parts.find((p) => p.name === name)?.data.toString('utf8');
    for (const part of parts) {
      if (!TRANSCRIPTION_FIELDS.includes(part.name))
        throw invalidParameter(part.name, `Unrecognized request argument supplied: ${part.name}`);
    }
    const file: FormPart | undefined = parts.find((p) => p.name === 'file');
    const model = field('model');
    if (model === undefined)
      throw invalidParameter(
        'model',
        "Missing required parameter: 'model'.",
        'missing_required_parameter',
      );
    if (file?.filename === undefined)
      throw invalidParameter(
        'file',
        "Missing required parameter: 'file'.",
        'missing_required_parameter',
      );
    if (
      isModelOf(REALTIME_TRANSCRIPTION_MODELS, model) &&
      !isModelOf(FILE_TRANSCRIPTION_MODELS, model)
    ) {
      throw invalidParameter(
        'model',
        `${model} is served only over the realtime API.`,
        'invalid_value',
      );
    }
    if (!isModelOf(FILE_TRANSCRIPTION_MODELS, model)) throw unknownModel(model);
    const format = field('response_format') ?? 'json';
    const isWhisper = model.startsWith('whisper-1');
    const formats = isWhisper ? ['json', 'text', 'srt', 'verbose_json', 'vtt'] : ['json', 'text'];
    if (!formats.includes(format)) {
      throw invalidParameter(
        'response_format',
        `response_format '${format}' is not compatible with model '${model}'. Use ${formats.map((f) => `'${f}'`).join(' or ')}.`,
        'unsupported_value',
      );
    }
    if (format !== 'json' && format !== 'text') {
      throw invalidParameter(
        'response_format',
        `response_format '${format}' is valid for OpenAI but this local server answers only 'json' and 'text'.`,
        'unsupported_value',
      );
    }
    const temperature = field('temperature');
    if (temperature !== undefined && !(Number(temperature) >= 0 && Number(temperature) <= 1)) {
      throw invalidParameter(
        'temperature',
        'temperature must be a number from 0 to 1.',
        'invalid_value',
      );
    }
    const language = field('language');
    if (language !== undefined && !/^[a-z]{2,3}$/.test(language)) {
      throw invalidParameter(
        'language',
        `Invalid language '${language}'. Language parameter must be specified in ISO-639-1 format.`,
        'invalid_language_format',
      );
    }
    if (
      !/\.(wav|wave)$/i.test(file.filename) &&
      !file.data.subarray(0, 4).equals(Buffer.from('RIFF'))
    ) {
      throw invalidParameter(
        'file',
        "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'] (this local server decodes wav only).",
        'invalid_value',
      );
    }
    let audio;
    try {
      audio = decodeWav(file.data);
    } catch (error) {
      if (!(error instanceof WavFormatError)) throw error;
      throw invalidParameter(
        'file',
        `Audio file might be corrupted or unsupported (${error.message}).`,
        'invalid_value',
      );
    }
    if (audio.samples.length < audio.sampleRate / 10) {
      throw invalidParameter(
        'file',
        'Audio file is too short. Minimum audio length is 0.1 seconds.',
        'audio_too_short',
      );
    }
    const started = performance.now();
    const text = await options.recogniser.transcribe(audio);
    const seconds = Math.round((audio.samples.length / audio.sampleRate) * 1000) / 1000;
    log({ event: 'transcription', model, seconds, recogniseMs: performance.now() - started });
    if (format === 'text') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${text}\n`);
      return;
    }
    sendJson(response, 200, { text, usage: { type: 'duration', seconds: Math.ceil(seconds) } });
  };

  // Upgraded sockets leave the HTTP server's books: closeAllConnections() ends them too.
  const upgraded = new Set<Duplex>();
  const closeHttpConnections = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    closeHttpConnections();
    for (const socket of upgraded) socket.destroy();
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const url = new URL(request.url ?? '/', 'http://local');
    try {
      if (url.pathname.replace(/\/+$/, '') !== '/v1/realtime') {
        throw new OpenAiError(404, `Invalid URL (GET ${url.pathname})`);
      }
      authorise(request, options.apiKey);
      if (url.searchParams.get('intent') !== 'transcription') {
        throw new OpenAiError(
          400,
          'This local server serves only realtime transcription sessions: connect with ?intent=transcription.',
          { param: 'intent' },
        );
      }
      const model = url.searchParams.get('model') ?? undefined;
      if (model !== undefined && !isModelOf(REALTIME_TRANSCRIPTION_MODELS, model))
        throw unknownModel(model);
      if (!acceptWebSocket(request, socket)) return;
      const webSocket = new ServerWebSocket(socket, head, MAX_REALTIME_EVENT_BYTES);
      log({ event: 'realtime_connected', model });
      new RealtimeTranscriptionSession(webSocket, {
        recogniser: options.recogniser,
        ...(model === undefined ? {} : { model }),
        onTranscript: (transcript) => log({ event: 'realtime_transcript', ...transcript }),
      });
    } catch (error) {
      const refusal = error instanceof OpenAiError ? error : new OpenAiError(500, 'internal error');
      rejectUpgrade(socket, refusal.status, refusal.body);
    }
  });
  return server;
}

/** OpenAI refuses a request without a bearer key with 401; so does this server. */
function authorise(request: IncomingMessage, apiKey: string | undefined): void {
  const header = request.headers.authorization ?? '';
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (key === undefined) {
    throw new OpenAiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  if (apiKey !== undefined && key !== apiKey) {
    throw new OpenAiError(401, 'Incorrect API key provided.', { code: 'invalid_api_key' });
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new OpenAiError(413, `Request body too large: the limit is ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new OpenAiError(400, 'Invalid Content-Type header (expected application/json).');
  }
  const text = (await readBody(request, MAX_JSON_BYTES)).toString('utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OpenAiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OpenAiError(400, 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}
