import {
  createLlmResponder,
  createScriptedResponder,
  scoreInterviewWithLlm,
  type Responder,
} from '@screenline/core';
import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';
import type { Env } from '../env.js';
import { createJobQueue, type JobQueue } from '../queue/job-queue.js';
import { evaluateInterview, type InterviewScorer } from '../services/evaluate-interview.js';
import {
  CALLBACK_QUEUE,
  InterviewConversations,
  SCORE_QUEUE,
} from '../services/interview-conversations.js';
import { startPhoneScreen, type StartPhoneScreenInput } from '../services/start-phone-screen.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import type { DialPolicy } from '../services/dial-policy.js';
import { SimulatedCallPlacer } from '../telephony/simulated-call-placer.js';
import { createInterviewBus, type InterviewBus } from './interview-bus.js';
import { InterviewStore } from '../db/repositories/interview-store.js';
import { CandidateLinks } from '../db/repositories/candidate-links.js';
import { dialAttempt } from '../services/dial-attempt.js';
import { startNextAttempt } from '../services/start-next-attempt.js';
import { cancelIfJobClosed } from '../services/job-closed-screens.js';
import { requeueLostCallbacks } from '../services/lost-callback-sweep.js';
import { BackgroundTasks } from '../lib/background-tasks.js';
import { InterviewLifecycle } from '../services/interview-lifecycle.js';

export interface InterviewRuntimeOptions {
  env: Env;
  database: DatabaseHandle;
  log: FastifyBaseLogger;
  /** The telephony port; the simulated one when absent. */
  callPlacer?: CallPlacer;
  /** Kill switch, calling hours, agent metadata and retries of LiveKit modes. */
  dialPolicy?: DialPolicy;
  /** Queue polling; short in tests and the CLI. */
  queuePollingIntervalSeconds?: number;
  /** A long-lived server turns the queue's schedules (sweeps, reconciler) into jobs. */
  runsSchedules?: boolean;
  /** The candidates' links (each start answers with one); the app shares its own. */
  links?: CandidateLinks;
}

/** The queue name of the sweep that re-queues scheduled calls whose job was lost. */
export const LOST_CALLBACK_SWEEP = 'sweep-lost-callbacks';

/** Everything a live screen needs, created once per app and closed with it. */
export interface InterviewRuntime {
  store: InterviewStore;
  /** The one writer of an interview's status; the app connects its ports (queues, hang-up). */
  lifecycle: InterviewLifecycle;
  bus: InterviewBus;
  queue: JobQueue;
  conversations: InterviewConversations;
  callPlacer: CallPlacer;
  /** Dials that wait for the answer after the request that started them has been answered. */
  background: BackgroundTasks;
  start(input: StartPhoneScreenInput): ReturnType<typeof startPhoneScreen>;
  close(): Promise<void>;
}

/** Wires the store, bus, queue, conversations and telephony port, and starts the queue workers. */
export async function createInterviewRuntime(
  options: InterviewRuntimeOptions,
): Promise<InterviewRuntime> {
  const { env, database, log } = options;
  const bus = await createInterviewBus(database);
  const background = new BackgroundTasks(log);
  const store = new InterviewStore(database.db, bus);
  const lifecycle = new InterviewLifecycle(database.db, bus, log);
  const links = options.links ?? new CandidateLinks(database.db);
  const queue = createJobQueue(database, {
    pollingIntervalSeconds: options.queuePollingIntervalSeconds ?? 2,
    runsSchedules: options.runsSchedules ?? false,
    onError: (error) => log.error({ err: error }, 'queue error'),
  });
  // LLM_MODE=llm with an endpoint: the model reads turns and scores interviews.
  const llmEndpoint =
    env.LLM_MODE === 'llm' && env.LLM_BASE_URL !== undefined && env.LLM_MODEL !== undefined
      ? { baseUrl: env.LLM_BASE_URL, model: env.LLM_MODEL, apiKey: env.LLM_API_KEY }
      : undefined;
  const createResponder = (): Responder =>
    llmEndpoint === undefined
      ? createScriptedResponder()
      : createLlmResponder({
          ...llmEndpoint,
          onFallback: (reason) =>
            log.warn({ reason }, 'LLM reply unusable; this turn used the scripted rules'),
        });
  const conversations = new InterviewConversations({
    store,
    lifecycle,
    log,
    createResponder,
    silenceTimeoutMs: env.SILENCE_TIMEOUT_S * 1000,
    maxDurationMs: env.CALL_MAX_DURATION_S * 1000,
  });

  const simulated = new SimulatedCallPlacer(
    {
      onRinging: async (interviewId) => {
        await lifecycle.apply(interviewId, { type: 'ringing' });
      },
      onAnswered: async (interviewId) => {
        const answered = await lifecycle.apply(interviewId, { type: 'answered' });
        if (answered.result === 'applied') await conversations.open(interviewId);
      },
      onError: (interviewId, error) =>
        log.error({ err: error, interviewId }, 'simulated call failed'),
    },
    env.SIMULATED_RING_MS,
  );
  const callPlacer = options.callPlacer ?? simulated;

  await queue.start();
  const scorer: InterviewScorer | undefined =
    llmEndpoint === undefined
      ? undefined
      : (plan, transcript, now) =>
          scoreInterviewWithLlm(plan, transcript, {
            ...llmEndpoint,
            now,
            onFallback: (reason) =>
              log.warn({ reason }, 'LLM scoring unusable; the keyword heuristic scored this one'),
          });
  await queue.work<{ interviewId: string }>(SCORE_QUEUE, async ({ interviewId }) => {
    await evaluateInterview({ store, lifecycle, log }, interviewId, scorer);
  });
  await queue.work<{ interviewId: string; attempt: number; scheduledFor?: string }>(
    CALLBACK_QUEUE,
    async ({ interviewId, attempt, scheduledFor }) => {
      const interview = await store.find(interviewId);
      if (interview?.status !== 'scheduled' || interview.attempt !== attempt) return;
      // The job closed after this call was queued (a retry of a call in flight at the close).
      if (await cancelIfJobClosed({ store, lifecycle }, interview)) return;
      // In the browser nobody can be called: a web screen put off waits for the candidate to
      // start it from their link (POST /api/my-call/join). A room made now would wait empty.
      if (interview.mode === 'web') return;
      // The candidate moved the call from their link: a job queued for another time, while the
      // call's own time is still ahead, gives way to the job queued for that time. (A job without
      // a time, or one running after the call's time, goes ahead as before.)
      if (
        scheduledFor !== undefined &&
        interview.scheduledFor !== null &&
        interview.scheduledFor.getTime() > Date.now() + 1000 &&
        Math.abs(interview.scheduledFor.getTime() - Date.parse(scheduledFor)) > 1000
      )
        return;
      const dialPolicy = options.dialPolicy;
      if (dialPolicy !== undefined && env.mode === 'phone') {
        // A queued call still respects the kill switch and the callee's calling hours.
        const paused = !(await dialPolicy.isDialingEnabled());
        const callTime = paused
          ? { kind: 'later' as const, at: new Date(Date.now() + 10 * 60_000) }
          : await dialPolicy.planCallTime({
              phoneE164: interview.phoneE164,
              timezone: interview.timezone ?? undefined,
            });
        if (callTime.kind === 'never') return;
        if (callTime.kind === 'later') {
          await dialPolicy.scheduleCall(interviewId, attempt, callTime.at);
          return;
        }
      }
      const next = await startNextAttempt({ store, lifecycle, log }, interview);
      if (next === undefined) return;
      // The dial waits for the answer: the job is done once it is placed, so due callbacks
      // ring side by side rather than one ring after another.
      background.run('callback dial', () =>
        dialAttempt({ store, lifecycle, callPlacer, dialPolicy: options.dialPolicy }, next),
      );
    },
  );

  if (callPlacer === simulated) {
    await resumeSimulatedRings(database, simulated, log);
    await resumeSimulatedConversations(database, conversations, log);
  }
  // REL-4: every minute, once across the replicas.
  await queue.schedule(LOST_CALLBACK_SWEEP, '* * * * *', async () => {
    await requeueLostCallbacks({ db: database.db, queue, log });
  });
  let closing: Promise<void> | undefined;

  return {
    store,
    lifecycle,
    bus,
    queue,
    conversations,
    callPlacer,
    background,
    start: (input) =>
      startPhoneScreen(
        {
          store,
          lifecycle,
          callPlacer,
          mode: env.mode,
          allowedCountries: env.ALLOWED_COUNTRIES,
          limits: {
            perIpPerHour: env.RATE_LIMIT_PER_IP_PER_HOUR,
            perNumberPer10Min: env.RATE_LIMIT_PER_NUMBER_PER_10_MIN,
            perNumberPerDay: env.RATE_LIMIT_PER_NUMBER_PER_DAY,
            perPrefixPerHour: env.RATE_LIMIT_PER_PREFIX_PER_HOUR,
            globalPerMinute: env.RATE_LIMIT_GLOBAL_PER_MINUTE,
          },
          log,
          background,
          links,
          ...(options.dialPolicy === undefined ? {} : { dialPolicy: options.dialPolicy }),
        },
        input,
      ),
    close() {
      // Idempotent: the app closes its runtime, and so may whoever built it.
      closing ??= (async () => {
        await background.drain();
        simulated.close();
        conversations.close();
        await queue.stop();
        await bus.close();
      })();
      return closing;
    },
  };
}

/**
 * A simulated call's ring lives in this process: after a restart, calls that were dialing or
 * ringing ring again instead of staying stuck (REL-4; LiveKit calls have the reconciler).
 */
async function resumeSimulatedRings(
  database: InterviewRuntimeOptions['database'],
  simulated: SimulatedCallPlacer,
  log: InterviewRuntimeOptions['log'],
): Promise<void> {
  const stuck = await database.db
    .selectFrom('interviews')
    .select(['id', 'attempt', 'room_name', 'phone_e164'])
    .where('mode', '=', 'simulated')
    .where('status', 'in', ['dialing', 'ringing'])
    .execute();
  for (const interview of stuck) {
    await simulated.placeCall({
      interviewId: interview.id,
      attempt: interview.attempt,
      roomName: interview.room_name ?? `screen-${interview.id}-${interview.attempt}`,
      phoneE164: interview.phone_e164,
      agentMetadata: JSON.stringify({ interviewId: interview.id }),
    });
  }
  if (stuck.length > 0)
    log.info({ count: stuck.length }, 'resumed simulated calls after a restart');
}

/** Simulated conversations in progress when the server stopped get their silence timer back. */
async function resumeSimulatedConversations(
  database: InterviewRuntimeOptions['database'],
  conversations: InterviewConversations,
  log: InterviewRuntimeOptions['log'],
): Promise<void> {
  const live = await database.db
    .selectFrom('interviews')
    .select('id')
    .where('mode', '=', 'simulated')
    .where('status', '=', 'in_progress')
    .execute();
  for (const interview of live) conversations.resumeAfterRestart(interview.id);
  if (live.length > 0)
    log.info({ count: live.length }, 'resumed simulated conversations after a restart');
}
