import { exceedsLegalCallingHours } from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  AgentDispatchClient,
  EgressClient,
  RoomServiceClient,
  SipClient,
  WebhookReceiver,
} from 'livekit-server-sdk';
import type { CallLog } from './call-log.js';
import type { Env } from '../env.js';
import { agentReportsRoutes } from '../routes/agent-reports/agent-reports-routes.js';
import { liveKitWebhookRoutes } from '../routes/livekit-webhook/livekit-webhook-routes.js';
import type { CallPlacer } from './call-placer.js';
import { CallRecorder } from './call-recorder.js';
import { RecordingBucket, recordingStorageFromEnv } from '../recordings/recording-bucket.js';
import { CallRetries } from './call-retries.js';
import type { InterviewLifecycle } from '../services/interview-lifecycle.js';
import { handleLiveKitEvent } from './handle-livekit-event.js';
import { LiveKitSipCallPlacer } from './livekit-sip-call-placer.js';
import { LiveKitWebCallPlacer } from './livekit-web-call-placer.js';
import { reconcileCalls, type ReconcileSummary } from './reconcile-calls.js';
import { SharedDialPacer } from './shared-dial-pacer.js';
import { DialingSwitch } from './dialing-switch.js';
import type { Database } from '../db/schema.js';

/** Everything phone and web mode need from LiveKit, built once from configuration. */
export interface LiveKitTelephony {
  callPlacer: CallPlacer;
  retries: CallRetries;
  rooms: RoomServiceClient;
  receiver: WebhookReceiver;
  recorder: CallRecorder | undefined;
  recordings: RecordingBucket | undefined;
  /** How long the agent's backend token lives: the longest a call can take, plus a margin. */
  agentTokenTtlS: number;
  reconcile(lifecycle: InterviewLifecycle): Promise<ReconcileSummary>;
}

export interface CreateLiveKitTelephonyOptions {
  env: Env;
  db: Kysely<Database>;
  log: CallLog;
  /** The recordings bucket the app already built, when `RECORDING_*` is set. */
  recordings?: RecordingBucket | undefined;
}

/** Builds the LiveKit side for web and phone mode; undefined in simulated mode. */
export function createLiveKitTelephony(
  options: CreateLiveKitTelephonyOptions,
): LiveKitTelephony | undefined {
  const { env, db, log } = options;
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: key, LIVEKIT_API_SECRET: secret } = env;
  if (env.mode === 'simulated' || url === undefined || key === undefined || secret === undefined) {
    return undefined;
  }
  const requestTimeout = env.LIVEKIT_REQUEST_TIMEOUT_S;
  const dialingSwitch = new DialingSwitch(db);
  const rooms = new RoomServiceClient(url, key, secret, { requestTimeout });
  const retries = new CallRetries({
    db,
    callingHours: env.CALLING_HOURS,
    mode: env.mode,
    log,
  });
  const callPlacer: CallPlacer =
    env.mode === 'phone' && env.SIP_TRUNK_ID !== undefined
      ? new LiveKitSipCallPlacer({
          // Failover off: a dial replayed against another region after a timeout rings twice.
          sip: new SipClient(url, key, secret, { failover: false, requestTimeout }),
          dispatch: new AgentDispatchClient(url, key, secret, { requestTimeout }),
          rooms,
          trunkId: env.SIP_TRUNK_ID,
          agentName: env.AGENT_NAME,
          ringingTimeoutS: env.RINGING_TIMEOUT_S,
          maxCallDurationS: env.CALL_MAX_DURATION_S,
          requestTimeoutS: requestTimeout,
          // Shared through the database, so the carrier's limit holds across replicas.
          pacer: new SharedDialPacer(db, env.SIP_CALLS_PER_SECOND),
          mayDial: async (request) => {
            if (await dialingSwitch.isDialingOff(env.DIALING_DISABLED)) return 'paused';
            const interview = await db
              .selectFrom('interviews')
              .select(['status', 'attempt'])
              .where('id', '=', request.interviewId)
              .executeTakeFirst();
            const isStillWanted =
              interview?.status === 'dialing' && interview.attempt === request.attempt;
            return isStillWanted ? 'dial' : 'canceled';
          },
          log,
        })
      : new LiveKitWebCallPlacer({
          rooms,
          livekitUrl: url,
          apiKey: key,
          apiSecret: secret,
          agentName: env.AGENT_NAME,
          emptyTimeoutS: 10 * 60,
          log,
        });
  const storage = recordingStorageFromEnv(env);
  // The app's bucket when it has one: one S3 client for links, deletions and erasure alike.
  const recordings =
    options.recordings ?? (storage === undefined ? undefined : new RecordingBucket(storage));
  const recorder =
    storage === undefined
      ? undefined
      : new CallRecorder(new EgressClient(url, key, secret, { requestTimeout }), storage);
  return {
    callPlacer,
    retries,
    rooms,
    receiver: new WebhookReceiver(key, secret),
    recorder,
    recordings,
    agentTokenTtlS: env.RINGING_TIMEOUT_S + env.CALL_MAX_DURATION_S + 5 * 60,
    reconcile: (lifecycle) =>
      reconcileCalls({
        db,
        rooms,
        lifecycle,
        log,
        dialStaleAfterS: env.RINGING_TIMEOUT_S + 60,
        callStaleAfterS: env.CALL_MAX_DURATION_S + 120,
      }),
  };
}

/** The webhook and agent-report routes of LiveKit mode (cancel exists in every mode). */
export async function registerLiveKitRoutes(
  app: FastifyInstance,
  options: { db: Kysely<Database>; telephony: LiveKitTelephony; lifecycle: InterviewLifecycle },
): Promise<void> {
  const { db, telephony, lifecycle } = options;
  await app.register(liveKitWebhookRoutes, {
    receiver: telephony.receiver,
    handle: (event) =>
      handleLiveKitEvent(
        {
          db,
          lifecycle,
          recordings: telephony.recordings,
          log: app.log,
        },
        event,
      ),
  });
  await app.register(agentReportsRoutes, {
    db,
    lifecycle,
    recorder: telephony.recorder,
    recordings: telephony.recordings,
    log: app.log,
  });
}

/** The start-up warning of LAW-4 when the operator's window reaches outside 08:00-21:00. */
export function warnAboutCallingHours(env: Env, log: CallLog): void {
  if (exceedsLegalCallingHours(env.CALLING_HOURS)) {
    log.warn(
      { callingHours: env.CALLING_HOURS },
      'CALLING_HOURS reaches outside 08:00-21:00 local time; check the rules where you call',
    );
  }
}

/** Runs the reconciler every `intervalMs` until stopped (the returned function). */
export function startReconciler(
  telephony: LiveKitTelephony,
  lifecycle: InterviewLifecycle,
  log: CallLog,
  intervalMs = 30_000,
): () => void {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    telephony
      .reconcile(lifecycle)
      .then((summary) => {
        if (summary.checked > 0) log.info(summary, 'reconciled calls in flight');
      })
      .catch((error: unknown) => log.error({ err: error }, 'reconciler failed'))
      .finally(() => {
        isRunning = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
