import {
  log,
  voice,
  waitForParticipantAttribute,
  type JobContext,
  type VAD,
} from '@livekit/agents';
import {
  ZAgentJobMetadata,
  type AgentJobMetadata,
  type EndReason,
  type InterviewPlan,
} from '@screenline/core';
import { BackendClient } from './backend/backend-client.js';
import { CallController } from './call-controller.js';
import { EngineLLM } from './engine-llm.js';
import type { AgentEnv } from './env.js';
import { InterviewDriver } from './interview-driver.js';
import { InterviewerAgent } from './interviewer-agent.js';
import { leaveVoicemail } from './voicemail.js';
import {
  PHONE_ENDPOINTING,
  createConversationLlm,
  createEndpointLlm,
  createSpeechModels,
  createTurnDetector,
} from './speech.js';
import { ToolInterviewerAgent, followConversation, priorChat } from './tool-interviewer.js';

/** The per-job entry: one dispatched agent holds one interview call. */
export async function runInterviewCall(ctx: JobContext, env: AgentEnv): Promise<void> {
  const logger = log().child({ job: ctx.job.id });
  const metadata = parseMetadata(ctx.job.metadata);
  if (metadata === undefined) {
    logger.error('dispatch metadata is not a Screenline interview; leaving');
    ctx.shutdown('invalid_metadata');
    return;
  }
  const backend = new BackendClient({
    baseUrl: env.BACKEND_URL,
    interviewId: metadata.interviewId,
    token: metadata.backendToken,
    onRejected: (path, status) => logger.warn({ path, status }, 'backend refused a report'),
  });
  const context = await backend.fetchContext();
  // LLM_MODE=llm: a model holds the conversation and drives the engine through tools; otherwise
  // the engine's own lines are spoken. Either way the engine keeps the plan.
  const isConversational = env.LLM_MODE === 'llm';
  const driver = new InterviewDriver({
    context,
    reports: backend,
    transcriptSource: isConversational ? 'conversation' : 'engine',
  });

  await ctx.connect();
  const answered = await waitForCandidate(ctx, metadata, env.ANSWER_TIMEOUT_S * 1_000, () =>
    backend.reportCall({ event: 'ringing' }),
  );
  if (!answered) {
    // No answer or the browser never joined: the backend learns the outcome from LiveKit's webhooks.
    logger.info({ interviewId: metadata.interviewId }, 'candidate did not join');
    ctx.shutdown('candidate_absent');
    return;
  }

  const wiring: { controller?: CallController } = {};
  const speech = createSpeechModels(env);
  const session = new voice.AgentSession({
    llm: isConversational
      ? createConversationLlm(env)
      : new EngineLLM(
          (text) => driver.onCandidateTurn(text),
          (reply) => wiring.controller?.onEngineReply(reply),
        ),
    stt: speech.stt,
    tts: speech.tts,
    vad: ctx.proc.userData.vad as VAD,
    turnHandling: {
      turnDetection: createTurnDetector(),
      endpointing: PHONE_ENDPOINTING,
    },
    userAwayTimeout: env.SILENCE_TIMEOUT_S,
  });

  let endReason: EndReason | 'candidate_hung_up' = 'candidate_hung_up';
  let isEndReported = false;
  // The end and every turn reach the backend before the room goes: once it is deleted, LiveKit's
  // webhooks close the call and a later report of why (opt-out, callback) would come too late.
  const reportEnd = async (): Promise<void> => {
    if (isEndReported) return;
    isEndReported = true;
    backend.reportCall(driver.endReport(endReason));
    // Bounded: with the backend away, the caller should not sit in silence for long.
    const isFlushed = await backend.flush(5_000);
    if (!isFlushed) logger.warn({ pending: backend.pendingReports }, 'reports left undelivered');
  };
  const hangUp = async (reason: EndReason): Promise<void> => {
    endReason = reason;
    await reportEnd();
    await ctx.deleteRoom();
  };
  const controller = new CallController({ session, driver, hangUp });
  wiring.controller = controller;

  // The Node job does not end when the caller hangs up: close the job with the session.
  session.on(voice.AgentSessionEventTypes.Close, () => {
    ctx.shutdown(endReason);
  });
  ctx.addShutdownCallback(reportEnd);

  const agent = isConversational
    ? new ToolInterviewerAgent(
        context.plan as InterviewPlan,
        driver,
        { onFinalReply: (reply) => controller.speak(reply) },
        priorChat(context.turns),
      )
    : new InterviewerAgent();
  if (isConversational) followConversation(session, driver);

  await session.start({
    agent,
    room: ctx.room,
    inputOptions: { participantIdentity: metadata.participantIdentity },
  });

  if (metadata.channel === 'phone' && isAmdAvailable(env)) {
    const verdict = await detectAnsweringMachine(session, metadata, env);
    if (verdict === 'machine') {
      await leaveVoicemail(session, backend, hangUp);
      return;
    }
  }
  backend.reportCall({ event: 'answered' });
  await controller.open();
}

function parseMetadata(raw: string): AgentJobMetadata | undefined {
  try {
    const result = ZAgentJobMetadata.safeParse(JSON.parse(raw));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits for the candidate: on the phone until the SIP leg is `active` (never speak into ringing),
 * in the browser until the participant joins. False when that does not happen in time. On the
 * phone `onRinging` hears the first 180/183 (`sip.callStatus = ringing`): LiveKit's webhooks do
 * not carry it, and the agent is the one in the room that sees it.
 */
async function waitForCandidate(
  ctx: JobContext,
  metadata: AgentJobMetadata,
  timeoutMs: number,
  onRinging: () => void,
): Promise<boolean> {
  const signal = AbortSignal.timeout(timeoutMs);
  const joined = Promise.race([
    ctx.waitForParticipant(metadata.participantIdentity).then(() => true),
    new Promise<false>((resolve) => signal.addEventListener('abort', () => resolve(false))),
  ]);
  if (!(await joined)) return false;
  if (metadata.channel === 'web') return true;
  const stopWatchingRinging = new AbortController();
  waitForParticipantAttribute({
    room: ctx.room,
    identity: metadata.participantIdentity,
    attribute: 'sip.callStatus',
    value: 'ringing',
    signal: AbortSignal.any([signal, stopWatchingRinging.signal]),
  }).then(onRinging, () => {
    // Answered (or gone) without a ringing status we saw: the answer says enough.
  });
  try {
    await waitForParticipantAttribute({
      room: ctx.room,
      identity: metadata.participantIdentity,
      attribute: 'sip.callStatus',
      value: 'active',
      signal,
    });
    return true;
  } catch {
    // The leg hung up or never answered within the window: not answered.
    return false;
  } finally {
    stopWatchingRinging.abort();
  }
}

/** AMD needs a classifier: LiveKit Inference, or the OpenAI-compatible model in LLM_BASE_URL. */
function isAmdAvailable(env: AgentEnv): boolean {
  return (
    env.SPEECH === 'inference' || (env.LLM_BASE_URL !== undefined && env.LLM_MODEL !== undefined)
  );
}

async function detectAnsweringMachine(
  session: voice.AgentSession,
  metadata: AgentJobMetadata,
  env: AgentEnv,
): Promise<'human' | 'machine'> {
  const endpointLlm = env.SPEECH === 'inference' ? undefined : createEndpointLlm(env);
  const classifier = endpointLlm === undefined ? {} : { llm: endpointLlm };
  const amd = new voice.AMD(session, {
    participantIdentity: metadata.participantIdentity,
    noSpeechTimeoutMs: 6_000,
    ...classifier,
  });
  try {
    const prediction = await amd.execute();
    return prediction.isMachine ? 'machine' : 'human';
  } finally {
    await amd.aclose();
  }
}
