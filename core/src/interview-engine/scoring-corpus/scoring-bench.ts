/**
 * `npm run bench:scoring`: the rule-based scorer against the labelled scoring corpus, per slice
 * and label, beside a keyword spotter (any mention of the criterion scores the scale's middle)
 * run on the same lines: how often the score is the one a recruiter would give, and how often it
 * is higher than the answer supports.
 */
import { sharedWordNet } from '../../nlp/wordnet.js';
import {
  gradeScore,
  loadScoringCorpus,
  ruleScorer,
  SCORING_LABELS,
  SCORING_SLICES,
  type CriterionScorer,
  type GradedScore,
} from './scoring-corpus.js';

const items = loadScoringCorpus();
const rules = ruleScorer(sharedWordNet());
const keywordSpotter: CriterionScorer = (item) => (rules(item) === null ? null : 3);

const percent = (graded: GradedScore[]): string =>
  graded.length === 0
    ? '-'
    : `${((100 * graded.filter((item) => item.isRight).length) / graded.length).toFixed(1)}%`;
const inflated = (graded: GradedScore[]): number => graded.filter((item) => item.isInflated).length;

const started = performance.now();
const scored = items.map((item) => ({
  rules: gradeScore(item, rules(item)),
  spotter: gradeScore(item, keywordSpotter(item)),
}));
const msPerAnswer = (performance.now() - started) / items.length;

for (const slice of SCORING_SLICES) {
  const ofSlice = scored.filter((item) => item.rules.item.slice === slice);
  console.log(`\nslice ${slice}: ${String(ofSlice.length)} answers`);
  console.log('label          n   keyword spotter   rules   (right; inflated)');
  for (const label of [...SCORING_LABELS, 'ALL'] as const) {
    const rows = ofSlice.filter((item) => label === 'ALL' || item.rules.item.label === label);
    const spotter = rows.map((item) => item.spotter);
    const ruled = rows.map((item) => item.rules);
    console.log(
      `${label.padEnd(10)} ${String(rows.length).padStart(4)}   ${percent(spotter).padStart(7)}; ${String(inflated(spotter)).padStart(2)}   ${percent(ruled).padStart(7)}; ${String(inflated(ruled)).padStart(2)}`,
    );
  }
}
const wrong = scored.filter((item) => !item.rules.isRight);
if (wrong.length > 0) {
  console.log('\nscored otherwise than labelled:');
  for (const { rules: graded } of wrong) {
    console.log(
      `  ${graded.item.id} ${graded.item.label} -> ${String(graded.score ?? 'not determined')}${graded.isInflated ? ' (inflated)' : ''}: ${graded.item.text}`,
    );
  }
}
console.log(`\nCPU per answer, both scorers: ${msPerAnswer.toFixed(2)} ms`);
