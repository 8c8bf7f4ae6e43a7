import { voice, type metrics } from '@livekit/agents';
import type { ConversationEndReason, TurnLatency } from '@screenline/core';
import type { DriverReply, InterviewDriver } from './interview-driver.js';

export interface CallControllerOptions {
  session: voice.AgentSession;
  driver: InterviewDriver;
  /** Ends the call for everyone (deletes the room, so the phone leg hangs up). */
  hangUp: (reason: ConversationEndReason) => Promise<void>;
  /** Hang up this long after the goodbye even if its playout never reports done. */
  hangUpGraceMs?: number;
  /**
   * Gets each voice figure as measured (`voiceMetricFigures`): the worker logs them, so a call's
   * latency can be read beside what the candidate measured (`npm run bench:voice`).
   */
  onVoiceMetric?: (figures: VoiceMetricFigures) => void;
  /**
   * Replies play from speech synthesised ahead (`SpeechAhead`): the TTS figures are then those of
   * lines prepared while the candidate spoke, which no reply waited for, so the turn does not get them.
   */
  isSpeechAhead?: boolean;
  /**
   * A browser candidate who leaves the room (a reload, a dropped network) has this long to come
   * back before the call is over; absent on the phone, where a hang-up ends the call.
   */
  rejoinGraceMs?: number;
  /** The candidate ended the screen, or left and did not come back in time: ends the call as theirs. */
  onCandidateGone?: () => Promise<void>;
}

/** One `metrics_collected` event as numbers only: no transcript words, no identities. */
export interface VoiceMetricFigures {
  metric: string;
  [figure: string]: number | boolean | string;
}

/** The figures of the turn-latency metrics (end of utterance, LLM, TTS); others are left out. */
export function voiceMetricFigures(metric: metrics.AgentMetrics): VoiceMetricFigures | undefined {
  switch (metric.type) {
    case 'eou_metrics':
      return {
        metric: metric.type,
        endOfUtteranceDelayMs: metric.endOfUtteranceDelayMs,
        transcriptionDelayMs: metric.transcriptionDelayMs,
        onUserTurnCompletedDelayMs: metric.onUserTurnCompletedDelayMs,
      };
    case 'llm_metrics':
      return {
        metric: metric.type,
        ttftMs: metric.ttftMs,
        durationMs: metric.durationMs,
        cancelled: metric.cancelled,
      };
    case 'tts_metrics':
      return {
        metric: metric.type,
        ttfbMs: metric.ttfbMs,
        durationMs: metric.durationMs,
        audioDurationMs: metric.audioDurationMs,
        cancelled: metric.cancelled,
      };
    default:
      return undefined;
  }
}

/**
 * Connects a voice session to the interview: says the opening, answers silence with the engine's
 * prompts, collects per-turn latency, and hangs up once the engine's last words have played.
 */
export class CallController {
  private latestSpeech: voice.SpeechHandle | undefined;
  private hangUpStarted = false;
  private readonly graceMs: number;
  private isUserAway = false;
  /** Counts the candidate's state changes, so a prompt knows whether they stirred while it played. */
  private userStateChanges = 0;
  private silenceTimer: NodeJS.Timeout | undefined;
  /** Set while a browser candidate who left has time to come back. */
  private rejoinTimer: NodeJS.Timeout | undefined;
  /** The session closed: room events arriving after it change nothing. */
  private isClosed = false;

  constructor(private readonly options: CallControllerOptions) {
    this.graceMs = options.hangUpGraceMs ?? 20_000;
    const { session } = options;
    session.on(voice.AgentSessionEventTypes.SpeechCreated, (event) => {
      this.latestSpeech = event.speechHandle;
    });
    session.on(voice.AgentSessionEventTypes.UserStateChanged, (event) => {
      this.userStateChanges += 1;
      this.isUserAway = event.newState === 'away';
      this.stopSilenceTimer();
      if (this.isUserAway) void this.onSilence();
    });
    session.on(voice.AgentSessionEventTypes.Close, () => {
      this.isClosed = true;
      this.stopSilenceTimer();
      clearTimeout(this.rejoinTimer);
      this.rejoinTimer = undefined;
    });
    session.on(voice.AgentSessionEventTypes.MetricsCollected, (event) => {
      this.onMetrics(event.metrics);
    });
  }

  /** Called by `EngineLLM` after each engine reply that the session is about to speak. */
  onEngineReply(reply: DriverReply): void {
    if (reply.endReason === null) return;
    // The goodbye plays out whole: on real media a breath or line noise from the candidate
    // would otherwise cut it off, and the call would end on half a sentence.
    if (this.latestSpeech !== undefined) this.latestSpeech.allowInterruptions = false;
    this.hangUpAfter(this.latestSpeech, reply.endReason);
  }

  /** Speaks the opening (or, when resuming, the current question again). */
  async open(): Promise<void> {
    this.speak(await this.options.driver.open());
  }

  /**
   * The browser candidate left the room without ending the screen: stop talking to an empty room
   * (no silence prompts either) and wait for them. Only when they stay away past the grace is the
   * call over, as if they had hung up.
   */
  onCandidateLeft(): void {
    const graceMs = this.options.rejoinGraceMs;
    if (graceMs === undefined || this.hangUpStarted || this.isClosed) return;
    if (this.rejoinTimer !== undefined) return;
    this.stopSilenceTimer();
    this.interruptQuietly();
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = undefined;
      if (this.hangUpStarted) return;
      this.hangUpStarted = true;
      void this.options.onCandidateGone?.();
    }, graceMs).unref();
  }

  /**
   * The browser candidate ended the screen themselves (the page's "End the screen"): the call is
   * over now, as their hang-up, with no wait for a return that will not come.
   */
  onCandidateEnded(): void {
    if (this.hangUpStarted || this.isClosed) return;
    this.hangUpStarted = true;
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = undefined;
    this.stopSilenceTimer();
    this.interruptQuietly();
    void this.options.onCandidateGone?.();
  }

  /** The candidate is back in time: "Sorry, we were cut off", and the current question again. */
  async onCandidateBack(): Promise<void> {
    if (this.rejoinTimer === undefined || this.hangUpStarted || this.isClosed) return;
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = undefined;
    const changesBefore = this.userStateChanges;
    const reply = await this.options.driver.open();
    // Gone again (or the call over) while the engine answered.
    if (this.hasNobodyToTalkTo()) return;
    const handle = this.speak(reply);
    // The framework marked them away while they were gone and will not again until they speak:
    // the silence prompts are this controller's to restart, or a silent return would hang.
    if (handle !== undefined && reply.endReason === null) {
      await this.promptAgainIfStillSilent(handle, changesBefore);
    }
  }

  /**
   * The framework marks the candidate away once per silence; while they stay silent, the prompt
   * is asked again after the same timeout, so the engine can prompt twice and then end the call.
   */
  private async onSilence(): Promise<void> {
    // Nobody to prompt while a browser candidate who left may still come back.
    if (this.hangUpStarted || this.rejoinTimer !== undefined) return;
    const changesBefore = this.userStateChanges;
    const reply = await this.options.driver.onSilence();
    const handle = this.speak(reply);
    // The last words hang up once played; there is nothing more to prompt.
    if (handle === undefined || reply.endReason !== null) return;
    await this.promptAgainIfStillSilent(handle, changesBefore);
  }

  /**
   * Once `handle` has played, prompts again after the silence timeout if the candidate has said
   * nothing since `changesBefore`: the framework marks them away once per silence, not again.
   */
  private async promptAgainIfStillSilent(
    handle: voice.SpeechHandle,
    changesBefore: number,
  ): Promise<void> {
    await handle.waitForPlayout().catch(() => undefined); // An interrupted prompt was heard.
    const timeoutS = this.options.session.sessionOptions.userAwayTimeout;
    const isStillSilent = this.isUserAway && this.userStateChanges === changesBefore;
    if (!isStillSilent || timeoutS === null) return;
    // Left meanwhile (the interrupt ended the playout), hung up, or closed.
    if (this.hasNobodyToTalkTo()) return;
    this.stopSilenceTimer();
    this.silenceTimer = setTimeout(() => void this.onSilence(), timeoutS * 1_000).unref();
  }

  /** The candidate is away, or the call is ending or over: nothing more is said to them. */
  private hasNobodyToTalkTo(): boolean {
    return this.rejoinTimer !== undefined || this.hangUpStarted || this.isClosed;
  }

  /** Stops the agent's speech; a session not running (starting, or closed) has none to stop. */
  private interruptQuietly(): void {
    try {
      void Promise.resolve(this.options.session.interrupt()).catch(() => undefined);
    } catch {
      // "AgentSession is not running": nothing is being said.
    }
  }

  private stopSilenceTimer(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = undefined;
  }

  /** Says a reply and, when it is the last, hangs up once it has played. */
  speak(reply: DriverReply): voice.SpeechHandle | undefined {
    if (reply.utterance === null) {
      if (reply.endReason !== null) this.hangUpAfter(undefined, reply.endReason);
      return undefined;
    }
    const handle = this.options.session.say(reply.utterance, {
      allowInterruptions: reply.endReason === null,
    });
    if (reply.endReason !== null) this.hangUpAfter(handle, reply.endReason);
    return handle;
  }

  private hangUpAfter(handle: voice.SpeechHandle | undefined, reason: ConversationEndReason): void {
    if (this.hangUpStarted) return;
    this.hangUpStarted = true;
    const grace = new Promise<void>((resolve) => setTimeout(resolve, this.graceMs).unref());
    const played = handle === undefined ? Promise.resolve() : handle.waitForPlayout();
    void Promise.race([played, grace])
      .catch(() => undefined) // An interrupted goodbye still ends the call.
      .then(() => this.options.hangUp(reason));
  }

  private onMetrics(metric: metrics.AgentMetrics): void {
    const figures = voiceMetricFigures(metric);
    if (figures !== undefined) this.options.onVoiceMetric?.(figures);
    // The framework reports -1 for a figure it could not measure; those are left out.
    const note = (key: keyof TurnLatency, value: number): void => {
      if (Number.isFinite(value) && value >= 0) this.options.driver.noteLatency({ [key]: value });
    };
    switch (metric.type) {
      case 'eou_metrics':
        note('endOfUtteranceDelayMs', metric.endOfUtteranceDelayMs);
        break;
      case 'llm_metrics':
        note('llmTimeToFirstTokenMs', metric.ttftMs);
        break;
      case 'tts_metrics':
        if (this.options.isSpeechAhead !== true) note('ttsTimeToFirstByteMs', metric.ttfbMs);
        break;
      default:
        break;
    }
  }
}
