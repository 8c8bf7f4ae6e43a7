import {
  log,
  voice,
  type JobContext,
  type VAD,
  type inference,
  type llm,
  type stt,
  type tts,
} from '@livekit/agents';
import { DisconnectReason, RoomEvent } from '@livekit/rtc-node';
import type { AgentContext, ConversationEndReason, InterviewPlan } from '@screenline/core';
import { CallController } from './call-controller.js';
import { EngineLLM } from './engine-llm.js';
import { DEFAULT_SILENCE_TIMEOUT_S } from './env.js';
import { InterviewDriver, type DriverReports } from './interview-driver.js';
import { InterviewerAgent } from './interviewer-agent.js';
import { SpeechAhead, synthesiserOf } from './speech-ahead.js';
import { ToolInterviewerAgent, followConversation, priorChat } from './tool-interviewer.js';

/**
 * Who words the agent's lines. `scripted`: the engine's own lines are spoken (through
 * `EngineLLM`). `llm`: a model holds the conversation and drives the engine through tools.
 * Either way the engine keeps the plan.
 */
export type Conversation = { mode: 'scripted' } | { mode: 'llm'; llm: llm.LLM | string };

/** The speech side of a live call; tests and the bench run text only and pass none. */
export interface InterviewSpeech {
  stt: stt.STT | string;
  tts: tts.TTS | string;
  vad: VAD;
  turnDetection: inference.TurnDetector;
}

/** Where the call's turns and events go: the BackendClient in production. */
export interface CallReports extends DriverReports {
  /** Waits for queued reports; false when some could not be delivered in time. */
  flush(timeoutMs: number): Promise<boolean>;
  readonly pendingReports: number;
}

/** What the call does to its LiveKit job: the JobContext in production. */
export type CallJob = Pick<JobContext, 'deleteRoom' | 'shutdown' | 'addShutdownCallback'>;

/** The room the candidate is in, and who they are in it. */
export interface CandidateRoom {
  room: JobContext['room'];
  participantIdentity: string;
}

export interface CreateInterviewSessionOptions {
  context: AgentContext;
  conversation: Conversation;
  speech: InterviewSpeech | null;
  reports: CallReports;
  job: CallJob;
  /** Null runs the session with no room: text in, text out (the framework's test harness). */
  room: CandidateRoom | null;
  /** Seconds of silence before the engine prompts the candidate. */
  silenceTimeoutS?: number;
  /** Scripted calls synthesise their likely next lines ahead (default: on when there is a TTS). */
  speakAhead?: boolean;
  /**
   * In the browser, how long a candidate who leaves (a reload, a dropped network) has to come
   * back to the same screen; absent on the phone, where leaving is hanging up.
   */
  rejoinGraceMs?: number;
  logger?: ReturnType<typeof log>;
}

/** One interview call, wired and not yet started. */
export interface InterviewCall {
  readonly session: voice.AgentSession;
  readonly driver: InterviewDriver;
  readonly controller: CallController;
  readonly agent: voice.Agent;
  /** Starts the session, in the room with the candidate as its linked participant or roomless. */
  readonly start: () => Promise<void>;
  /** Speaks the opening (or, when resuming, the current question again). */
  readonly open: () => Promise<void>;
  /** Ends the call for everyone: reports the end first, then deletes the room. */
  readonly hangUp: (reason: ConversationEndReason) => Promise<void>;
}

/**
 * Endpointing for phone audio: callers pause mid-sentence on narrow-band lines, so the floor is
 * higher than the framework's 500 ms default and the ceiling leaves room for a thought.
 */
export const PHONE_ENDPOINTING = { minDelay: 700, maxDelay: 3_500 } as const;

/** How long the end report may take to reach the backend before the room goes anyway. */
const END_REPORT_FLUSH_MS = 5_000;

/**
 * Builds one interview call: the driver that runs the engine, the voice session, the controller
 * that opens, answers silence and hangs up, and the agent for the mode. Production, the tests and
 * the bench all build their calls here; only the LLM, the speech, the reports sink and the job
 * differ.
 */
export function createInterviewSession(options: CreateInterviewSessionOptions): InterviewCall {
  const { context, conversation, speech, reports, job, room } = options;
  const logger = options.logger ?? log();
  const isConversational = conversation.mode === 'llm';
  const driver = new InterviewDriver({
    context,
    reports,
    transcriptSource: isConversational ? 'conversation' : 'engine',
  });

  // The engine adapter and the controller refer to each other; the holder breaks the cycle.
  const wiring: { controller?: CallController } = {};
  const session = new voice.AgentSession({
    llm: isConversational
      ? conversation.llm
      : new EngineLLM(
          (text) => driver.onCandidateTurn(text),
          (reply) => wiring.controller?.onEngineReply(reply),
        ),
    ...(speech === null ? {} : { stt: speech.stt, tts: speech.tts }),
    vad: speech?.vad ?? null,
    turnHandling: {
      turnDetection: speech?.turnDetection ?? null,
      endpointing: PHONE_ENDPOINTING,
      // Scripted, the "LLM" is the engine: a preemptive call on a pause inside a long answer
      // would make it take half the answer and move on (seen on real media, where the candidate
      // then answered the next question with the other half, twice). The model may guess ahead.
      preemptiveGeneration: { enabled: isConversational },
    },
    userAwayTimeout: options.silenceTimeoutS ?? DEFAULT_SILENCE_TIMEOUT_S,
  });

  let endReason: ConversationEndReason = 'candidate_hung_up';
  let endReported: Promise<void> | undefined;
  // The end and every turn reach the backend before the room goes: once it is deleted, LiveKit's
  // webhooks close the call and a later report of why (opt-out, callback) would come too late.
  // Memoised, so the job's shutdown waits for a flush that a hang-up already started.
  const reportEnd = (): Promise<void> => {
    endReported ??= (async () => {
      reports.reportCall(driver.endReport(endReason));
      // Bounded: with the backend away, the caller should not sit in silence for long.
      const isFlushed = await reports.flush(END_REPORT_FLUSH_MS);
      if (!isFlushed) logger.warn({ pending: reports.pendingReports }, 'reports left undelivered');
    })();
    return endReported;
  };
  const endCall = async (reason: ConversationEndReason): Promise<void> => {
    endReason = reason;
    await reportEnd();
    await job.deleteRoom();
  };
  const hangUp = (reason: ConversationEndReason): Promise<void> => endCall(reason);
  // Scripted, the engine names its likely next lines: they are synthesised while the candidate speaks.
  const isSpeechAhead =
    !isConversational && options.speakAhead !== false && session.tts !== undefined;
  const controller = new CallController({
    session,
    driver,
    hangUp,
    isSpeechAhead,
    onVoiceMetric: (figures) => {
      logger.info(figures, 'voice metrics');
    },
    ...(options.rejoinGraceMs === undefined
      ? {}
      : {
          rejoinGraceMs: options.rejoinGraceMs,
          onCandidateGone: async () => {
            logger.info('the candidate is gone; the call is over as their hang-up');
            await endCall('candidate_hung_up');
          },
        }),
  });
  wiring.controller = controller;
  if (room !== null && options.rejoinGraceMs !== undefined) {
    followCandidatePresence(room, controller, logger);
  }

  // The Node job does not end when the caller hangs up: close the job with the session.
  session.on(voice.AgentSessionEventTypes.Close, () => {
    job.shutdown(endReason);
  });
  job.addShutdownCallback(reportEnd);

  const agent = isConversational
    ? new ToolInterviewerAgent(
        context.plan as InterviewPlan,
        driver,
        {
          onFinalReply: (reply) => {
            controller.speak(reply);
          },
        },
        priorChat(context.turns),
      )
    : new InterviewerAgent();
  if (isConversational) followConversation(session, driver);
  else if (isSpeechAhead && session.tts !== undefined && agent instanceof InterviewerAgent) {
    agent.speechAhead = prepareSpeechAhead(session, session.tts, driver, logger);
  }

  return {
    session,
    driver,
    controller,
    agent,
    start: () =>
      session.start(
        room === null
          ? { agent }
          : {
              agent,
              room: room.room,
              inputOptions: {
                participantIdentity: room.participantIdentity,
                // A browser that leaves may come back (the controller waits for it); the
                // framework would otherwise close the session the moment it leaves.
                closeOnDisconnect: options.rejoinGraceMs === undefined,
              },
            },
      ),
    open: () => controller.open(),
    hangUp,
  };
}

/**
 * Tells the controller when the browser candidate leaves the room and when they are back (the
 * framework's room input links the same identity again by itself, and takes its new microphone).
 */
function followCandidatePresence(
  candidate: CandidateRoom,
  controller: CallController,
  logger: ReturnType<typeof log>,
): void {
  candidate.room.on(RoomEvent.ParticipantDisconnected, (participant) => {
    if (participant.identity !== candidate.participantIdentity) return;
    // The backend removes the candidate when they end the screen on the page; a reload or a
    // closed tab leaves as the client's own disconnect, and may come back.
    if (participant.disconnectReason === DisconnectReason.PARTICIPANT_REMOVED) {
      logger.info('the candidate ended the screen');
      controller.onCandidateEnded();
      return;
    }
    logger.info('the candidate left the room; waiting for them to come back');
    controller.onCandidateLeft();
  });
  candidate.room.on(RoomEvent.ParticipantConnected, (participant) => {
    if (participant.identity !== candidate.participantIdentity) return;
    logger.info('the candidate is back in the room');
    controller.onCandidateBack().catch((error: unknown) => {
      logger.warn({ err: error }, 'could not resume with the candidate');
    });
  });
}

/**
 * Speech synthesised ahead for the scripted engine: the opening now, before the candidate is
 * there, and each time the agent starts listening, the lines it may say next, which the candidate's
 * answer then gives time to synthesise.
 */
function prepareSpeechAhead(
  session: voice.AgentSession,
  engine: tts.TTS,
  driver: InterviewDriver,
  logger: ReturnType<typeof log>,
): SpeechAhead {
  const ahead = new SpeechAhead({
    synthesise: synthesiserOf(engine),
    onError: (error) => {
      logger.warn({ err: error }, 'a line synthesised ahead failed; it is synthesised when said');
    },
  });
  ahead.prepare(driver.likelyNextLines());
  session.on(voice.AgentSessionEventTypes.AgentStateChanged, (event) => {
    if (event.newState === 'listening') ahead.prepare(driver.likelyNextLines());
  });
  session.on(voice.AgentSessionEventTypes.Close, () => {
    logger.info({ ...ahead.counts }, 'speech synthesised ahead');
  });
  return ahead;
}
