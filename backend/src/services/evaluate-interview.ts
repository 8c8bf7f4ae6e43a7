import {
  isScoredEnd,
  overallScore,
  scoreInterview,
  type InterviewPlan,
  type Scorecard,
  type TranscriptTurn,
} from '@screenline/core';
import { sharedWordNet } from '@screenline/core/wordnet';
import type { FastifyBaseLogger } from 'fastify';
import type { InterviewStore } from '../db/repositories/interview-store.js';
import type { InterviewLifecycle } from './interview-lifecycle.js';
import { readStoredConversation } from './interview-conversations.js';

/**
 * The scoring job: a completed interview gets its scorecard and moves to `evaluated`. Safe to run
 * twice (the transition only happens once); without any answer there is nothing to score.
 */
/** Scores a transcript: the keyword heuristic, or a model whose quotes are checked (LLM_MODE=llm). */
export type InterviewScorer = (
  plan: InterviewPlan,
  transcript: TranscriptTurn[],
  now: Date,
  timeZone?: string,
) => Promise<Scorecard | null>;

/** The rule-based scorer: criteria matched by meaning, with WordNet's synonyms (loaded once). */
const scoreByKeywords: InterviewScorer = (plan, transcript, now, timeZone) =>
  Promise.resolve(
    scoreInterview(plan, transcript, {
      now,
      synonyms: sharedWordNet(),
      ...(timeZone === undefined ? {} : { timeZone }),
    }),
  );

export async function evaluateInterview(
  deps: { store: InterviewStore; lifecycle: InterviewLifecycle; log: FastifyBaseLogger },
  interviewId: string,
  scorer: InterviewScorer = scoreByKeywords,
): Promise<void> {
  const { store, lifecycle, log } = deps;
  const interview = await store.find(interviewId);
  if (interview?.status !== 'completed') return;
  const { plan } = readStoredConversation(interview.engineState);
  const transcript = await store.listTurns(interviewId);
  const scorecard = !isScoredEnd(interview.endReason)
    ? null
    : await scorer(plan, transcript, interview.createdAt, interview.timezone ?? undefined);
  if (scorecard === null) {
    await lifecycle.apply(
      interviewId,
      { type: 'scoring_skipped' },
      { eventType: 'scoring_skipped', data: { reason: 'no answers to score' } },
    );
    return;
  }
  await store.saveScorecard(interviewId, scorecard, overallScore(plan, scorecard));
  await lifecycle.apply(
    interviewId,
    { type: 'evaluated' },
    { data: { suggestion: scorecard.suggestion } },
  );
  log.info({ interviewId, suggestion: scorecard.suggestion }, 'interview evaluated');
}
