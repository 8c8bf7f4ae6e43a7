import {
  InterviewEngine,
  ZEngineState,
  type AgentContext,
  type AgentTurnReport,
  type EndReason,
  type EngineOutput,
  type InterviewPlan,
  type Responder,
  type TurnLatency,
} from '@screenline/core';

/** Where the driver sends what happens; the BackendClient in production, a recorder in tests. */
export interface DriverReports {
  reportTurn(turn: AgentTurnReport): void;
  reportCall(
    event: { event: 'answered' } | { event: 'voicemail' } | { event: 'ended'; reason: string },
  ): void;
}

/** The next thing to say, and whether the call ends after it. */
export interface DriverReply {
  utterance: string | null;
  endReason: EndReason | null;
}

export interface InterviewDriverOptions {
  context: AgentContext;
  reports: DriverReports;
  responder?: Responder;
  now?: () => number;
}

/**
 * Runs the interview engine for one call and reports every turn as it happens, with the engine
 * state, so a re-dispatched agent resumes from the saved turns (REL-5, REL-6). It knows nothing of
 * LiveKit: the voice session feeds it text and speaks what it returns.
 */
export class InterviewDriver {
  private readonly engine: InterviewEngine;
  private readonly reports: DriverReports;
  private readonly interviewId: string;
  private readonly now: () => number;
  private sequence: number;
  private endReason: EndReason | null = null;
  /** Latency measured for the candidate turn now being answered; attached to the agent's reply. */
  private pendingLatency: TurnLatency = {};

  constructor(options: InterviewDriverOptions) {
    const { context } = options;
    this.interviewId = context.interviewId;
    this.reports = options.reports;
    this.now = options.now ?? Date.now;
    this.sequence = context.turns.length;
    const savedState =
      context.engineState === null ? undefined : ZEngineState.parse(context.engineState);
    this.engine = new InterviewEngine(
      context.plan as InterviewPlan,
      {
        ...(options.responder === undefined ? {} : { responder: options.responder }),
        ...(context.timezone === null ? {} : { timeZone: context.timezone }),
        now: this.now,
      },
      savedState,
    );
  }

  /** True when this call continues an interview that an earlier agent started. */
  get isResuming(): boolean {
    return this.sequence > 0;
  }

  get isEnded(): boolean {
    return this.engine.isEnded;
  }

  get finalEndReason(): EndReason | null {
    return this.endReason;
  }

  /** The opening (or, after a crash, the current question again). */
  async open(): Promise<DriverReply> {
    return this.respond(await this.engine.start());
  }

  async onCandidateTurn(text: string): Promise<DriverReply> {
    const trimmed = text.trim();
    if (trimmed === '' || this.engine.isEnded) return { utterance: null, endReason: null };
    const turnId = this.record('candidate', trimmed);
    return this.respond(await this.engine.onCandidateTurn(trimmed, turnId));
  }

  async onSilence(): Promise<DriverReply> {
    if (this.engine.isEnded) return { utterance: null, endReason: null };
    return this.respond(await this.engine.onSilence());
  }

  /** Latency figures for the reply being produced (merged, last value wins). */
  noteLatency(latency: TurnLatency): void {
    this.pendingLatency = { ...this.pendingLatency, ...latency };
  }

  private respond(output: EngineOutput): DriverReply {
    for (const action of output.actions) {
      if (action.type === 'endCall') this.endReason = action.reason;
    }
    if (output.utterance !== null) this.record('agent', output.utterance);
    if (output.isEnded && this.endReason === null) this.endReason = 'finished';
    return { utterance: output.utterance, endReason: output.isEnded ? this.endReason : null };
  }

  private record(speaker: 'agent' | 'candidate', text: string): string {
    this.sequence += 1;
    const id = `${this.interviewId}:${this.sequence}`;
    const at = new Date(this.now()).toISOString();
    const latency = speaker === 'agent' ? this.pendingLatency : {};
    if (speaker === 'agent') this.pendingLatency = {};
    this.reports.reportTurn({
      id,
      speaker,
      text,
      startedAt: at,
      ...(Object.keys(latency).length > 0 ? { latency } : {}),
      ...(speaker === 'agent' ? { engineState: this.engine.getState() } : {}),
    });
    return id;
  }
}
