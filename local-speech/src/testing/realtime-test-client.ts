import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

/** The answer to an upgrade request: a socket on 101, the status and body otherwise. */
export type UpgradeResult =
  | { isAccepted: true; client: RealtimeTestClient }
  | { isAccepted: false; status: number; body: string };

/**
 * A bare WebSocket client for protocol tests (the plugin's own client hides refusals behind
 * retries): opens `/v1/realtime`, sends masked JSON events, collects the server's events.
 */
export class RealtimeTestClient {
  readonly events: Record<string, unknown>[] = [];
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #waiters: (() => void)[] = [];
  #isClosed = false;

  constructor(socket: Socket, head: Buffer) {
    this.#socket = socket;
    socket.on('data', (data: Buffer) => this.#onData(data));
    socket.on('close', () => {
      this.#isClosed = true;
      this.#wake();
    });
    if (head.length > 0) this.#onData(head);
  }

  get isClosed(): boolean {
    return this.#isClosed;
  }

  /** Opens a connection; `path` includes the query. */
  static connect(
    port: number,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<UpgradeResult> {
    return new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port,
        path,
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
          ...headers,
        },
      });
      req.on('upgrade', (_response, socket, head) => {
        resolve({ isAccepted: true, client: new RealtimeTestClient(socket, head) });
      });
      req.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            isAccepted: false,
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** Sends one event as a masked text frame. */
  send(event: unknown): void {
    this.sendRaw(Buffer.from(JSON.stringify(event)));
  }

  /** Sends bytes as one masked frame of the given opcode (1 text, 2 binary). */
  sendRaw(payload: Buffer, opcode = 1): void {
    const mask = randomBytes(4);
    const length = payload.length;
    const header =
      length < 126 ? Buffer.alloc(6) : length < 65_536 ? Buffer.alloc(8) : Buffer.alloc(14);
    header.writeUInt8(0x80 | opcode, 0);
    let offset = 2;
    if (length < 126) header.writeUInt8(0x80 | length, 1);
    else if (length < 65_536) {
      header.writeUInt8(0x80 | 126, 1);
      header.writeUInt16BE(length, 2);
      offset = 4;
    } else {
      header.writeUInt8(0x80 | 127, 1);
      header.writeBigUInt64BE(BigInt(length), 2);
      offset = 10;
    }
    mask.copy(header, offset);
    const masked = Buffer.from(payload);
    for (let i = 0; i < masked.length; i += 1)
      masked.writeUInt8(masked.readUInt8(i) ^ mask.readUInt8(i % 4), i);
    this.#socket.write(Buffer.concat([header, masked]));
  }

  /** Waits for the first event (from the start of the connection) that matches. */
  async waitFor(
    predicate: (event: Record<string, unknown>) => boolean,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found !== undefined) return found;
      if (this.#isClosed) throw new Error('connection closed before the event came');
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event in ${timeoutMs} ms: ${JSON.stringify(this.events.map((e) => e.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the event of this type. */
  waitForType(type: string, timeoutMs?: number): Promise<Record<string, unknown>> {
    return this.waitFor((event) => event.type === type, timeoutMs);
  }

  /** Waits until the server has closed the connection. */
  async waitForClose(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#isClosed) {
      if (Date.now() > deadline) throw new Error('the server did not close the connection');
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  close(): void {
    this.#socket.destroy();
  }

  #onData(data: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, data]);
    for (;;) {
      if (this.#buffer.length < 2) break;
      const opcode = this.#buffer.readUInt8(0) & 0x0f;
      let length = this.#buffer.readUInt8(1) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.#buffer.length < 4) break;
        length = this.#buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.#buffer.length < 10) break;
        length = Number(this.#buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.#buffer.length < offset + length) break;
      const payload = this.#buffer.subarray(offset, offset + length);
      this.#buffer = this.#buffer.subarray(offset + length);
      if (opcode === 1) {
        // When it arrived, for latency measurements.
        const event = JSON.parse(payload.toString()) as Record<string, unknown>;
        this.events.push({ ...event, receivedAt: performance.now() });
      }
      if (opcode === 8) this.#socket.end();
    }
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
