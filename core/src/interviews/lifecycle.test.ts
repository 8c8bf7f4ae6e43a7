import { describe, expect, it } from 'vitest';
import { CALL_OUTCOME_RULES, type CallOutcome } from './call-outcomes.js';
import {
  INTERVIEW_STATUSES,
  ZEndReason,
  type EndReason,
  type InterviewStatus,
} from './interview.js';
import {
  CALL_QUEUING_FACTS,
  decide,
  FINAL_INTERVIEW_STATUSES,
  MAX_AGENT_REDISPATCHES,
  RETRYABLE_END_STATUSES,
  type CallFact,
} from './lifecycle.js';

const AT = new Date('2026-12-05T15:00:00Z');
const OUTCOMES = CALL_OUTCOME_RULES.map((rule) => rule.outcome);
/** Every reason a call can end with, so a reason added later is in the table's tests too. */
const END_REASONS: readonly EndReason[] = ZEndReason.options;

/** One of every fact, each variant of each. */
const EVERY_FACT: CallFact[] = [
  { type: 'screen_started', deferredTo: null },
  { type: 'screen_started', deferredTo: AT },
  { type: 'dial_started', attempt: 2, roomName: 'screen-x-2' },
  { type: 'ringing' },
  { type: 'answered' },
  ...OUTCOMES.map((outcome): CallFact => ({ type: 'dial_failed', outcome })),
  { type: 'dial_dropped', reason: 'number_suppressed' },
  { type: 'dial_dropped', reason: 'job_closed' },
  ...END_REASONS.flatMap((reason): CallFact[] => [
    { type: 'call_ended', reason, hasAnswers: true },
    { type: 'call_ended', reason, hasAnswers: false },
    { type: 'call_ended', reason, hasAnswers: 'unknown' },
  ]),
  { type: 'opt_out_heard' },
  { type: 'agent_lost' },
  { type: 'callback_requested', at: AT },
  { type: 'retry_scheduled', at: AT },
  { type: 'rescheduled', at: AT },
  { type: 'canceled', by: 'candidate' },
  { type: 'canceled', by: 'recruiter' },
  { type: 'canceled', by: 'dialing_paused' },
  { type: 'canceled', by: 'job_closed' },
  { type: 'evaluated' },
  { type: 'scoring_skipped' },
];

const STATUSES: (InterviewStatus | null)[] = [null, ...INTERVIEW_STATUSES];
const PROGRESS: Partial<Record<InterviewStatus, number>> = {
  dialing: 1,
  ringing: 2,
  in_progress: 3,
};

describe('the interview lifecycle (every status × every fact)', () => {
  const cases = STATUSES.flatMap((status) => EVERY_FACT.map((fact) => ({ status, fact })));

  it('only screen_started applies to an interview being created, and nothing else creates one', () => {
    for (const { status, fact } of cases) {
      const decision = decide(status, fact);
      if (status === null) {
        expect(decision.to !== null, JSON.stringify(fact)).toBe(fact.type === 'screen_started');
      } else if (fact.type === 'screen_started') {
        expect(decision.to).toBeNull();
      }
    }
  });

  it('within a call, a fact never moves the status backwards (out-of-order events are stale)', () => {
    for (const { status, fact } of cases) {
      const { to } = decide(status, fact);
      if (status === null || to === null) continue;
      const from = PROGRESS[status];
      const next = PROGRESS[to];
      if (from !== undefined && next !== undefined) {
        expect(next, `${status} + ${JSON.stringify(fact)}`).toBeGreaterThan(from);
      }
    }
  });

  it('a final status stays final: only a retry of a retryable end leaves one', () => {
    for (const { status, fact } of cases) {
      if (status === null || !(FINAL_INTERVIEW_STATUSES as readonly string[]).includes(status)) {
        continue;
      }
      const { to } = decide(status, fact);
      if (to === null) continue;
      expect(fact.type, `${status} → ${to}`).toBe('retry_scheduled');
      expect(RETRYABLE_END_STATUSES as readonly string[]).toContain(status);
    }
  });

  it('a decline, an invalid number, an opt-out and a cancel are never dialled again', () => {
    for (const status of ['declined', 'invalid_number', 'opted_out', 'canceled'] as const) {
      for (const fact of EVERY_FACT) {
        expect(decide(status, fact).to, `${status} + ${fact.type}`).toBeNull();
      }
    }
  });

  it('every move to an end state is final, and every final decision ends or settles the call', () => {
    for (const { status, fact } of cases) {
      const decision = decide(status, fact);
      if (
        decision.to !== null &&
        (FINAL_INTERVIEW_STATUSES as readonly string[]).includes(decision.to)
      ) {
        expect(decision.isFinal, `${status} + ${JSON.stringify(fact)}`).toBe(true);
        // The call's end was stamped when it completed; the scorecard does not move it.
        if (decision.to !== 'evaluated') expect(decision.changes.endedAt).toBe('now');
      }
    }
  });

  it('for a closed job nothing queues a call: the facts that would, named for the backend, end it', () => {
    for (const { status, fact } of cases) {
      const queues = decide(status, fact).effects.some((effect) => effect.type === 'queue_call');
      if (queues) expect(CALL_QUEUING_FACTS as readonly string[]).toContain(fact.type);
      const decision = decide(status, fact, { agentRedispatches: 0, isJobClosed: true });
      expect(decision.effects.some((effect) => effect.type === 'queue_call')).toBe(false);
      if (status !== null) expect(decision.to, `${status} + ${fact.type}`).not.toBe('scheduled');
    }
  });

  it('ignored facts write no column and queue nothing but LAW-3', () => {
    for (const { status, fact } of cases) {
      const decision = decide(status, fact);
      if (decision.ignoredBecause === undefined) continue;
      expect(decision.to).toBeNull();
      expect(decision.changes).toEqual({});
      expect(decision.effects.every((effect) => effect.type === 'suppress_number')).toBe(true);
    }
  });
});

describe('the interview lifecycle, fact by fact', () => {
  it('a start dials now, or waits for calling hours', () => {
    expect(decide(null, { type: 'screen_started', deferredTo: null })).toMatchObject({
      to: 'dialing',
      changes: { attempt: 1 },
      isFinal: false,
    });
    expect(decide(null, { type: 'screen_started', deferredTo: AT })).toMatchObject({
      to: 'scheduled',
      changes: { attempt: 1, scheduledFor: AT },
    });
  });

  it('joined is not ringing: only the ringing fact rings, and only before the answer', () => {
    expect(decide('dialing', { type: 'ringing' }).to).toBe('ringing');
    expect(decide('in_progress', { type: 'ringing' })).toMatchObject({
      to: null,
      ignoredBecause: 'stale',
    });
    expect(decide('scheduled', { type: 'ringing' }).to).toBeNull();
  });

  it('an answer starts the call once, from dialing or ringing', () => {
    expect(decide('ringing', { type: 'answered' })).toMatchObject({
      to: 'in_progress',
      changes: { startedAt: 'now' },
    });
    expect(decide('dialing', { type: 'answered' }).to).toBe('in_progress');
    expect(decide('in_progress', { type: 'answered' }).to).toBeNull();
    expect(decide('canceled', { type: 'answered' }).to).toBeNull();
  });

  it.each(CALL_OUTCOME_RULES.map((rule) => [rule.outcome, rule.status] as const))(
    'a dial that failed as %s ends the attempt %s and asks the retry policy',
    (outcome: CallOutcome, status) => {
      expect(decide('ringing', { type: 'dial_failed', outcome })).toEqual({
        to: status,
        changes: {
          endedAt: 'now',
          endReason: outcome === 'voicemail' ? 'voicemail' : null,
          lastOutcome: outcome,
        },
        isFinal: true,
        // Voicemail too: the agent leaves its message and hangs up itself, so no hang-up here.
        effects: [{ type: 'consider_retry', outcome }],
      });
    },
  );

  it('voicemail is found after the pick-up; any other failure after the answer is stale', () => {
    expect(decide('in_progress', { type: 'dial_failed', outcome: 'voicemail' }).to).toBe(
      'voicemail',
    );
    expect(decide('in_progress', { type: 'dial_failed', outcome: 'busy' }).to).toBeNull();
  });

  it('a wrong person ends the call final: no scorecard will follow (the event stream ends)', () => {
    expect(
      decide('in_progress', { type: 'call_ended', reason: 'wrong_person', hasAnswers: 'unknown' }),
    ).toEqual({
      to: 'completed',
      changes: { endedAt: 'now', endReason: 'wrong_person' },
      isFinal: true,
      effects: [],
    });
  });

  it('a finished call with answers, or answers unknown, is scored before it is final', () => {
    for (const hasAnswers of [true, 'unknown'] as const) {
      expect(
        decide('in_progress', { type: 'call_ended', reason: 'finished', hasAnswers }),
      ).toMatchObject({ to: 'completed', isFinal: false, effects: [{ type: 'score' }] });
    }
    expect(
      decide('in_progress', { type: 'call_ended', reason: 'no_response', hasAnswers: false }),
    ).toMatchObject({ to: 'completed', isFinal: true, effects: [] });
  });

  it('an opt-out suppresses the number whatever the status, and ends a live call', () => {
    expect(
      decide('in_progress', { type: 'call_ended', reason: 'opted_out', hasAnswers: true }),
    ).toMatchObject({ to: 'opted_out', isFinal: true, effects: [{ type: 'suppress_number' }] });
    expect(
      decide('completed', { type: 'call_ended', reason: 'opted_out', hasAnswers: true }),
    ).toMatchObject({ to: null, effects: [{ type: 'suppress_number' }] });
  });

  it('a report after voicemail does not complete the retry queued for it', () => {
    for (const status of ['voicemail', 'scheduled'] as const) {
      expect(
        decide(status, { type: 'call_ended', reason: 'finished', hasAnswers: true }).to,
      ).toBeNull();
    }
  });

  it('a callback ends the call final and queues the next attempt at the time asked', () => {
    expect(decide('in_progress', { type: 'callback_requested', at: AT })).toEqual({
      to: 'scheduled',
      changes: {
        endedAt: 'now',
        endReason: 'callback_requested',
        scheduledFor: AT,
        roomName: null,
      },
      isFinal: true,
      effects: [{ type: 'queue_call', at: AT }],
    });
    expect(decide('ringing', { type: 'callback_requested', at: AT }).to).toBeNull();
  });

  it('a retry starts afresh from a retryable end, and never from a decline', () => {
    expect(decide('busy', { type: 'retry_scheduled', at: AT })).toMatchObject({
      to: 'scheduled',
      changes: { endedAt: null, endReason: null, scheduledFor: AT, roomName: null },
      effects: [{ type: 'queue_call', at: AT }],
    });
    expect(decide('declined', { type: 'retry_scheduled', at: AT }).to).toBeNull();
    expect(decide('completed', { type: 'retry_scheduled', at: AT }).to).toBeNull();
  });

  it('a scheduled call dials the next attempt in a room of its own', () => {
    expect(
      decide('scheduled', { type: 'dial_started', attempt: 2, roomName: 'screen-x-2' }),
    ).toMatchObject({ to: 'dialing', changes: { attempt: 2, roomName: 'screen-x-2' } });
    expect(
      decide('dialing', { type: 'dial_started', attempt: 2, roomName: 'screen-x-2' }).to,
    ).toBeNull();
  });

  it('cancel hangs up anything pending; the kill switch only what has not been answered', () => {
    for (const status of ['scheduled', 'dialing', 'ringing', 'in_progress'] as const) {
      expect(decide(status, { type: 'canceled', by: 'candidate' })).toMatchObject({
        to: 'canceled',
        isFinal: true,
        effects: [{ type: 'hang_up' }],
      });
    }
    expect(decide('ringing', { type: 'canceled', by: 'dialing_paused' }).to).toBe('canceled');
    expect(decide('in_progress', { type: 'canceled', by: 'dialing_paused' }).to).toBeNull();
    expect(decide('completed', { type: 'canceled', by: 'recruiter' }).to).toBeNull();
  });

  it('a closed job cancels only a call still to come, and says why; a placed call goes on', () => {
    const closed = { type: 'canceled', by: 'job_closed' } as const;
    expect(decide('scheduled', closed)).toEqual({
      to: 'canceled',
      changes: { endedAt: 'now', endReason: 'job_closed' },
      isFinal: true,
      effects: [],
    });
    for (const status of ['dialing', 'ringing', 'in_progress'] as const) {
      expect(decide(status, closed)).toMatchObject({ to: null, ignoredBecause: 'not_applicable' });
    }
    expect(decide('canceled', closed)).toMatchObject({ to: null, ignoredBecause: 'stale' });
  });

  it('for a closed job a callback, a retry or a moved call ends the screen job_closed instead', () => {
    const closedJob = { agentRedispatches: 0, isJobClosed: true };
    const ended = {
      to: 'canceled',
      changes: { endedAt: 'now', endReason: 'job_closed' },
      isFinal: true,
      effects: [],
    };
    expect(decide('in_progress', { type: 'callback_requested', at: AT }, closedJob)).toEqual(ended);
    for (const status of RETRYABLE_END_STATUSES) {
      expect(decide(status, { type: 'retry_scheduled', at: AT }, closedJob)).toEqual(ended);
    }
    expect(decide('scheduled', { type: 'rescheduled', at: AT }, closedJob)).toEqual(ended);
    // Late or out of order, they still move nothing.
    expect(decide('ringing', { type: 'callback_requested', at: AT }, closedJob).to).toBeNull();
    expect(decide('declined', { type: 'retry_scheduled', at: AT }, closedJob).to).toBeNull();
    expect(decide('canceled', { type: 'rescheduled', at: AT }, closedJob).to).toBeNull();
  });

  it('a dial dropped before it left for a closed job ends the screen job_closed', () => {
    expect(decide('dialing', { type: 'dial_dropped', reason: 'job_closed' })).toEqual({
      to: 'canceled',
      changes: { endedAt: 'now', endReason: 'job_closed' },
      isFinal: true,
      effects: [],
    });
    expect(decide('ringing', { type: 'dial_dropped', reason: 'job_closed' }).to).toBeNull();
  });

  it('the scorer settles a completed call: evaluated, or nothing to score (final either way)', () => {
    expect(decide('completed', { type: 'evaluated' })).toMatchObject({
      to: 'evaluated',
      isFinal: true,
    });
    expect(decide('completed', { type: 'scoring_skipped' })).toMatchObject({
      to: null,
      isFinal: true,
    });
    expect(decide('evaluated', { type: 'evaluated' }).to).toBeNull();
  });

  it('a lost agent is sent again twice per call, then the call ends agent_lost and hangs up', () => {
    const lost = { type: 'agent_lost' } as const;
    expect(MAX_AGENT_REDISPATCHES).toBe(2);
    expect(decide('in_progress', lost, { agentRedispatches: 0 })).toEqual({
      to: null,
      changes: { agentRedispatches: 1 },
      isFinal: false,
      effects: [{ type: 'redispatch_agent' }],
    });
    expect(decide('in_progress', lost, { agentRedispatches: 1 })).toMatchObject({
      to: null,
      changes: { agentRedispatches: 2 },
      effects: [{ type: 'redispatch_agent' }],
    });
    expect(decide('in_progress', lost, { agentRedispatches: 2 })).toEqual({
      to: 'completed',
      changes: { endedAt: 'now', endReason: 'agent_lost' },
      isFinal: false,
      effects: [{ type: 'hang_up' }, { type: 'score' }],
    });
    // Before the answer (the agent waits for it) or after the end, nobody is resumed.
    for (const status of ['dialing', 'ringing', 'completed', 'evaluated', 'scheduled'] as const) {
      expect(decide(status, lost).ignoredBecause, status).toBe('not_applicable');
    }
    // Each new attempt starts with its own allowance.
    expect(
      decide('scheduled', { type: 'dial_started', attempt: 2, roomName: 'r-2' }).changes,
    ).toMatchObject({ agentRedispatches: 0 });
  });

  it('a rescheduled call keeps its status and takes the new time', () => {
    expect(decide('scheduled', { type: 'rescheduled', at: AT })).toMatchObject({
      to: null,
      changes: { scheduledFor: AT },
    });
    expect(decide('dialing', { type: 'rescheduled', at: AT }).changes).toEqual({});
  });
});
