import {
  log,
  voice,
  waitForParticipantAttribute,
  type JobContext,
  type VAD,
} from '@livekit/agents';
import {
  DEFAULT_WEB_REJOIN_GRACE_S,
  ZAgentJobMetadata,
  type AgentJobMetadata,
} from '@screenline/core';
import { BackendClient } from './backend/backend-client.js';
import { createInterviewSession } from './create-interview-session.js';
import type { AgentEnv } from './env.js';
import { createCallSettings, createEndpointLlm } from './speech.js';
import { leaveVoicemail } from './voicemail.js';

/**
 * The per-job entry: one dispatched agent holds one interview call. What is about the job lives
 * here (the dispatch metadata, joining the room, waiting for the candidate, voicemail); the call
 * itself is built by `createInterviewSession`, as in the tests and the bench.
 */
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
    onTurnQueued: (turn) =>
      logger.info(
        { interviewId: metadata.interviewId, turnId: turn.id, speaker: turn.speaker },
        'turn queued for the backend',
      ),
  });
  const context = await backend.fetchContext();

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

  const call = createInterviewSession({
    ...createCallSettings(env, ctx.proc.userData.vad as VAD),
    context,
    reports: backend,
    job: ctx,
    room: { room: ctx.room, participantIdentity: metadata.participantIdentity },
    // In the browser the candidate may come back after leaving (a reload): the backend says
    // how long to wait, and keeps the room for it.
    ...(metadata.channel === 'web'
      ? { rejoinGraceMs: (metadata.rejoinGraceS ?? DEFAULT_WEB_REJOIN_GRACE_S) * 1_000 }
      : {}),
    logger,
  });
  await call.start();

  // A re-dispatched agent (REL-5) joins a call a person already answered: no machine to detect.
  const isResuming = context.turns.length > 0;
  if (metadata.channel === 'phone' && !isResuming && isAmdAvailable(env)) {
    const verdict = await detectAnsweringMachine(call.session, metadata, env);
    if (verdict === 'machine') {
      await leaveVoicemail(call.session, backend, call.hangUp);
      return;
    }
  }
  backend.reportCall({ event: 'answered' });
  await call.open();
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
