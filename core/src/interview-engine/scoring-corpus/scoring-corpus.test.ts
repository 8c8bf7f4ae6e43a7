import { describe, expect, it } from 'vitest';
import { sharedWordNet } from '../../nlp/wordnet.js';
import {
  gradeScore,
  loadScoringCorpus,
  ruleScorer,
  SCORING_LABELS,
  SCORING_SLICES,
} from './scoring-corpus.js';

const items = loadScoringCorpus();
const scorer = ruleScorer(sharedWordNet());
const graded = items.map((item) => gradeScore(item, scorer(item)));
const share = (rows: typeof graded): number =>
  rows.filter((row) => row.isRight).length / rows.length;

describe('the scoring corpus', () => {
  it('holds every label in both slices', () => {
    for (const slice of SCORING_SLICES) {
      const labels = new Set(
        items.filter((item) => item.slice === slice).map((item) => item.label),
      );
      expect([...labels].sort()).toEqual([...SCORING_LABELS].sort());
    }
  });

  it('never scores above 2 an answer that says the candidate has not done it, nor one that is not about it', () => {
    const misleading = graded.filter(
      (row) => (row.item.label === 'against' || row.item.label === 'nd') && row.isInflated,
    );
    expect(misleading.map((row) => `${row.item.id} ${row.item.text}`)).toEqual([]);
  });

  it('gives the score a recruiter would on 90% of the tuning slice and 80% of the fresh one', () => {
    expect(share(graded.filter((row) => row.item.slice === 'tuning'))).toBeGreaterThanOrEqual(0.9);
    expect(share(graded.filter((row) => row.item.slice === 'fresh'))).toBeGreaterThanOrEqual(0.8);
  });
});
