import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { bootstrapFirstAdmin } from './auth/bootstrap-admin.js';
import { FirstRunSetup, attachFirstRunSetup } from './auth/first-run-setup.js';
import { RecruiterAuth, SESSION_COOKIE } from './auth/recruiter-auth.js';
import { JobsRepository } from './db/repositories/jobs-repository.js';
import { ResumesRepository } from './db/repositories/resumes-repository.js';
import type { DatabaseHandle } from './db/database.js';
import type { Env } from './env.js';
import { registerErrorHandler } from './errors/error-handler.js';
import { loggerOptions } from './lib/logger-options.js';
import { registerFrontend } from './plugins/frontend-static.js';
import { authRoutes } from './routes/auth/auth-routes.js';
import { healthRoutes } from './routes/health/health-routes.js';
import { jobsRoutes } from './routes/jobs/jobs-routes.js';
import { recruiterInterviewsRoutes } from './routes/recruiter/recruiter-interviews-routes.js';
import { interviewResumeRoutes } from './routes/recruiter/interview-resume-routes.js';
import { feedbackRoutes } from './routes/feedback/feedback-routes.js';
import { createInterviewRuntime, type InterviewRuntime } from './interviews/interview-runtime.js';
import { interviewsRoutes } from './routes/interviews/interviews-routes.js';
import type { CallPlacer } from './telephony/call-placer.js';
import { CALLBACK_QUEUE, SCORE_QUEUE } from './services/interview-conversations.js';
import type { ScheduledCallQueue } from './services/call-retries.js';
import { interviewCancelRoutes } from './routes/interview-cancel/interview-cancel-routes.js';
import { createDialPolicy, createMayDial } from './services/dial-policy.js';
import { CallRetries } from './services/call-retries.js';
import { createLiveKitTelephony } from './telephony/livekit-telephony.js';
import { handleLiveKitEvent } from './services/handle-livekit-event.js';
import { reconcileCalls } from './services/reconcile-calls.js';
import { warnAboutCallingHours } from './services/calling-hours-plan.js';
import { liveKitWebhookRoutes } from './routes/livekit-webhook/livekit-webhook-routes.js';
import { agentReportsRoutes } from './routes/agent-reports/agent-reports-routes.js';
import { AgentReports } from './services/agent-reports.js';
import { RecordingBucket, recordingStorageFromEnv } from './recordings/recording-bucket.js';
import { privacyRoutes } from './routes/privacy/privacy-routes.js';
import { dialingRoutes } from './routes/admin/dialing-routes.js';
import { hangUpRingingCalls } from './services/hang-up-ringing-calls.js';
import { createCandidateAccess } from './auth/candidate-access.js';
import { applyRetention } from './services/apply-retention.js';
import { resumesRoutes, resumesRoutesOptions } from './routes/resumes/resumes-routes.js';
import { webhooksRoutes } from './routes/webhooks/webhooks-routes.js';
import { apiKeysRoutes } from './routes/api-keys/api-keys-routes.js';
import { invitationRoutes } from './routes/team/invitation-routes.js';
import { teamRoutes } from './routes/team/team-routes.js';
import { jobFunnelRoutes } from './routes/jobs/job-funnel-routes.js';
import { candidateLinkRoutes } from './routes/candidate-link/candidate-link-routes.js';
import { CandidateLinks } from './db/repositories/candidate-links.js';
import { runWebhooks, type WebhookTuning } from './webhooks/run-webhooks.js';
import { systemResolver, type HostResolver } from './webhooks/url-guard.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The same relative path works from `src/` (dev, tests) and from `dist/` (production). */
const DEFAULT_FRONTEND_DIR = path.resolve(here, '../../frontend/dist');
/** Between the end of a real call and its scoring: the agent may still be delivering turns. */
const REAL_CALL_SCORING_DELAY_MS = 15_000;
/** Queue names of the schedules: each runs once per tick across every replica. */
const RETENTION_SWEEP = 'sweep-retention';
const RECONCILE_CALLS = 'reconcile-calls';

export interface BuildAppOptions {
  env: Env;
  database: DatabaseHandle;
  /** Where the built frontend lives; defaults to `frontend/dist`. */
  frontendDir?: string;
  /** The telephony port; the simulated one when absent. */
  callPlacer?: CallPlacer;
  /** A ready interview runtime (tests and the CLI wait on its bus); one is created when absent. */
  interviewRuntime?: InterviewRuntime;
  /**
   * A long-lived server (server.ts) turns the queue's schedules into jobs: the reconciler, the
   * lost-callback sweep and retention, each once per tick across the replicas. Off in tests.
   */
  runsSchedules?: boolean;
  /** Outbound webhooks: a stub resolver and short delays in tests. */
  webhooks?: WebhookTuning & { resolver?: HostResolver };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's interview runtime: store, lifecycle, bus and durable queue. */
    interviewRuntime: InterviewRuntime;
  }
}

/** Builds the HTTP app without listening, so tests can call it with `app.inject()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { env, database } = options;
  const app = Fastify({
    logger: loggerOptions({
      level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
      production: env.NODE_ENV === 'production',
      pretty: process.stdout.isTTY && env.NODE_ENV !== 'production',
    }),
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Screenline API',
        description: 'AI phone screening for recruiting.',
        version: readVersion(),
      },
      components: {
        securitySchemes: {
          recruiterSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key (sk_...) made by an administrator: `read` lists and reads interviews and ' +
              'exports them; `write` also records decisions and notes.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(fastifyCookie);

  const jobs = new JobsRepository(database.db);
  // The queue and the call placer live in the runtime, built further down: a late-bound reference.
  const runtimeRef: { current?: InterviewRuntime } = {};
  await app.register(healthRoutes, {
    mode: env.mode,
    database: database.kind,
    version: readVersion(),
  });
  const auth = new RecruiterAuth(database.db, {
    idleTimeoutS: env.SESSION_IDLE_TIMEOUT_S,
    maxAgeS: env.SESSION_MAX_AGE_S,
  });
  await bootstrapFirstAdmin(
    auth.users,
    { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
    app.log,
  );
  const setup = await FirstRunSetup.open(auth.users);
  attachFirstRunSetup(app, setup);
  await app.register(authRoutes, { auth, setup });
  await app.register(apiKeysRoutes, { auth });
  await app.register(jobFunnelRoutes, { db: database.db, jobs, auth });
  await app.register(teamRoutes, { db: database.db, auth, publicUrl: env.PUBLIC_URL });
  await app.register(invitationRoutes, { db: database.db, auth });
  const recordingStorage = recordingStorageFromEnv(env);
  const erasure = {
    db: database.db,
    dataDir: env.DATA_DIR,
    recordings: recordingStorage === undefined ? undefined : new RecordingBucket(recordingStorage),
  };
  await app.register(privacyRoutes, { ...erasure, auth });
  await app.register(dialingRoutes, {
    db: database.db,
    auth,
    mode: env.mode,
    isDisabledByConfig: env.DIALING_DISABLED,
    hangUpRinging: async () => {
      const runtime = runtimeRef.current;
      return runtime === undefined ? 0 : hangUpRingingCalls(database.db, runtime.lifecycle);
    },
  });
  await app.register(recruiterInterviewsRoutes, {
    db: database.db,
    auth,
    recordings: erasure.recordings,
  });
  await app.register(interviewResumeRoutes, {
    resumes: new ResumesRepository(database.db),
    auth,
    dataDir: env.DATA_DIR,
  });
  await app.register(resumesRoutes, resumesRoutesOptions(env, database, jobs));
  // Telephony by mode: LiveKit SIP (phone), a LiveKit room (web), in-process (simulated).
  const callDb = database.db;
  const candidateLinks = new CandidateLinks(database.db);
  const callQueue: ScheduledCallQueue = {
    enqueue: async ({ interviewId, attempt, at }) => {
      // The candidate's link stays good past the next call: in web mode it is the only way back.
      await candidateLinks.extend(interviewId, at);
      if (runtimeRef.current === undefined) throw new Error('the interview runtime is not ready');
      await runtimeRef.current.queue.send(
        CALLBACK_QUEUE,
        // The time rides along: if the candidate moves the call, this job gives way.
        { interviewId, attempt, scheduledFor: at.toISOString() },
        { startAfter: at, singletonKey: `call:${interviewId}:${attempt}:${at.getTime()}` },
      );
    },
  };
  // On a real call the agent may still be delivering its last turns: score a little later.
  const scoringDelayMs = env.mode === 'simulated' ? 0 : REAL_CALL_SCORING_DELAY_MS;
  const scoreQueue = {
    enqueue: async (interviewId: string) => {
      if (runtimeRef.current === undefined) throw new Error('the interview runtime is not ready');
      await runtimeRef.current.queue.send(
        SCORE_QUEUE,
        { interviewId },
        {
          singletonKey: interviewId,
          ...(scoringDelayMs === 0 ? {} : { startAfter: new Date(Date.now() + scoringDelayMs) }),
        },
      );
    },
  };
  const telephony = createLiveKitTelephony({
    env,
    db: callDb,
    log: app.log,
    mayDial: createMayDial(callDb, env.DIALING_DISABLED),
    recordings: erasure.recordings,
  });
  const retries =
    telephony === undefined
      ? undefined
      : new CallRetries({
          db: callDb,
          callingHours: env.CALLING_HOURS,
          mode: env.mode,
          log: app.log,
        });
  warnAboutCallingHours(env.CALLING_HOURS, app.log);
  const dialPolicy = createDialPolicy({
    db: callDb,
    mode: env.mode,
    isDialingDisabled: env.DIALING_DISABLED,
    callingHours: env.CALLING_HOURS,
    agentTokenTtlS: telephony?.agentTokenTtlS ?? 0,
    webRejoinGraceS: env.WEB_REJOIN_GRACE_S,
    queue: callQueue,
  });
  const callPlacer = options.callPlacer ?? telephony?.callPlacer;
  const interviewRuntime =
    options.interviewRuntime ??
    (await createInterviewRuntime({
      env,
      database,
      log: app.log,
      dialPolicy,
      links: candidateLinks,
      runsSchedules: options.runsSchedules ?? false,
      ...(callPlacer ? { callPlacer } : {}),
    }));
  runtimeRef.current = interviewRuntime;
  // Tests and the CLI reach the runtime (its store, lifecycle and queue) through the app.
  app.decorate('interviewRuntime', interviewRuntime);
  const { lifecycle } = interviewRuntime;
  lifecycle.connect({
    scoring: scoreQueue,
    calls: callQueue,
    hangUp: (roomName) => interviewRuntime.callPlacer.hangUp(roomName),
    ...(retries === undefined ? {} : { retries }),
    ...(telephony === undefined
      ? {}
      : {
          agents: {
            redispatch: async (interviewId: string, roomName: string) => {
              await telephony.agents.redispatch(interviewId, roomName, () =>
                dialPolicy.agentMetadata(interviewId),
              );
            },
          },
        }),
  });
  const authorizeCandidate = createCandidateAccess(interviewRuntime.store, auth);
  await app.register(interviewsRoutes, {
    runtime: interviewRuntime,
    authorizeCandidate,
  });
  await app.register(interviewCancelRoutes, { lifecycle, authorizeCandidate });
  // Closing a job ends its calls still to come, through the lifecycle.
  await app.register(jobsRoutes, {
    jobs,
    auth,
    screens: { store: interviewRuntime.store, lifecycle },
  });
  await app.register(feedbackRoutes, { store: interviewRuntime.store, authorizeCandidate });
  await app.register(candidateLinkRoutes, {
    links: candidateLinks,
    store: interviewRuntime.store,
    db: callDb,
    lifecycle,
    callingHours: env.CALLING_HOURS,
    screens: { callPlacer: interviewRuntime.callPlacer, dialPolicy },
  });
  const webhookPolicy = {
    allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS,
    requireHttps: env.NODE_ENV === 'production',
  };
  const webhookResolver = options.webhooks?.resolver ?? systemResolver;
  await app.register(webhooksRoutes, {
    db: database.db,
    auth,
    policy: webhookPolicy,
    resolver: webhookResolver,
  });
  const stopWebhooks = await runWebhooks({
    ...options.webhooks,
    db: database.db,
    queue: interviewRuntime.queue,
    policy: webhookPolicy,
    resolver: webhookResolver,
    log: app.log,
  });
  app.addHook('onClose', async () => {
    stopWebhooks();
  });
  if (env.RETENTION_DAYS > 0) {
    // LAW-6: hourly, once across the replicas.
    await interviewRuntime.queue.schedule(RETENTION_SWEEP, '17 * * * *', async () => {
      const result = await applyRetention(erasure, { retentionDays: env.RETENTION_DAYS });
      if (result.candidates > 0 || result.orphanResumes > 0) {
        app.log.info({ ...result }, 'retention sweep erased expired data');
      }
    });
  }
  if (telephony !== undefined) {
    await app.register(liveKitWebhookRoutes, {
      receiver: telephony.receiver,
      handle: (event) =>
        handleLiveKitEvent(
          { db: callDb, lifecycle, recordings: telephony.recordings, log: app.log },
          event,
        ),
    });
    await app.register(agentReportsRoutes, {
      reports: new AgentReports({
        db: callDb,
        lifecycle,
        recorder: telephony.recorder,
        recordings: telephony.recordings,
        publish: (interviewId) => interviewRuntime.bus.publish(interviewId),
        log: app.log,
      }),
    });
    // LK-1: LiveKit may drop webhooks; every minute, once across the replicas.
    await interviewRuntime.queue.schedule(RECONCILE_CALLS, '* * * * *', async () => {
      const summary = await reconcileCalls({
        db: callDb,
        rooms: telephony.rooms,
        lifecycle,
        log: app.log,
        dialStaleAfterS: env.RINGING_TIMEOUT_S + 60,
        callStaleAfterS: env.CALL_MAX_DURATION_S + 120,
      });
      if (summary.checked > 0) app.log.info(summary, 'reconciled calls in flight');
    });
  }

  await registerFrontend(app, options.frontendDir ?? DEFAULT_FRONTEND_DIR);
  return app;
}

let cachedVersion: string | undefined;

/** The product version from the root package.json. */
export function readVersion(): string {
  if (cachedVersion === undefined) {
    const manifest = JSON.parse(readFileSync(path.resolve(here, '../../package.json'), 'utf8')) as {
      version?: string;
    };
    cachedVersion = manifest.version ?? '0.0.0';
  }
  return cachedVersion;
}

/** A number of proxies becomes "trust that many hops" (proxy-addr counts hops from the socket). */
function trustProxySetting(
  setting: number | string | false,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}
