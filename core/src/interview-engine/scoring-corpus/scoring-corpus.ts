import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RubricCriterion } from '../../jobs/job.js';
import type { SynonymSource } from '../../nlp/synonym-source.js';
import { scoreCriteriaByMeaning } from '../score-criteria.js';
import { isCriterionDetermined } from '../score-interview.js';
import { CORPUS_JOBS, type CorpusJobName } from '../understanding/corpus/corpus-jobs.js';
import { readLabelledLines } from '../understanding/corpus/load-corpus.js';

/**
 * The scoring corpus: answers labelled with what a recruiter would score them on one rubric
 * criterion, so the rule-based scorer is calibrated against people's judgement rather than its
 * own rules. `tuning` was scored against while the scorer was changed; `fresh` was written after
 * and only measured.
 */
export const SCORING_SLICES = ['tuning', 'fresh'] as const;
export type ScoringSlice = (typeof SCORING_SLICES)[number];

export const SCORING_LABELS = ['nd', 'against', 'weak', 'some', 'strong'] as const;
export type ScoringLabel = (typeof SCORING_LABELS)[number];

export interface ScoringItem {
  id: string;
  slice: ScoringSlice;
  criterion: RubricCriterion;
  label: ScoringLabel;
  text: string;
}

/** Reads "@ JOB CRITERION" blocks of "LABEL | answer" lines. */
export function parseScoringCorpus(source: string, slice: ScoringSlice): ScoringItem[] {
  return readLabelledLines(source, slice).map(({ where, header, label, text }) => {
    const [jobName = '', criterionId = ''] = header;
    if (!(jobName in CORPUS_JOBS)) throw new Error(`${where}: unknown job ${jobName}`);
    const rubric: readonly RubricCriterion[] = CORPUS_JOBS[jobName as CorpusJobName].job.rubric;
    const criterion = rubric.find((item) => item.id === criterionId);
    if (criterion === undefined) throw new Error(`${where}: unknown criterion ${criterionId}`);
    if (!(SCORING_LABELS as readonly string[]).includes(label)) {
      throw new Error(`${where}: unknown label ${label}`);
    }
    return { id: where, slice, criterion, label: label as ScoringLabel, text };
  });
}

export function loadScoringCorpus(): ScoringItem[] {
  return SCORING_SLICES.flatMap((slice) =>
    parseScoringCorpus(
      readFileSync(fileURLToPath(new URL(`${slice}.txt`, import.meta.url)), 'utf8'),
      slice,
    ),
  );
}

/** What a scorer gave one answer: a 1-5 score, or null for not determined. */
export type CriterionScorer = (item: ScoringItem) => number | null;

/** The product's rule-based scorer on one answer, as the scorecard runs it. */
export function ruleScorer(synonyms: SynonymSource): CriterionScorer {
  return (item) => {
    const [scored] = scoreCriteriaByMeaning(
      [item.criterion],
      [{ id: 't1', speaker: 'candidate', text: item.text }],
      synonyms,
    );
    return scored === undefined || !isCriterionDetermined(scored) ? null : scored.score;
  };
}

/** The highest score each label allows (null: only "not determined"). */
const HIGHEST: Record<ScoringLabel, number | null> = {
  nd: null,
  against: 2,
  weak: 2,
  some: 3,
  strong: 5,
};

export interface GradedScore {
  item: ScoringItem;
  score: number | null;
  isRight: boolean;
  /** Scored above what the answer supports: the error a recruiter is misled by. */
  isInflated: boolean;
}

export function gradeScore(item: ScoringItem, score: number | null): GradedScore {
  const highest = HIGHEST[item.label];
  const isInflated = score !== null && (highest === null || score > highest);
  const isRight = {
    nd: score === null,
    against: score === null || score <= 2,
    weak: score === 2,
    some: score === 3,
    strong: score !== null && score >= 4,
  }[item.label];
  return { item, score, isRight, isInflated };
}
