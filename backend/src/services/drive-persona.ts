import {
  createPersona,
  type EndReason,
  type InterviewStatus,
  type ParsedResume,
  type PersonaName,
  type Scorecard,
  type StartPhoneScreenResponse,
  type TranscriptTurn,
} from '@screenline/core';
import type { FastifyInstance } from 'fastify';
import { readStoredConversation } from './interview-conversations.js';
import type { InterviewRuntime } from '../interviews/interview-runtime.js';

export interface DrivePersonaInput {
  jobId: string;
  resumeId: string;
  phone: string;
  persona: PersonaName;
  /** The resume the persona answers from (the one stored under `resumeId`). */
  resume: ParsedResume;
  /** Gives up after this long (default thirty seconds). */
  timeoutMs?: number;
  remoteAddress?: string;
}

/** A finished simulated screen, as the HTTP API and the store report it. */
export interface DrivenScreen {
  interviewId: string;
  candidateToken: string;
  status: InterviewStatus;
  endReason: EndReason | null;
  transcript: TranscriptTurn[];
  scorecard: Scorecard | null;
}

interface InterviewView {
  interview: { status: InterviewStatus; endReason: EndReason | null };
  transcript: TranscriptTurn[];
}

/**
 * Plays a persona through the public HTTP API, as the candidate's page would: start the screen,
 * wait for the agent to speak, answer through `POST /turns` (or stay silent and let the silence
 * timer act), until the call is over and any scoring has run. Waits on the interview's change
 * signal, never on sleeps. Used by the integration tests and the `screen` CLI.
 */
export async function drivePersona(
  app: FastifyInstance,
  runtime: InterviewRuntime,
  input: DrivePersonaInput,
): Promise<DrivenScreen> {
  const deadline = Date.now() + (input.timeoutMs ?? 30_000);
  const started = await app.inject({
    method: 'POST',
    url: '/api/interview/start-phone-screen',
    remoteAddress: input.remoteAddress ?? '127.0.0.1',
    payload: { jobId: input.jobId, resumeId: input.resumeId, phone: input.phone, consent: true },
  });
  if (started.statusCode !== 202) {
    throw new Error(`start-phone-screen answered ${started.statusCode}: ${started.body}`);
  }
  const { interview, candidateToken } = started.json<StartPhoneScreenResponse>();
  const headers = { authorization: `Bearer ${candidateToken}` };
  const view = async (): Promise<InterviewView> =>
    (
      await app.inject({ method: 'GET', url: `/api/interviews/${interview.id}`, headers })
    ).json<InterviewView>();

  const record = await runtime.store.find(interview.id);
  const { plan } = readStoredConversation(record?.engineState);
  const persona = createPersona(input.persona, plan, input.resume);
  const answered = new Set<string>();

  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`the ${input.persona} screen did not finish in time`);
    // Subscribe before reading, so a change between the read and the wait is not missed.
    const changed = runtime.bus.nextChange(interview.id, 1_000);
    const current = await view();
    const { status } = current.interview;
    if (status !== 'dialing' && status !== 'ringing' && status !== 'in_progress') {
      if (await isSettled(runtime, interview.id)) break;
      await changed;
      continue;
    }
    const last = current.transcript.at(-1);
    if (status !== 'in_progress' || last?.speaker !== 'agent' || answered.has(last.id)) {
      await changed;
      continue;
    }
    answered.add(last.id);
    const said = persona.reply(last.text);
    if (said === null) {
      await changed;
      continue;
    }
    const turn = await app.inject({
      method: 'POST',
      url: `/api/interviews/${interview.id}/turns`,
      headers,
      payload: { text: said },
    });
    if (turn.statusCode !== 200 && turn.statusCode !== 409) {
      throw new Error(`turns answered ${turn.statusCode}: ${turn.body}`);
    }
  }

  const final = await view();
  return {
    interviewId: interview.id,
    candidateToken,
    status: final.interview.status,
    endReason: final.interview.endReason,
    transcript: final.transcript.map(({ id, speaker, text }) => ({ id, speaker, text })),
    scorecard: await runtime.store.findScorecard(interview.id),
  };
}

/** Nothing more will happen: the latest event says so (scored, or nothing to score). */
async function isSettled(runtime: InterviewRuntime, interviewId: string): Promise<boolean> {
  const latest = (await runtime.store.listEvents(interviewId)).at(-1);
  return latest?.data.isFinal === true;
}
