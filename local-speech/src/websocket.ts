import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface WebSocketEvents {
  message: [text: string];
  close: [code: number];
}

/**
 * The server side of RFC 6455, just what a JSON event protocol needs: text messages (fragmented or
 * not), ping/pong and the closing handshake; no extensions. Binary messages close with 1003.
 */
export class ServerWebSocket extends EventEmitter<WebSocketEvents> {
  readonly #socket: Duplex;
  readonly #maxMessageBytes: number;
  #buffer: Buffer = Buffer.alloc(0);
  #fragments: Buffer[] = [];
  #fragmentBytes = 0;
  #isClosed = false;

  constructor(socket: Duplex, head: Buffer, maxMessageBytes: number) {
    super();
    this.#socket = socket;
    this.#maxMessageBytes = maxMessageBytes;
    socket.on('data', (data: Buffer) => this.#onData(data));
    socket.on('close', () => this.#finish(1006));
    socket.on('error', () => this.#finish(1006));
    if (head.length > 0) this.#onData(head);
  }

  get isOpen(): boolean {
    return !this.#isClosed;
  }

  /** Sends one text message; a no-op once closed. */
  send(text: string): void {
    if (this.#isClosed) return;
    this.#socket.write(frame(OPCODE.text, Buffer.from(text, 'utf8')));
  }

  /** Starts the closing handshake and ends the connection. */
  close(code = 1000, reason = ''): void {
    if (this.#isClosed) return;
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    this.#socket.end(frame(OPCODE.close, payload));
    this.#finish(code);
  }

  #finish(code: number): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    this.emit('close', code);
  }

  #onData(data: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? data : Buffer.concat([this.#buffer, data]);
    while (!this.#isClosed) {
      const parsed = this.#readFrame();
      if (parsed === undefined) return;
    }
  }

  /** Reads one whole frame off the buffer; undefined when more bytes are needed. */
  #readFrame(): true | undefined {
    const buffer = this.#buffer;
    if (buffer.length < 2) return undefined;
    const first = buffer.readUInt8(0);
    const second = buffer.readUInt8(1);
    const isFinal = (first & 0x80) !== 0;
    const opcode = first & 0x0f;
    const isMasked = (second & 0x80) !== 0;
    let length = second & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) return undefined;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) return undefined;
      const big = buffer.readBigUInt64BE(2);
      if (big > BigInt(this.#maxMessageBytes)) {
        this.close(1009, 'message too big');
        return undefined;
      }
      length = Number(big);
      offset = 10;
    }
    if ((first & 0x70) !== 0 || !isMasked) {
      // Extensions were never negotiated, and RFC 6455 says client frames are always masked.
      this.close(1002, 'protocol error');
      return undefined;
    }
    if (length > this.#maxMessageBytes) {
      this.close(1009, 'message too big');
      return undefined;
    }
    if (buffer.length < offset + 4 + length) return undefined;
    const mask = buffer.subarray(offset, offset + 4);
    const payload = Buffer.from(buffer.subarray(offset + 4, offset + 4 + length));
    for (let i = 0; i < payload.length; i += 1)
      payload.writeUInt8(payload.readUInt8(i) ^ mask.readUInt8(i % 4), i);
    this.#buffer = buffer.subarray(offset + 4 + length);
    this.#onFrame(opcode, isFinal, payload);
    return true;
  }

  #onFrame(opcode: number, isFinal: boolean, payload: Buffer): void {
    switch (opcode) {
      case OPCODE.ping:
        this.#socket.write(frame(OPCODE.pong, payload));
        return;
      case OPCODE.pong:
        return;
      case OPCODE.close:
        this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
        return;
      case OPCODE.binary:
        this.close(1003, 'binary messages are not supported');
        return;
      case OPCODE.text:
      case OPCODE.continuation: {
        if (opcode === OPCODE.text && this.#fragments.length > 0) {
          this.close(1002, 'new message inside a fragmented one');
          return;
        }
        this.#fragments.push(payload);
        this.#fragmentBytes += payload.length;
        if (this.#fragmentBytes > this.#maxMessageBytes) {
          this.close(1009, 'message too big');
          return;
        }
        if (!isFinal) return;
        const text = Buffer.concat(this.#fragments).toString('utf8');
        this.#fragments = [];
        this.#fragmentBytes = 0;
        this.emit('message', text);
        return;
      }
      default:
        this.close(1002, 'unknown opcode');
    }
  }
}

/** Completes the opening handshake of an `upgrade` request; false (and a 400 written) when it is not one. */
export function acceptWebSocket(request: IncomingMessage, socket: Duplex): boolean {
  const key = request.headers['sec-websocket-key'];
  const isUpgrade = request.headers.upgrade?.toLowerCase() === 'websocket';
  if (!isUpgrade || typeof key !== 'string' || request.headers['sec-websocket-version'] !== '13') {
    rejectUpgrade(socket, 400, {
      error: {
        message: 'expected a WebSocket upgrade (version 13)',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    return false;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
  );
  return true;
}

/** Answers an upgrade request with an ordinary HTTP error and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}
