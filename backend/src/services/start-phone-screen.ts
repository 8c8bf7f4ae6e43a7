import {
  AppError,
  buildInterviewPlan,
  checkPhoneNumber,
  currentConsentDisclosure,
  renderConsentText,
  findConsentDisclosure,
  isKnownTimeZone,
  phoneNumberPrefix,
  EMPTY_PARSED_RESUME,
  ZParsedResume,
  type Mode,
  type ParsedResume,
  type StartPhoneScreenRequest,
  type StartPhoneScreenResponse,
} from '@screenline/core';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, OperationNodeSource } from 'kysely';
import type { Database } from '../db/schema.js';
import { readStartContext } from '../db/repositories/start-context.js';
import { candidateLinkAnswer, type CandidateLinks } from '../db/repositories/candidate-links.js';
import type { InterviewRecord, InterviewStore } from '../db/repositories/interview-store.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import type { BackgroundTasks } from '../lib/background-tasks.js';
import { createToken, hashToken } from '../lib/tokens.js';
import {
  consumeRateLimits,
  refuseIfOverRateLimits,
  type RateLimitRule,
} from '../rate-limit/rate-limiter.js';
import type { CallPlacer } from '../telephony/call-placer.js';
import type { DialPolicy } from './dial-policy.js';
import { dialAttempt } from './dial-attempt.js';
import { newStoredConversation } from './interview-conversations.js';

/** The FR-4 limits (0 turns one off). */
export interface StartLimits {
  perIpPerHour: number;
  perNumberPer10Min: number;
  perNumberPerDay: number;
  perPrefixPerHour: number;
  globalPerMinute: number;
}

export interface StartPhoneScreenDeps {
  store: InterviewStore;
  lifecycle: InterviewLifecycle;
  callPlacer: CallPlacer;
  mode: Mode;
  allowedCountries: readonly string[];
  limits: StartLimits;
  log: FastifyBaseLogger;
  /** Kill switch, calling hours, agent metadata and retries; absent: call now, no retries. */
  dialPolicy?: DialPolicy;
  /** Where a phone dial waits for the answer, after the start has answered. */
  background: BackgroundTasks;
  /** The candidate's links: every start answers with one (it lasts past the call's time). */
  links: CandidateLinks;
  now?: () => Date;
}

export interface StartPhoneScreenInput {
  body: StartPhoneScreenRequest;
  idempotencyKey: string | undefined;
  ip: string;
  userAgent: string | undefined;
}

/** The start's answer, with the candidate's link to the call. */
export interface StartedPhoneScreen {
  answer: StartPhoneScreenResponse & { candidateLink: { path: string; expiresAt: string } };
}

/** An IANA zone name with a region ("America/Chicago") or UTC, not an abbreviation like "EST". */
function isRegionTimeZone(zone: string): boolean {
  return isKnownTimeZone(zone) && (zone.includes('/') || zone === 'UTC');
}

function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, details: { fields: [{ field, message }] } });
}

/**
 * The number of a start. Phone and simulated mode (a rehearsal of the phone call) dial it and
 * require it. Web mode calls no number and asks for none; one sent anyway passes the same gate
 * and is kept on the candidate as contact data only (an opt-out suppresses it), never dialled.
 */
interface StartPhone {
  /** What the interview dials: null in web mode. */
  dialled: string | null;
  /** What the candidate's record keeps. */
  contact: string | null;
  country: string | undefined;
}

function readStartPhone(
  mode: Mode,
  phone: string | undefined,
  allowedCountries: readonly string[],
): StartPhone {
  if (phone === undefined) {
    if (mode === 'web') return { dialled: null, contact: null, country: undefined };
    throw invalid('body.phone', 'phone is required: enter the number we should call.');
  }
  const gate = checkPhoneNumber(phone, { allowedCountries });
  if (!gate.ok) throw invalid('body.phone', gate.message);
  return {
    dialled: mode === 'web' ? null : gate.e164,
    contact: gate.e164,
    country: gate.country,
  };
}

/** Which unique constraint a PostgreSQL error broke, if any. */
function uniqueViolation(error: unknown): string | null {
  const pgError = error as { code?: string; constraint?: string; message?: string } | null;
  if (pgError?.code !== '23505') return null;
  return pgError.constraint ?? pgError.message ?? '';
}

/**
 * "Call Me Now": validate, apply policy, persist the interview with its first event and the consent
 * in one transaction, then ask the telephony port to place the call. Mode-agnostic: the port is
 * simulated, LiveKit web or LiveKit SIP.
 */
export async function startPhoneScreen(
  deps: StartPhoneScreenDeps,
  input: StartPhoneScreenInput,
): Promise<StartedPhoneScreen> {
  const { body, idempotencyKey } = input;
  const now = deps.now?.() ?? new Date();

  // 1. Validate.
  if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
    throw invalid(
      'headers.idempotency-key',
      'The Idempotency-Key header must be 1 to 200 visible ASCII characters.',
    );
  }
  if (body.timezone !== undefined && !isRegionTimeZone(body.timezone)) {
    throw invalid('body.timezone', 'timezone must be an IANA time zone such as America/Chicago.');
  }
  const phone = readStartPhone(deps.mode, body.phone, deps.allowedCountries);
  const disclosure =
    body.consentTextVersion === undefined
      ? currentConsentDisclosure(deps.mode)
      : findConsentDisclosure(body.consentTextVersion);
  if (disclosure === undefined) {
    throw invalid(
      'body.consentTextVersion',
      'This consent text version is unknown. Reload the page and agree again.',
    );
  }
  // Agreeing to a conversation in the browser is not agreeing to a call to a number.
  if (disclosure.channel === 'web' && deps.mode !== 'web') {
    throw invalid(
      'body.consentTextVersion',
      'This consent was for a call in the browser, but this service calls your phone. Reload the page and agree again.',
    );
  }

  const context = await readStartContext(deps.store.db, {
    jobId: body.jobId,
    resumeId: body.resumeId,
    phoneE164: phone.dialled,
    idempotencyKey,
  });
  if (context.byIdempotencyKey !== undefined) {
    return replay(deps, context.byIdempotencyKey, body, phone.dialled);
  }
  // Applying again while the call is pending opens that call, with a token of its own (another
  // number still gets the 409, as a second call would; in web mode, no number both times).
  if (context.pending?.phoneE164 === phone.dialled) {
    return replay(deps, context.pending, body, phone.dialled);
  }

  const job = context.job;
  if (job?.status !== 'open') {
    throw new AppError('NOT_FOUND', { message: 'This job does not exist or is no longer open.' });
  }
  const db = deps.store.db;
  const resume = context.resume;
  if (resume === undefined) {
    throw new AppError('NOT_FOUND', {
      message: 'This resume does not exist. Upload your resume again.',
    });
  }

  // 2. Policy.
  await deps.dialPolicy?.assertDialingEnabled();
  const callTime = (await deps.dialPolicy?.planCallTime({
    phoneE164: phone.dialled,
    timezone: body.timezone,
  })) ?? { kind: 'now' as const };
  if (callTime.kind === 'never' && deps.mode === 'phone') {
    throw new AppError('UNPROCESSABLE', {
      message:
        'We cannot find a time to call this number within calling hours. Use another number.',
    });
  }
  // Calling hours guard phones only: elsewhere the screen goes ahead and the answer says when.
  const deferredTo = callTime.kind === 'later' && deps.mode === 'phone' ? callTime.at : undefined;
  if (context.isNumberSuppressed) {
    throw new AppError('FORBIDDEN', {
      message:
        'This number asked not to be called again, so we cannot call it. Use another number.',
    });
  }
  const parsed = ZParsedResume.safeParse(resume.parsed);
  const parsedResume = parsed.success ? parsed.data : EMPTY_PARSED_RESUME;
  const candidateName = body.name ?? parsedResume.name;
  const plan = buildInterviewPlan(job, parsedResume, {
    candidateName,
    channel: deps.mode === 'web' ? 'web' : 'phone',
  });
  const rules = rateLimitRules(deps.limits, input.ip, phone.dialled ?? { resumeId: resume.id });
  try {
    await refuseIfOverRateLimits(db, rules, now);
  } catch (error) {
    // The context was read before this check: a duplicate of this click, or this candidate
    // applying again, may have committed since and counted the number's limit. It answers
    // what that start created, as the read would have, not the 429 its counters now give.
    const winner = await concurrentStart(deps, body, phone.dialled, idempotencyKey, error);
    if (winner !== undefined) return winner;
    throw error;
  }

  // 3. Persist the interview, its first event, the candidate, the consent and the candidate's
  // link before anything leaves the building: one statement (in a transaction with the rate
  // limits' counters when there are limits to count).
  const candidateToken = createToken();
  // The ids are chosen here so that the room (named after the attempt, so a retried request can
  // never open a second one), the consent and the link are written with the row, not after it.
  const interviewId = randomUUID();
  const link = deps.links.prepare(interviewId, deferredTo ?? null);
  const write = (executor: Kysely<Database>): Promise<InterviewRecord> => {
    const candidate = candidateWrites(executor, {
      resume,
      name: body.name,
      email: body.email,
      parsedResume,
      phoneE164: phone.contact,
    });
    return deps.lifecycle.create(
      executor,
      {
        id: interviewId,
        job_id: job.id,
        candidate_id: candidate.id,
        resume_id: resume.id,
        mode: deps.mode,
        phone_e164: phone.dialled,
        timezone: body.timezone ?? null,
        room_name: `screen-${interviewId}-1`,
        idempotency_key: idempotencyKey ?? null,
        candidate_token_hash: hashToken(candidateToken),
        engine_state: JSON.stringify(newStoredConversation(plan)),
      },
      { type: 'screen_started', deferredTo: deferredTo ?? null },
      {
        data: {
          attempt: 1,
          mode: deps.mode,
          ...(deferredTo === undefined ? {} : { reason: 'calling_hours' }),
        },
      },
      [
        ...candidate.writes,
        executor.insertInto('consents').values({
          interview_id: interviewId,
          candidate_id: candidate.id,
          phone_e164: phone.dialled,
          text_version: disclosure.version,
          text_hash: createHash('sha256')
            .update(renderConsentText(disclosure, job.company))
            .digest('hex'),
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 500) ?? null,
        }),
        link.write,
      ],
    );
  };
  const counted = rules.filter((rule) => rule.limit > 0);
  let interview: InterviewRecord;
  try {
    interview =
      counted.length === 0
        ? await write(db)
        : await db.transaction().execute(async (trx) => {
            // Counted after the write, so the counters (every start's global one among them)
            // stay locked for one statement and the commit, not for the whole write.
            const written = await write(trx);
            await consumeRateLimits(trx, counted, now);
            return written;
          });
  } catch (error) {
    // A concurrent start won (its counters or its row stopped this one): answer what it created,
    // so duplicates of one click see one interview.
    const winner = await concurrentStart(deps, body, phone.dialled, idempotencyKey, error);
    if (winner !== undefined) return winner;
    if (uniqueViolation(error) === null) throw error;
    throw new AppError('CONFLICT', {
      message:
        'A call for this application is already in progress or scheduled. Follow it on the call page, or cancel it first.',
    });
  }
  deps.log.info(
    { interviewId: interview.id, mode: deps.mode, country: phone.country },
    'phone screen started',
  );

  const callingHours =
    callTime.kind === 'later'
      ? {
          callingHours: {
            nextCallAt: callTime.at.toISOString(),
            localTime: callTime.localTime,
            timeZone: callTime.zone,
            isScheduled: deferredTo !== undefined,
          },
        }
      : {};
  const candidateLink = candidateLinkAnswer(link);
  if (deferredTo !== undefined) {
    await deps.dialPolicy?.scheduleCall(interview.id, interview.attempt, deferredTo);
    return {
      answer: {
        interview: { id: interview.id, status: interview.status, mode: interview.mode },
        candidateToken,
        candidateLink,
        ...callingHours,
      },
    };
  }

  // 4. Dial. A phone dial waits for the answer (that is when LiveKit reports the SIP code), so it
  // goes on in the background and the page follows it on the event stream.
  const attempt = {
    interviewId: interview.id,
    attempt: interview.attempt,
    roomName: interview.roomName ?? `screen-${interview.id}-1`,
    phoneE164: interview.phoneE164,
  };
  if (deps.mode === 'phone') {
    deps.background.run('dial', () => dialAttempt(deps, attempt));
    return {
      answer: {
        interview: { id: interview.id, status: interview.status, mode: interview.mode },
        candidateToken,
        candidateLink,
        ...callingHours,
      },
    };
  }
  const result = await dialAttempt(deps, attempt);
  // A simulated call changes nothing until it rings, later, from a timer: the row as written is
  // current. Any other outcome (a refused dial, a web call) may have moved it: read it again.
  const current =
    result.outcome === 'simulated'
      ? interview
      : ((await deps.store.find(interview.id)) ?? interview);
  return {
    answer: {
      interview: { id: current.id, status: current.status, mode: current.mode },
      candidateToken,
      candidateLink,
      ...(result.outcome === 'web_call' ? { webCall: result.webCall } : {}),
      ...callingHours,
    },
  };
}

/**
 * The candidate of the application, with the number they gave (and their name and email when they
 * typed them), as writes for the start's statement: a new candidate with the resume linked to it
 * the first time; an update of the one the resume already has after that (none when nothing is
 * new: a web start again, no number, no name).
 */
function candidateWrites(
  db: Kysely<Database>,
  input: {
    resume: { id: string; candidate_id: string | null };
    name: string | undefined;
    email: string | undefined;
    parsedResume: ParsedResume;
    /** Null on a web start without a number. */
    phoneE164: string | null;
  },
): { id: string; writes: OperationNodeSource[] } {
  const { resume, name, email, parsedResume, phoneE164 } = input;
  if (resume.candidate_id !== null) {
    const changes = {
      // A web start without a number keeps the one an earlier application left.
      ...(phoneE164 === null ? {} : { phone_e164: phoneE164 }),
      ...(name === undefined ? {} : { name }),
      ...(email === undefined ? {} : { email }),
    };
    // An empty SET is not valid SQL.
    const writes =
      Object.keys(changes).length === 0
        ? []
        : [db.updateTable('candidates').set(changes).where('id', '=', resume.candidate_id)];
    return { id: resume.candidate_id, writes };
  }
  const id = randomUUID();
  return {
    id,
    writes: [
      db.insertInto('candidates').values({
        id,
        name: name ?? parsedResume.name,
        email: email ?? parsedResume.email,
        phone_e164: phoneE164,
      }),
      db.updateTable('resumes').set({ candidate_id: id }).where('id', '=', resume.id),
    ],
  };
}

/**
 * The pending call of this application when it is for the same number (the same candidate
 * applying again; in web mode, no number both times); another number still gets the 409, as a
 * second call would.
 */
async function reopenPendingCall(
  deps: StartPhoneScreenDeps,
  body: StartPhoneScreenRequest,
  phoneE164: string | null,
): Promise<StartedPhoneScreen | undefined> {
  const pending = await deps.store.findPending(body.resumeId, body.jobId);
  if (pending?.phoneE164 !== phoneE164) return undefined;
  return replay(deps, pending, body, phoneE164);
}

/**
 * What a start refused by a concurrent one answers instead: the interview of its Idempotency-Key
 * (a duplicate of the same click), else, when the refusal was the application's one pending call
 * (its unique index) or the limits that start counted, that call if it is for the same number.
 */
async function concurrentStart(
  deps: StartPhoneScreenDeps,
  body: StartPhoneScreenRequest,
  phoneE164: string | null,
  idempotencyKey: string | undefined,
  refusal: unknown,
): Promise<StartedPhoneScreen | undefined> {
  if (idempotencyKey !== undefined) {
    const existing = await deps.store.findByIdempotencyKey(idempotencyKey);
    if (existing !== undefined) return replay(deps, existing, body, phoneE164);
  }
  const rateLimited = refusal instanceof AppError && refusal.code === 'RATE_LIMITED';
  if (uniqueViolation(refusal) === null && !rateLimited) return undefined;
  return reopenPendingCall(deps, body, phoneE164);
}

/** The same Idempotency-Key again: the same interview, and a new token that also reads it. */
async function replay(
  deps: StartPhoneScreenDeps,
  existing: InterviewRecord,
  body: StartPhoneScreenRequest,
  phoneE164: string | null,
): Promise<StartedPhoneScreen> {
  if (
    existing.resumeId !== body.resumeId ||
    existing.jobId !== body.jobId ||
    existing.phoneE164 !== phoneE164
  ) {
    throw new AppError('CONFLICT', {
      message: 'This Idempotency-Key was already used for a different request. Send a new key.',
    });
  }
  const candidateToken = createToken();
  await deps.store.addAccessToken(existing.id, candidateToken);
  const link = await deps.links.create(existing.id, existing.scheduledFor);
  return {
    answer: {
      interview: { id: existing.id, status: existing.status, mode: existing.mode },
      candidateToken,
      candidateLink: candidateLinkAnswer(link),
    },
  };
}

/**
 * FR-4. The per-number limits guard the number called; a web call calls none, so the same limits
 * hold per application (the resume) instead, and the prefix rule, about numbers, has no subject.
 */
function rateLimitRules(
  limits: StartLimits,
  ip: string,
  target: string | { resumeId: string },
): RateLimitRule[] {
  const shared: RateLimitRule[] = [
    {
      label: 'all candidates right now',
      key: 'start:global',
      limit: limits.globalPerMinute,
      windowS: 60,
    },
    { label: 'your network', key: `start:ip:${ip}`, limit: limits.perIpPerHour, windowS: 3600 },
  ];
  if (typeof target !== 'string') {
    return [
      ...shared,
      {
        label: 'this application',
        key: `start:application:${target.resumeId}`,
        limit: limits.perNumberPer10Min,
        windowS: 600,
      },
      {
        label: 'this application today',
        key: `start:application-day:${target.resumeId}`,
        limit: limits.perNumberPerDay,
        windowS: 86_400,
      },
    ];
  }
  const phoneE164 = target;
  return [
    ...shared,
    {
      label: 'this number',
      key: `start:number:${phoneE164}`,
      limit: limits.perNumberPer10Min,
      windowS: 600,
    },
    {
      label: 'this number today',
      key: `start:number-day:${phoneE164}`,
      limit: limits.perNumberPerDay,
      windowS: 86_400,
    },
    {
      label: 'numbers like this one',
      key: `start:prefix:${phoneNumberPrefix(phoneE164)}`,
      limit: limits.perPrefixPerHour,
      windowS: 3600,
    },
  ];
}
