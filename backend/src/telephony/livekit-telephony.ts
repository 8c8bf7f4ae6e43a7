import type { Kysely } from 'kysely';
import {
  AgentDispatchClient,
  EgressClient,
  RoomServiceClient,
  SipClient,
  WebhookReceiver,
} from 'livekit-server-sdk';
import { AgentRedispatcher } from './agent-redispatcher.js';
import type { CallLog } from './call-log.js';
import type { Env } from '../env.js';
import type { CallPlacer, DialVerdict, PlaceCallRequest } from './call-placer.js';
import { CallRecorder } from './call-recorder.js';
import { RecordingBucket, recordingStorageFromEnv } from '../recordings/recording-bucket.js';
import { LiveKitSipCallPlacer } from './livekit-sip-call-placer.js';
import { LiveKitWebCallPlacer } from './livekit-web-call-placer.js';
import { SharedDialPacer } from './shared-dial-pacer.js';
import type { Database } from '../db/schema.js';

/** Everything phone and web mode need from LiveKit, built once from configuration. */
export interface LiveKitTelephony {
  callPlacer: CallPlacer;
  rooms: RoomServiceClient;
  receiver: WebhookReceiver;
  recorder: CallRecorder | undefined;
  recordings: RecordingBucket | undefined;
  /** REL-5: sends a new agent into a live call whose agent was lost. */
  agents: AgentRedispatcher;
  /** How long the agent's backend token lives: the longest a call can take, plus a margin. */
  agentTokenTtlS: number;
}

export interface CreateLiveKitTelephonyOptions {
  env: Env;
  db: Kysely<Database>;
  log: CallLog;
  /**
   * Asked right before the INVITE, after the pacer's wait: a call canceled, a job closed or
   * dialing paused meanwhile must not ring (REL-3, FR-6).
   */
  mayDial: (request: PlaceCallRequest) => Promise<DialVerdict>;
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
  const rooms = new RoomServiceClient(url, key, secret, { requestTimeout });
  const dispatch = new AgentDispatchClient(url, key, secret, { requestTimeout });
  const agentTokenTtlS = env.RINGING_TIMEOUT_S + env.CALL_MAX_DURATION_S + 5 * 60;
  const callPlacer: CallPlacer =
    env.mode === 'phone' && env.SIP_TRUNK_ID !== undefined
      ? new LiveKitSipCallPlacer({
          // Failover off: a dial replayed against another region after a timeout rings twice.
          sip: new SipClient(url, key, secret, { failover: false, requestTimeout }),
          dispatch,
          rooms,
          trunkId: env.SIP_TRUNK_ID,
          agentName: env.AGENT_NAME,
          ringingTimeoutS: env.RINGING_TIMEOUT_S,
          maxCallDurationS: env.CALL_MAX_DURATION_S,
          requestTimeoutS: requestTimeout,
          // Shared through the database, so the carrier's limit holds across replicas.
          pacer: new SharedDialPacer(db, env.SIP_CALLS_PER_SECOND),
          mayDial: options.mayDial,
          log,
        })
      : new LiveKitWebCallPlacer({
          rooms,
          livekitUrl: url,
          apiKey: key,
          apiSecret: secret,
          agentName: env.AGENT_NAME,
          emptyTimeoutS: 10 * 60,
          // The agent waits this long for a candidate who left (a reload); the room outlasts it,
          // so the agent's own end report, not LiveKit closing the room, ends the call.
          departureTimeoutS: env.WEB_REJOIN_GRACE_S + 15,
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
    rooms,
    receiver: new WebhookReceiver(key, secret),
    recorder,
    recordings,
    agents: new AgentRedispatcher({
      dispatch,
      rooms,
      agentName: env.AGENT_NAME,
      log,
    }),
    agentTokenTtlS,
  };
}
