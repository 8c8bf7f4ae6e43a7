import {
  InterviewEngine,
  ZEngineState,
  createScriptedResponder,
  type AgentCallReport,
  type AgentContext,
  type AgentTurnReport,
  type CallbackRequest,
  type CandidateIntent,
  type ConversationEndReason,
  type EngineOutput,
  type InterviewPlan,
  type PlanStep,
  type Responder,
  type TurnLatency,
} from '@screenline/core';

/** Where the driver sends what happens; the BackendClient in production, a recorder in tests. */
export interface DriverReports {
  reportTurn(turn: AgentTurnReport): void;
  reportCall(event: AgentCallReport): void;
}

/** The next thing to say, and whether the call ends after it. */
export interface DriverReply {
  utterance: string | null;
  endReason: ConversationEndReason | null;
}

/**
 * Who writes the transcript. `engine`: the engine's lines are what the agent says, so the driver
 * records them. `conversation`: an LLM words the lines, so the voice session reports what was
 * actually said (`noteCandidateSpeech`, `noteAgentSpeech`) and the engine only keeps the plan.
 */
export type TranscriptSource = 'engine' | 'conversation';

export interface InterviewDriverOptions {
  context: AgentContext;
  reports: DriverReports;
  responder?: Responder;
  now?: () => number;
  transcriptSource?: TranscriptSource;
}

/** How an LLM tool call reads the candidate's last words; the engine's policy does the rest. */
export interface ToolReading {
  intent: Extract<
    CandidateIntent,
    'answer' | 'vague' | 'callback_time' | 'opt_out' | 'wrong_person' | 'decline_recording'
  >;
  /** The words the engine reads instead of the candidate's own (a callback time, for one). */
  text?: string;
  /**
   * For a knock-out: the value the model heard (yes/no, a number, days, words). The engine checks
   * it against its own reading of the words and never records a knock-out met on the model's word.
   */
  knockoutValue?: boolean | number | string | null;
}

/** A candidate turn the engine has not read yet: the words and the id of their transcript turn. */
interface PendingSpeech {
  text: string;
  turnId: string;
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
  private endReason: ConversationEndReason | null = null;
  private callback: CallbackRequest | null = null;
  /** Latency measured for the candidate turn now being answered; attached to the agent's reply. */
  private pendingLatency: TurnLatency = {};
  /** Who writes this call's transcript: the engine's lines, or what the session says and hears. */
  readonly transcriptSource: TranscriptSource;
  /** Candidate speech since the engine last read a turn (conversation mode). */
  private unread: PendingSpeech[] = [];
  /** A tool's reading of the turn, handed to the engine in place of its own responder. */
  private presetReading: ToolReading | undefined;

  constructor(options: InterviewDriverOptions) {
    const { context } = options;
    this.interviewId = context.interviewId;
    this.reports = options.reports;
    this.now = options.now ?? Date.now;
    this.sequence = context.turns.length;
    this.transcriptSource = options.transcriptSource ?? 'engine';
    const ownResponder = options.responder ?? createScriptedResponder();
    // The engine asks this responder to read each turn; a tool call's reading takes precedence.
    const responder: Responder = {
      name: ownResponder.name,
      interpret: (request) => {
        const preset = this.presetReading;
        if (preset === undefined) return ownResponder.interpret(request);
        return Promise.resolve({
          intent: preset.intent,
          acknowledgement: null,
          answerToQuestion: null,
          ...(preset.knockoutValue === undefined ? {} : { knockoutValue: preset.knockoutValue }),
        });
      },
    };
    const savedState =
      context.engineState === null ? undefined : ZEngineState.parse(context.engineState);
    this.engine = new InterviewEngine(
      context.plan as InterviewPlan,
      {
        responder,
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

  /**
   * The last report of the call: why it ended, the engine's final state (the answers the
   * scorecard reads) and, for a callback, when the candidate asked to be called.
   */
  endReport(fallbackReason: ConversationEndReason): AgentCallReport {
    const reason = this.endReason ?? fallbackReason;
    return {
      event: 'ended',
      reason,
      engineState: this.engine.getState(),
      ...(reason === 'callback_requested' && this.callback !== null
        ? { callback: this.callback }
        : {}),
    };
  }

  /** The opening (or, after a crash, the current question again). */
  /** What the engine may say next, for speech synthesised ahead (a hint, never a promise). */
  likelyNextLines(): string[] {
    return this.engine.likelyNextLines();
  }

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

  /** The step now being asked, for the LLM's instructions. */
  get currentStep(): PlanStep {
    return this.engine.currentStep;
  }

  /** Conversation mode: the candidate said this (a final transcript). */
  noteCandidateSpeech(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    this.unread.push({ text: trimmed, turnId: this.record('candidate', trimmed) });
  }

  /** Conversation mode: the agent said this (what was played, cut short if interrupted). */
  noteAgentSpeech(text: string): void {
    const trimmed = text.trim();
    if (trimmed !== '') this.record('agent', trimmed);
  }

  /**
   * Conversation mode: a tool call says what the candidate's words since the last reading mean.
   * The engine applies its policy (record, follow up once, schedule, end) and returns what comes
   * next. Null when there is nothing to read: the tool was called before the candidate spoke.
   */
  async applyReading(reading: ToolReading): Promise<DriverReply | null> {
    const last = this.unread.at(-1);
    if (last === undefined || this.engine.isEnded) return null;
    const text = reading.text ?? this.unread.map((speech) => speech.text).join(' ');
    this.presetReading = reading;
    try {
      const output = await this.engine.onCandidateTurn(text, last.turnId);
      this.unread = [];
      return this.respond(output);
    } finally {
      this.presetReading = undefined;
    }
  }

  /** Latency figures for the reply being produced (merged, last value wins). */
  noteLatency(latency: TurnLatency): void {
    this.pendingLatency = { ...this.pendingLatency, ...latency };
  }

  private respond(output: EngineOutput): DriverReply {
    for (const action of output.actions) {
      if (action.type === 'endCall') this.endReason = action.reason;
      if (action.type === 'scheduleCallback') this.callback = action.callback;
      // LAW-3: the backend suppresses the number now, not when the goodbye has played.
      if (action.type === 'optOut') this.reports.reportCall({ event: 'opted_out' });
      if (action.type === 'stopRecording') this.reports.reportCall({ event: 'recording_declined' });
    }
    if (output.utterance !== null && this.transcriptSource === 'engine') {
      this.record('agent', output.utterance);
    }
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
