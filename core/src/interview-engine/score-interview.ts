import type { Scorecard, TranscriptTurn } from '../interviews/interview.js';
import type { SynonymSource } from '../nlp/synonym-source.js';
import { readKnockoutTurn, type KnockoutAnswer } from './extract-answer.js';
import type { InterviewPlan, PlanStep } from './interview-plan.js';
import { isQuestion } from './scripted-responder.js';
import { scoreCriteriaByMeaning } from './score-criteria.js';

/** Candidate turns grouped under the plan step the agent was asking when they were said. */
interface Segment {
  step: PlanStep;
  turns: TranscriptTurn[];
}

/** Which step each agent turn asked: the step whose prompt it says (the latest one, if several). */
function segmentTranscript(plan: InterviewPlan, transcript: TranscriptTurn[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const turn of transcript) {
    if (turn.speaker === 'agent') {
      let best: { step: PlanStep; at: number } | null = null;
      for (const step of plan.steps) {
        const at = turn.text.lastIndexOf(step.prompt);
        if (step.prompt !== '' && at >= 0 && (best === null || at >= best.at)) best = { step, at };
      }
      if (best !== null && best.step.id !== current?.step.id) {
        current = { step: best.step, turns: [] };
        segments.push(current);
      }
    } else if (current !== null) {
      current.turns.push(turn);
    }
  }
  return segments;
}

/** Knock-out results: the last clear answer given while that question was being asked. */
function knockoutResults(
  plan: InterviewPlan,
  segments: Segment[],
  now: Date,
  timeZone?: string,
): Scorecard['knockouts'] {
  return plan.knockouts.map((knockout) => {
    // Read as the engine read them: a turn that is no answer (a question back, an instruction) is
    // not determined, whatever numbers it holds.
    const readings: KnockoutAnswer[] = segments
      .filter((segment) => segment.step.knockoutId === knockout.id)
      .flatMap((segment) =>
        segment.turns.map((turn) =>
          readKnockoutTurn(plan, segment.step, turn.text, turn.id, now, timeZone),
        ),
      )
      .filter((reading): reading is KnockoutAnswer => reading !== null);
    const clear = readings.filter((reading) => reading.passed !== null).at(-1);
    const chosen = clear ?? readings.at(-1);
    return {
      id: knockout.id,
      question: knockout.question,
      passed: clear?.passed ?? null,
      answer: chosen?.text ?? null,
      turnId: chosen?.turnId ?? null,
      value: clear?.value ?? null,
      ...(clear?.range == null ? {} : { range: clear.range }),
      ...(knockout.unit === undefined ? {} : { unit: knockout.unit }),
    };
  });
}

/** What scoring needs from a transcript, whichever way the criteria are scored. */
export interface TranscriptAnalysis {
  /** The candidate's answers to knock-out and resume questions. */
  answerTurns: TranscriptTurn[];
  /**
   * The answers to the resume questions: the only words the rubric is scored on. A knock-out
   * answer is about eligibility ("I'm on an H-1B"), and read as evidence of a skill it matched
   * words by accident.
   */
  evidenceTurns: TranscriptTurn[];
  knockouts: Scorecard['knockouts'];
  tailoredAsked: number;
  tailoredTotal: number;
  questionsNoted: number;
}

/** Segments the transcript by plan step and reads the knock-outs; null when nothing was answered. */
export function analyseTranscript(
  plan: InterviewPlan,
  transcript: TranscriptTurn[],
  now: Date,
  timeZone?: string,
): TranscriptAnalysis | null {
  const segments = segmentTranscript(plan, transcript);
  const answerTurns = segments
    .filter((segment) => segment.step.kind === 'knockout' || segment.step.kind === 'tailored')
    .flatMap((segment) => segment.turns);
  if (answerTurns.length === 0) return null;
  return {
    answerTurns,
    evidenceTurns: segments
      .filter((segment) => segment.step.kind === 'tailored')
      .flatMap((segment) => segment.turns),
    knockouts: knockoutResults(plan, segments, now, timeZone),
    tailoredAsked: segments.filter((segment) => segment.step.kind === 'tailored').length,
    tailoredTotal: plan.steps.filter((step) => step.kind === 'tailored').length,
    questionsNoted: segments
      .filter((segment) => segment.step.kind === 'candidate_questions')
      .flatMap((segment) => segment.turns)
      .filter((turn) => isQuestion(turn.text)).length,
  };
}

/**
 * The rule-based score of every rubric criterion, by meaning: its words, their WordNet synonyms
 * when a source is given, and the recruiter's "looks like" phrases; every supporting sentence cited.
 */
export function scoreCriteriaByKeywords(
  plan: InterviewPlan,
  analysis: TranscriptAnalysis,
  synonyms?: SynonymSource,
): Scorecard['criteria'] {
  return scoreCriteriaByMeaning(plan.rubric, analysis.evidenceTurns, synonyms);
}

/** The scorecard around scored criteria: the suggestion and a summary a recruiter can read. */
export function assembleScorecard(
  plan: InterviewPlan,
  analysis: TranscriptAnalysis,
  criteria: Scorecard['criteria'],
  note = '',
): Scorecard {
  const { answerTurns, knockouts, tailoredAsked, tailoredTotal, questionsNoted } = analysis;
  const average = weightedAverage(plan, criteria);
  const undetermined = criteria.filter((item) => !isCriterionDetermined(item));

  const failed = knockouts.filter((item) => item.passed === false);
  const unclear = knockouts.filter((item) => item.passed === null);
  const suggestion: Scorecard['suggestion'] =
    failed.length > 0
      ? 'decline_suggested'
      : unclear.length > 0 ||
          undetermined.length > 0 ||
          average === null ||
          average < 3.5 ||
          tailoredAsked < tailoredTotal
        ? 'review'
        : 'advance';

  const ranked = criteria.filter(isCriterionDetermined).sort((a, b) => b.score - a.score);
  const parts = [
    `Answered ${answerTurns.length} ${answerTurns.length === 1 ? 'turn' : 'turns'} across ${tailoredAsked} of ${tailoredTotal} resume questions.`,
    knockouts.length === 0
      ? 'No knock-out questions.'
      : `Knock-outs: ${knockouts.length - failed.length - unclear.length} passed` +
        (failed.length > 0
          ? `, ${failed.length} not met (${failed.map((item) => item.id).join(', ')})`
          : '') +
        (unclear.length > 0
          ? `, ${unclear.length} unclear (${unclear.map((item) => item.id).join(', ')})`
          : '') +
        '.',
    ranked.length === 1 && average !== null
      ? `${undetermined.length > 0 ? 'Only ' : ''}${ranked[0]?.name ?? ''}${undetermined.length > 0 ? ' could be scored' : ''}: ${ranked[0]?.score ?? 0}/5.`
      : ranked.length > 1 && average !== null
        ? `Strongest: ${ranked[0]?.name ?? ''} (${ranked[0]?.score ?? 0}/5); weakest: ${ranked.at(-1)?.name ?? ''} (${ranked.at(-1)?.score ?? 0}/5); weighted average ${average.toFixed(1)}` +
          (undetermined.length > 0 ? ' of the criteria the answers spoke to.' : '.')
        : criteria.length === 0
          ? 'No rubric to score against.'
          : 'No criterion could be scored: nothing said was about any of them.',
    undetermined.length > 0 && ranked.length > 0
      ? `Not determined (nothing said about it): ${undetermined.map((item) => item.name).join(', ')}.`
      : '',
    questionsNoted > 0
      ? `The candidate asked ${questionsNoted} question${questionsNoted === 1 ? '' : 's'}; see the transcript.`
      : '',
    note,
    'This is a suggestion; a person makes the decision.',
  ];
  return { criteria, knockouts, summary: parts.filter(Boolean).join(' '), suggestion };
}

/**
 * The scorecard from the plan and what was said: per criterion a 1-5 score with verbatim quotes,
 * the knock-out results, a summary and a suggestion. It suggests; a person decides. Only the
 * candidate's words count (never voice, tone, or anything from the resume). Null when no question
 * was answered.
 */
export function scoreInterview(
  plan: InterviewPlan,
  transcript: TranscriptTurn[],
  options: { now?: Date; timeZone?: string; synonyms?: SynonymSource } = {},
): Scorecard | null {
  const analysis = analyseTranscript(plan, transcript, options.now ?? new Date(), options.timeZone);
  if (analysis === null) return null;
  return assembleScorecard(
    plan,
    analysis,
    scoreCriteriaByKeywords(plan, analysis, options.synonyms),
  );
}

/**
 * Whether the answers said anything about a criterion. One with no quoted evidence is not
 * determined: its score is the scale's floor, not a judgement, and no average counts it.
 */
export function isCriterionDetermined(criterion: Scorecard['criteria'][number]): boolean {
  return criterion.evidence.length > 0;
}

/** The weighted 1-5 average of the determined criteria; null when none is. */
function weightedAverage(plan: InterviewPlan, criteria: Scorecard['criteria']): number | null {
  let total = 0;
  let weights = 0;
  for (const criterion of criteria.filter(isCriterionDetermined)) {
    const weight = plan.rubric.find((item) => item.id === criterion.id)?.weight ?? 1;
    total += criterion.score * weight;
    weights += weight;
  }
  return weights === 0 ? null : total / weights;
}

/** The scorecard's overall score, rounded for lists and sorting (null: nothing determined). */
export function overallScore(plan: InterviewPlan, scorecard: Scorecard): number | null {
  const average = weightedAverage(plan, scorecard.criteria);
  return average === null ? null : Math.round(average * 100) / 100;
}
