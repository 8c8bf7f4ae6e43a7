import { randomBytes } from 'node:crypto';
import { DEFAULT_SERVER_VAD, EnergyVad, type ServerVadSettings } from './energy-vad.js';
import { REALTIME_TRANSCRIPTION_MODELS, isModelOf } from './openai-models.js';
import type { Recogniser } from './recogniser.js';
import type { ServerWebSocket } from './websocket.js';

/** The only input format of OpenAI's realtime API this server decodes: PCM16 mono at 24 kHz. */
export const REALTIME_SAMPLE_RATE = 24_000;
const MIN_COMMIT_MS = 100;

type TurnDetection = { type: 'server_vad'; settings: ServerVadSettings } | null;

/** A refusal sent as an `error` event, as the realtime API does; the connection stays open. */
class RealtimeRequestError extends Error {
  readonly code: string;
  readonly param: string | null;
  constructor(code: string, message: string, param: string | null = null) {
    super(message);
    this.code = code;
    this.param = param;
  }
}

export interface RealtimeTranscriptionOptions {
  recogniser: Recogniser;
  /** The model named on the URL (`?model=`), checked like the one in `session.update`. */
  model?: string;
  /** Called with each finished transcript, for the server's log. */
  onTranscript?: (event: {
    itemId: string;
    text: string;
    audioMs: number;
    recogniseMs: number;
  }) => void;
}

/**
 * One transcription session of OpenAI's realtime API over a WebSocket: `session.update`,
 * `input_audio_buffer.append|commit|clear` in; `session.created|updated`, `input_audio_buffer.
 * speech_started|speech_stopped|committed|cleared`, `conversation.item.input_audio_transcription.
 * delta|completed` and `error` out. Server VAD segments the audio; each segment is recognised in
 * order, so transcripts arrive in the order they were spoken.
 */
export class RealtimeTranscriptionSession {
  readonly #socket: ServerWebSocket;
  readonly #recogniser: Recogniser;
  readonly #onTranscript: RealtimeTranscriptionOptions['onTranscript'];
  readonly #abort = new AbortController();
  #model = 'gpt-4o-mini-transcribe';
  #language: string | null = null;
  #turnDetection: TurnDetection = { type: 'server_vad', settings: DEFAULT_SERVER_VAD };
  #vad = new EnergyVad(REALTIME_SAMPLE_RATE, DEFAULT_SERVER_VAD);
  /** Audio not yet committed, and the stream position (in samples) of its first sample. */
  #buffer: Int16Array[] = [];
  #bufferStart = 0;
  #bufferLength = 0;
  #speechItemId: string | undefined;
  #previousItemId: string | null = null;
  #recognitions: Promise<void> = Promise.resolve();

  constructor(socket: ServerWebSocket, options: RealtimeTranscriptionOptions) {
    this.#socket = socket;
    this.#recogniser = options.recogniser;
    this.#onTranscript = options.onTranscript;
    if (options.model !== undefined) this.#model = options.model;
    socket.on('message', (text) => this.#onMessage(text));
    socket.on('close', () => this.#abort.abort());
    this.#send('session.created', { session: this.#sessionView() });
  }

  #onMessage(text: string): void {
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch {
      this.#sendError(
        new RealtimeRequestError(
          'invalid_json',
          'The server could not parse the event: it is not valid JSON.',
        ),
      );
      return;
    }
    const clientEventId =
      isRecord(event) && typeof event.event_id === 'string' ? event.event_id : undefined;
    try {
      if (!isRecord(event) || typeof event.type !== 'string') {
        throw new RealtimeRequestError(
          'missing_required_parameter',
          "Missing required parameter: 'type'.",
          'type',
        );
      }
      switch (event.type) {
        case 'session.update':
          this.#updateSession(event.session);
          this.#send('session.updated', { session: this.#sessionView() });
          return;
        case 'input_audio_buffer.append':
          this.#append(event.audio);
          return;
        case 'input_audio_buffer.commit':
          this.#commitAll();
          return;
        case 'input_audio_buffer.clear':
          this.#clear();
          this.#send('input_audio_buffer.cleared', {});
          return;
        default:
          throw new RealtimeRequestError(
            'invalid_value',
            `Invalid value: '${event.type}'. This transcription session accepts session.update and input_audio_buffer.append, commit and clear.`,
            'type',
          );
      }
    } catch (error) {
      if (error instanceof RealtimeRequestError) this.#sendError(error, clientEventId);
      else throw error;
    }
  }

  #updateSession(session: unknown): void {
    if (!isRecord(session)) {
      throw new RealtimeRequestError(
        'missing_required_parameter',
        "Missing required parameter: 'session'.",
        'session',
      );
    }
    rejectUnknown(session, ['type', 'audio', 'include'], 'session');
    if (session.type !== 'transcription') {
      throw new RealtimeRequestError(
        'invalid_value',
        `Invalid value: '${String(session.type)}'. Supported values are: 'transcription' (this connection was opened with intent=transcription).`,
        'session.type',
      );
    }
    const audio = session.audio;
    if (audio === undefined) return;
    if (!isRecord(audio))
      throw new RealtimeRequestError(
        'invalid_type',
        'session.audio must be an object.',
        'session.audio',
      );
    rejectUnknown(audio, ['input'], 'session.audio');
    const input = audio.input;
    if (input === undefined) return;
    if (!isRecord(input))
      throw new RealtimeRequestError(
        'invalid_type',
        'session.audio.input must be an object.',
        'session.audio.input',
      );
    rejectUnknown(
      input,
      ['format', 'transcription', 'turn_detection', 'noise_reduction'],
      'session.audio.input',
    );
    if (input.format !== undefined) checkFormat(input.format);
    let model = this.#model;
    let language = this.#language;
    if (input.transcription !== undefined) {
      const transcription = input.transcription;
      if (!isRecord(transcription)) {
        throw new RealtimeRequestError(
          'invalid_type',
          'transcription must be an object.',
          'session.audio.input.transcription',
        );
      }
      rejectUnknown(
        transcription,
        ['model', 'language', 'languages', 'prompt', 'keywords'],
        'session.audio.input.transcription',
      );
      if (transcription.model !== undefined) {
        if (
          typeof transcription.model !== 'string' ||
          !isModelOf(REALTIME_TRANSCRIPTION_MODELS, transcription.model)
        ) {
          throw new RealtimeRequestError(
            'invalid_value',
            `Invalid value: ${JSON.stringify(transcription.model)}. Supported values are: ${REALTIME_TRANSCRIPTION_MODELS.map((m) => `'${m}'`).join(', ')}.`,
            'session.audio.input.transcription.model',
          );
        }
        model = transcription.model;
      }
      if (transcription.language !== undefined) {
        if (
          typeof transcription.language !== 'string' ||
          !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(transcription.language)
        ) {
          throw new RealtimeRequestError(
            'invalid_value',
            'language must be an ISO-639-1 code such as "en".',
            'session.audio.input.transcription.language',
          );
        }
        language = transcription.language;
      }
    }
    // gpt-realtime-whisper and gpt-live-transcribe have no server-side endpointing: the client's
    // own VAD commits (the plugin sends no turn_detection for them, and refuses one).
    const isCommittedByClient = isModelOf(CLIENT_COMMITTED_MODELS, model);
    if (
      isCommittedByClient &&
      input.turn_detection !== undefined &&
      input.turn_detection !== null
    ) {
      throw new RealtimeRequestError(
        'invalid_value',
        `Turn detection is not supported for ${model}; commit the buffer from the client.`,
        'session.audio.input.turn_detection',
      );
    }
    const turnDetection = isCommittedByClient
      ? null
      : input.turn_detection === undefined
        ? this.#turnDetection
        : parseTurnDetection(input.turn_detection);
    if (input.noise_reduction !== undefined && input.noise_reduction !== null) {
      const type = isRecord(input.noise_reduction) ? input.noise_reduction.type : undefined;
      if (type !== 'near_field' && type !== 'far_field') {
        throw new RealtimeRequestError(
          'invalid_value',
          "noise_reduction.type must be 'near_field' or 'far_field'.",
          'session.audio.input.noise_reduction.type',
        );
      }
    }
    // Only a valid update changes anything.
    this.#model = model;
    this.#language = language;
    const hasVadChanged = JSON.stringify(turnDetection) !== JSON.stringify(this.#turnDetection);
    this.#turnDetection = turnDetection;
    if (hasVadChanged) {
      this.#vad = new EnergyVad(
        REALTIME_SAMPLE_RATE,
        turnDetection?.settings ?? DEFAULT_SERVER_VAD,
      );
      this.#speechItemId = undefined;
    }
  }

  #append(audio: unknown): void {
    if (typeof audio !== 'string') {
      throw new RealtimeRequestError(
        'missing_required_parameter',
        "Missing required parameter: 'audio'.",
        'audio',
      );
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(audio) || audio.length % 4 !== 0) {
      throw new RealtimeRequestError('invalid_value', 'Invalid audio: not base64.', 'audio');
    }
    const bytes = Buffer.from(audio, 'base64');
    if (bytes.length % 2 !== 0) {
      throw new RealtimeRequestError(
        'invalid_value',
        'Invalid audio: PCM16 needs an even number of bytes.',
        'audio',
      );
    }
    const samples = new Int16Array(bytes.length / 2);
    for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(i * 2);
    const chunkStart = this.#bufferStart + this.#bufferLength;
    this.#buffer.push(samples);
    this.#bufferLength += samples.length;
    if (this.#turnDetection === null) return;
    const events = this.#vad.push(samples);
    for (const event of events) {
      const atSample = Math.round((event.atMs / 1000) * REALTIME_SAMPLE_RATE);
      if (event.type === 'speech_started') {
        const settings = this.#turnDetection.settings;
        const padded = Math.max(
          this.#bufferStart,
          atSample - msToSamples(settings.prefixPaddingMs),
        );
        this.#dropBefore(padded);
        this.#speechItemId = newId('item');
        this.#send('input_audio_buffer.speech_started', {
          audio_start_ms: samplesToMs(padded),
          item_id: this.#speechItemId,
        });
      } else if (this.#speechItemId !== undefined) {
        const itemId = this.#speechItemId;
        this.#speechItemId = undefined;
        this.#send('input_audio_buffer.speech_stopped', {
          audio_end_ms: event.atMs,
          item_id: itemId,
        });
        this.#commit(itemId);
      }
    }
    if (!this.#vad.isSpeaking) {
      // Between turns, keep only what a coming start may pad with.
      const keep = msToSamples(this.#turnDetection.settings.prefixPaddingMs + 100);
      this.#dropBefore(Math.max(this.#bufferStart, chunkStart + samples.length - keep));
    }
  }

  #commitAll(): void {
    if (samplesToMs(this.#bufferLength) < MIN_COMMIT_MS) {
      throw new RealtimeRequestError(
        'input_audio_buffer_commit_empty',
        `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${samplesToMs(this.#bufferLength).toFixed(2)}ms of audio.`,
      );
    }
    const itemId = this.#speechItemId ?? newId('item');
    this.#speechItemId = undefined;
    this.#commit(itemId);
  }

  /** Commits the whole buffer as one item and queues its recognition. */
  #commit(itemId: string): void {
    const audio = concat(this.#buffer, this.#bufferLength);
    this.#bufferStart += this.#bufferLength;
    this.#buffer = [];
    this.#bufferLength = 0;
    this.#send('input_audio_buffer.committed', {
      previous_item_id: this.#previousItemId,
      item_id: itemId,
    });
    this.#previousItemId = itemId;
    this.#recognitions = this.#recognitions.then(() => this.#recognise(itemId, audio));
  }

  async #recognise(itemId: string, samples: Int16Array): Promise<void> {
    const started = performance.now();
    let text: string;
    try {
      text = await this.#recogniser.transcribe(
        { sampleRate: REALTIME_SAMPLE_RATE, samples },
        this.#abort.signal,
      );
    } catch (error) {
      if (this.#abort.signal.aborted) return;
      this.#send('conversation.item.input_audio_transcription.failed', {
        item_id: itemId,
        content_index: 0,
        error: {
          type: 'transcription_error',
          code: 'recognition_failed',
          message: (error as Error).message,
          param: null,
        },
      });
      return;
    }
    const audioMs = samplesToMs(samples.length);
    const recogniseMs = performance.now() - started;
    this.#onTranscript?.({ itemId, text, audioMs, recogniseMs });
    if (text !== '') {
      this.#send('conversation.item.input_audio_transcription.delta', {
        item_id: itemId,
        content_index: 0,
        delta: text,
      });
    }
    this.#send('conversation.item.input_audio_transcription.completed', {
      item_id: itemId,
      content_index: 0,
      transcript: text,
      usage: { type: 'duration', seconds: Math.round(audioMs) / 1000 },
    });
  }

  #clear(): void {
    this.#bufferStart += this.#bufferLength;
    this.#buffer = [];
    this.#bufferLength = 0;
  }

  /** Forgets buffered audio before a stream position. */
  #dropBefore(position: number): void {
    let drop = position - this.#bufferStart;
    for (let first = this.#buffer[0]; drop > 0 && first !== undefined; first = this.#buffer[0]) {
      if (first.length <= drop) {
        this.#buffer.shift();
        drop -= first.length;
        this.#bufferStart += first.length;
        this.#bufferLength -= first.length;
      } else {
        this.#buffer[0] = first.subarray(drop);
        this.#bufferStart += drop;
        this.#bufferLength -= drop;
        drop = 0;
      }
    }
  }

  #sessionView(): Record<string, unknown> {
    const vad = this.#turnDetection;
    return {
      type: 'transcription',
      object: 'realtime.transcription_session',
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: REALTIME_SAMPLE_RATE },
          transcription: { model: this.#model, language: this.#language },
          turn_detection:
            vad === null
              ? null
              : {
                  type: 'server_vad',
                  threshold: vad.settings.threshold,
                  prefix_padding_ms: vad.settings.prefixPaddingMs,
                  silence_duration_ms: vad.settings.silenceDurationMs,
                },
          noise_reduction: null,
        },
      },
    };
  }

  #send(type: string, fields: Record<string, unknown>): void {
    this.#socket.send(JSON.stringify({ event_id: newId('event'), type, ...fields }));
  }

  #sendError(error: RealtimeRequestError, clientEventId?: string): void {
    this.#send('error', {
      error: {
        type: 'invalid_request_error',
        code: error.code,
        message: error.message,
        param: error.param,
        event_id: clientEventId ?? null,
      },
    });
  }
}

const CLIENT_COMMITTED_MODELS = ['gpt-realtime-whisper', 'gpt-live-transcribe'];

const SEMANTIC_SILENCE_MS: Partial<Record<string, number>> = {
  low: 1_500,
  medium: 800,
  auto: 800,
  high: 400,
};

function checkFormat(format: unknown): void {
  if (!isRecord(format))
    throw new RealtimeRequestError(
      'invalid_type',
      'format must be an object.',
      'session.audio.input.format',
    );
  rejectUnknown(format, ['type', 'rate'], 'session.audio.input.format');
  if (format.type === 'audio/pcmu' || format.type === 'audio/pcma') {
    throw new RealtimeRequestError(
      'unsupported_value',
      `${format.type} is valid for OpenAI but not served by this local server; send audio/pcm at 24000 Hz.`,
      'session.audio.input.format.type',
    );
  }
  if (format.type !== 'audio/pcm') {
    throw new RealtimeRequestError(
      'invalid_value',
      `Invalid value: '${String(format.type)}'. Supported values are: 'audio/pcm', 'audio/pcmu' and 'audio/pcma'.`,
      'session.audio.input.format.type',
    );
  }
  if (format.rate !== undefined && format.rate !== REALTIME_SAMPLE_RATE) {
    throw new RealtimeRequestError(
      'invalid_value',
      `Invalid value: ${JSON.stringify(format.rate)}. Supported values are: 24000.`,
      'session.audio.input.format.rate',
    );
  }
}

function parseTurnDetection(value: unknown): TurnDetection {
  if (value === null) return null;
  const param = 'session.audio.input.turn_detection';
  if (!isRecord(value))
    throw new RealtimeRequestError(
      'invalid_type',
      'turn_detection must be an object or null.',
      param,
    );
  if (value.type === 'semantic_vad') {
    rejectUnknown(value, ['type', 'eagerness', 'create_response', 'interrupt_response'], param);
    // Semantic VAD waits longer for an unfinished thought; its eagerness maps to a silence window.
    const eagerness = value.eagerness ?? 'auto';
    const silence = typeof eagerness === 'string' ? SEMANTIC_SILENCE_MS[eagerness] : undefined;
    if (silence === undefined)
      throw new RealtimeRequestError(
        'invalid_value',
        "eagerness must be 'low', 'medium', 'high' or 'auto'.",
        `${param}.eagerness`,
      );
    return { type: 'server_vad', settings: { ...DEFAULT_SERVER_VAD, silenceDurationMs: silence } };
  }
  if (value.type !== 'server_vad') {
    throw new RealtimeRequestError(
      'invalid_value',
      `Invalid value: '${String(value.type)}'. Supported values are: 'server_vad' and 'semantic_vad'.`,
      `${param}.type`,
    );
  }
  rejectUnknown(
    value,
    [
      'type',
      'threshold',
      'prefix_padding_ms',
      'silence_duration_ms',
      'create_response',
      'interrupt_response',
      'idle_timeout_ms',
    ],
    param,
  );
  const number = (key: string, fallback: number, min: number, max: number): number => {
    const raw = value[key];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min || raw > max) {
      throw new RealtimeRequestError(
        'invalid_value',
        `${key} must be a number from ${min} to ${max}.`,
        `${param}.${key}`,
      );
    }
    return raw;
  };
  return {
    type: 'server_vad',
    settings: {
      threshold: number('threshold', DEFAULT_SERVER_VAD.threshold, 0, 1),
      prefixPaddingMs: number('prefix_padding_ms', DEFAULT_SERVER_VAD.prefixPaddingMs, 0, 10_000),
      silenceDurationMs: number(
        'silence_duration_ms',
        DEFAULT_SERVER_VAD.silenceDurationMs,
        0,
        10_000,
      ),
    },
  };
}

function rejectUnknown(
  object: Record<string, unknown>,
  allowed: readonly string[],
  where: string,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new RealtimeRequestError(
        'unknown_parameter',
        `Unknown parameter: '${where}.${key}'.`,
        `${where}.${key}`,
      );
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function concat(chunks: Int16Array[], length: number): Int16Array {
  const out = new Int16Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function msToSamples(ms: number): number {
  return Math.round((ms / 1000) * REALTIME_SAMPLE_RATE);
}

function samplesToMs(samples: number): number {
  return (samples / REALTIME_SAMPLE_RATE) * 1000;
}

function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
