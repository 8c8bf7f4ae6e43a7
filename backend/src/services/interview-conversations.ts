import {
  initialEngineState,
  InterviewEngine,
  ZEngineState,
  type EngineOutput,
  type EngineState,
  type InterviewPlan,
  type Responder,
  type TranscriptTurn,
  AppError,
  type EndReason,
  type InterviewStatus,
  type CallbackRequest,
} from '@screenline/core';
import type { FastifyBaseLogger } from 'fastify';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import { endCall } from './end-call.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';

/** What an interview row keeps in `engine_state`: the plan it was built with and where it stands. */
export interface StoredConversation {
  plan: InterviewPlan;
  engine: EngineState;
}

/** Reads `engine_state`; throws when it is not a conversation this version understands. */
export function readStoredConversation(value: unknown): StoredConversation {
  const stored = value as Partial<StoredConversation> | null;
  if (stored?.plan?.version !== 1 || stored.engine === undefined) {
    throw new Error('interview has no stored conversation');
  }
  return { plan: stored.plan, engine: ZEngineState.parse(stored.engine) };
}

/** A fresh conversation for a plan (a new call, or a callback that starts over). */
export function newStoredConversation(plan: InterviewPlan): StoredConversation {
  return { plan, engine: initialEngineState() };
}

export const SCORE_QUEUE = 'interview-score';
export const CALLBACK_QUEUE = 'interview-callback';

export interface InterviewConversationsOptions {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
  log: FastifyBaseLogger;
  createResponder: () => Responder;
  silenceTimeoutMs: number;
  maxDurationMs: number;
  now?: () => number;
}

/** What a candidate turn produced: both turns as stored, and where the interview stands. */
export interface CandidateTurnResult {
  candidateTurn: TranscriptTurn;
  agentTurn: TranscriptTurn | null;
  status: InterviewStatus;
  endReason: EndReason | null;
}

/**
 * Runs the engine for calls whose conversation happens in this process (simulated mode): opens the
 * conversation, feeds candidate turns and silences, persists every turn as it happens, saves the
 * engine state after each step and carries out the engine's actions. Work on one interview is
 * serialised; the state lives in the database, so another process can pick it up.
 */
export class InterviewConversations {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly silenceTimers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  private isClosed = false;

  constructor(private readonly options: InterviewConversationsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The call was answered: the engine says its opening. */
  open(interviewId: string): Promise<void> {
    return this.serialise(interviewId, async () => {
      const interview = await this.requireInProgress(interviewId);
      const { plan, engine } = this.engineFor(interview);
      const output = await engine.start();
      await this.apply(interview, plan, engine, output);
    });
  }

  /** The candidate said something. */
  onCandidateTurn(interviewId: string, text: string): Promise<CandidateTurnResult> {
    return this.serialise(interviewId, async () => {
      const interview = await this.requireInProgress(interviewId);
      this.clearSilence(interviewId);
      const candidateTurn = await this.options.store.appendTurn(interviewId, 'candidate', text);
      const { plan, engine } = this.engineFor(interview);
      const output = await engine.onCandidateTurn(text, candidateTurn.id);
      const agentTurn = await this.apply(interview, plan, engine, output);
      const after = await this.options.store.find(interviewId);
      return {
        candidateTurn,
        agentTurn,
        status: after?.status ?? interview.status,
        endReason: after?.endReason ?? null,
      };
    });
  }

  /** Nothing was heard for `SILENCE_TIMEOUT_S`. */
  onSilence(interviewId: string): Promise<void> {
    return this.serialise(interviewId, async () => {
      const interview = await this.options.store.find(interviewId);
      if (interview?.status !== 'in_progress') return;
      const { plan, engine } = this.engineFor(interview);
      const output = await engine.onSilence();
      await this.apply(interview, plan, engine, output);
    });
  }

  /**
   * After a restart: a conversation that was in progress lost its silence timer with the old
   * process. Arm it again, so a candidate who left is prompted, then the call ends and is scored
   * instead of staying in progress (and blocking the application's next call) for ever (REL-4).
   */
  resumeAfterRestart(interviewId: string): void {
    this.armSilence(interviewId);
  }

  /** Stops the silence timers (app shutdown). The conversations stay in the database. */
  close(): void {
    this.isClosed = true;
    for (const timer of this.silenceTimers.values()) clearTimeout(timer);
    this.silenceTimers.clear();
  }

  private engineFor(interview: InterviewRecord): { plan: InterviewPlan; engine: InterviewEngine } {
    const stored = readStoredConversation(interview.engineState);
    const engine = new InterviewEngine(
      stored.plan,
      {
        responder: this.options.createResponder(),
        now: this.now,
        maxDurationMs: this.options.maxDurationMs,
        ...(interview.timezone === null ? {} : { timeZone: interview.timezone }),
      },
      stored.engine,
    );
    return { plan: stored.plan, engine };
  }

  private async requireInProgress(interviewId: string): Promise<InterviewRecord> {
    const interview = await this.options.store.find(interviewId);
    if (interview === undefined) {
      throw new AppError('NOT_FOUND', { message: 'This interview does not exist.' });
    }
    if (interview.status !== 'in_progress') {
      throw new AppError('CONFLICT', {
        message:
          interview.status === 'dialing' || interview.status === 'ringing'
            ? 'The call has not been answered yet. Wait until it is in progress.'
            : 'This call is over; nothing more can be said in it.',
        details: { status: interview.status },
      });
    }
    return interview;
  }

  /** Persists the agent's utterance and the state, then carries out the actions. */
  private async apply(
    interview: InterviewRecord,
    plan: InterviewPlan,
    engine: InterviewEngine,
    output: EngineOutput,
  ): Promise<TranscriptTurn | null> {
    const { store } = this.options;
    const agentTurn =
      output.utterance === null
        ? null
        : await store.appendTurn(interview.id, 'agent', output.utterance);
    const state = engine.getState();
    await store.saveEngineState(interview.id, { plan, engine: state } satisfies StoredConversation);

    let endReason: EndReason | null = null;
    let callback: CallbackRequest | null = null;
    for (const action of output.actions) {
      switch (action.type) {
        case 'recordAnswer': {
          const answer = action.answer;
          await store.addEvent(interview.id, 'answer_recorded', {
            stepId: answer.stepId,
            turnId: answer.kind === 'knockout' ? answer.answer.turnId : answer.turnId,
            ...(answer.kind === 'knockout'
              ? { knockoutId: answer.answer.knockoutId, passed: answer.answer.passed }
              : { isVague: answer.isVague }),
          });
          break;
        }
        case 'noteQuestion':
          await store.addEvent(interview.id, 'candidate_question', {
            turnId: action.turnId,
            isAnswered: action.isAnswered,
          });
          break;
        case 'scheduleCallback':
          callback = action.callback;
          break;
        case 'stopRecording':
          // A simulated call has no audio; the timeline still shows the candidate's choice.
          await store.addEvent(interview.id, 'recording_declined', { turnId: action.turnId });
          break;
        case 'optOut':
          // Simulated mode always has a number; the lifecycle's opt-out covers the rest.
          if (interview.phoneE164 !== null) {
            await store.suppressNumber(interview.phoneE164, interview.id, 'opted_out');
          }
          break;
        case 'endCall':
          endReason = action.reason;
          break;
      }
    }

    if (endReason === null) {
      this.armSilence(interview.id);
      return agentTurn;
    }
    this.clearSilence(interview.id);
    await this.end(interview, state, endReason, callback);
    return agentTurn;
  }

  /** The engine ended the call: the same ending as the agent's on a real call (end-call.ts). */
  private async end(
    interview: InterviewRecord,
    state: EngineState,
    endReason: EndReason,
    callback: CallbackRequest | null,
  ): Promise<void> {
    await endCall(
      this.options.lifecycle,
      interview.id,
      { reason: endReason, callback: callback ?? undefined, hasAnswers: state.answers.length > 0 },
      { now: new Date(this.now()) },
    );
    this.options.log.info({ interviewId: interview.id, endReason }, 'interview ended');
  }

  private armSilence(interviewId: string): void {
    this.clearSilence(interviewId);
    if (this.isClosed) return;
    const timer = setTimeout(() => {
      this.silenceTimers.delete(interviewId);
      this.onSilence(interviewId).catch((error: unknown) => {
        this.options.log.error({ err: error, interviewId }, 'silence handling failed');
      });
    }, this.options.silenceTimeoutMs);
    timer.unref();
    this.silenceTimers.set(interviewId, timer);
  }

  private clearSilence(interviewId: string): void {
    const timer = this.silenceTimers.get(interviewId);
    if (timer !== undefined) clearTimeout(timer);
    this.silenceTimers.delete(interviewId);
  }

  /** Runs `work` after every earlier piece of work on the same interview. */
  private serialise<T>(interviewId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(interviewId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    this.chains.set(interviewId, settled);
    void settled.then(() => {
      if (this.chains.get(interviewId) === settled) this.chains.delete(interviewId);
    });
    return next;
  }
}
