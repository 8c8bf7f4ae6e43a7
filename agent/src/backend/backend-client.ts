import { backoffDelayMs } from './retry-policy.js';
import {
  AGENT_API,
  ZAgentContext,
  type AgentCallReport,
  type AgentContext,
  type AgentTurnReport,
} from '@screenline/core';
import { ReportOutbox, type Report } from './report-outbox.js';

export interface BackendClientOptions {
  baseUrl: string;
  interviewId: string;
  /** The per-interview token from the dispatch metadata. */
  token: string;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
  /** Told (without personal data) when the backend refused a report as invalid. */
  onRejected?: (path: string, status: number) => void;
  /**
   * Told (ids only) of each turn put in the outbox: with the saved turns, it shows whether a turn
   * the agent took in ever reached the transcript (the crash bench counts on it).
   */
  onTurnQueued?: (turn: Pick<AgentTurnReport, 'id' | 'speaker'>) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Talks to the backend's agent API: reads the context, streams reports that survive outages. */
export class BackendClient {
  private readonly fetchImpl: typeof fetch;
  private readonly outbox: ReportOutbox;
  private readonly timeoutMs: number;

  constructor(private readonly options: BackendClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.requestTimeoutMs ?? 5_000;
    this.outbox = new ReportOutbox({
      send: (report) => this.deliver(report),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    });
  }

  /** The plan, saved turns and engine state; retried while the backend is briefly away. */
  async fetchContext(attempts = 5): Promise<AgentContext> {
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      try {
        const response = await this.request('GET', AGENT_API.context(this.options.interviewId));
        if (response.ok) return ZAgentContext.parse(await response.json());
        if (response.status < 500 && response.status !== 429) {
          throw new BackendRefusedError(
            `the backend refused the context request (${response.status})`,
          );
        }
        lastError = new Error(`the backend answered ${response.status}`);
      } catch (error) {
        if (error instanceof BackendRefusedError) throw error;
        lastError = error;
      }
      // Full jitter (REL-2): agents re-dispatched together after an outage do not retry in step.
      await (this.options.sleep ?? defaultSleep)(
        backoffDelayMs(attempt + 1, { baseMs: 250, capMs: 4_000 }),
      );
    }
    throw new Error('the backend did not answer the context request', { cause: lastError });
  }

  reportTurn(turn: AgentTurnReport): void {
    this.outbox.enqueue({
      key: turn.id,
      path: AGENT_API.turns(this.options.interviewId),
      body: turn,
    });
    this.options.onTurnQueued?.({ id: turn.id, speaker: turn.speaker });
  }

  reportCall(event: AgentCallReport): void {
    this.outbox.enqueue({
      key: `event:${event.event}`,
      path: AGENT_API.events(this.options.interviewId),
      body: event,
    });
  }

  /** Waits for queued reports (at shutdown); false when some could not be delivered in time. */
  flush(timeoutMs: number): Promise<boolean> {
    return this.outbox.flush(timeoutMs);
  }

  get pendingReports(): number {
    return this.outbox.size;
  }

  private async deliver(report: Report): Promise<'delivered' | 'retry' | 'rejected'> {
    const response = await this.request('POST', report.path, report.body);
    if (response.ok) return 'delivered';
    // Timeouts, throttling and server errors pass; other client errors will not get better.
    if (response.status === 408 || response.status === 429 || response.status >= 500)
      return 'retry';
    this.options.onRejected?.(report.path, response.status);
    return 'rejected';
  }

  private request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.fetchImpl(new URL(path, this.options.baseUrl), {
      method,
      headers,
      signal: AbortSignal.timeout(this.timeoutMs),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

class BackendRefusedError extends Error {
  override name = 'BackendRefusedError';
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
