import { isCriterionDetermined, type InterviewReview } from '@screenline/core';
import { SUGGESTION_LABELS } from '../../lib/labels';

type ReviewScorecard = NonNullable<InterviewReview['scorecard']>;

/**
 * Per-criterion bars (1-5) with evidence quotes that link to their turns in the transcript. A
 * criterion nothing was said about reads "Not determined", not the floor of the scale.
 */
export function ScorecardView({
  scorecard,
  rubric,
}: {
  scorecard: ReviewScorecard;
  rubric: InterviewReview['job']['rubric'];
}) {
  return (
    <div className="scorecard">
      <p>
        <strong>Suggestion: {SUGGESTION_LABELS[scorecard.suggestion]}</strong>
        {scorecard.overallScore !== null && (
          <> · overall {scorecard.overallScore.toFixed(1)} of 5</>
        )}
      </p>
      <p className="muted">
        The scorecard is a suggestion from what the candidate said. A person makes the decision.
      </p>
      <p>{scorecard.summary}</p>
      <ul className="criteria">
        {scorecard.criteria.map((criterion) => {
          const weight = rubric.find((item) => item.id === criterion.id)?.weight;
          const determined = isCriterionDetermined(criterion);
          return (
            <li key={criterion.id}>
              <div className="criterion-head">
                <span id={`criterion-${criterion.id}`}>
                  {criterion.name}
                  {weight !== undefined && <span className="muted"> (weight {weight})</span>}
                </span>
                <span>{determined ? `${criterion.score} / 5` : 'Not determined'}</span>
              </div>
              {determined && (
                <meter
                  min={0}
                  max={5}
                  value={criterion.score}
                  aria-labelledby={`criterion-${criterion.id}`}
                  className="score-bar"
                />
              )}
              {criterion.explanation !== undefined && (
                <p className="muted">{criterion.explanation}</p>
              )}
              {criterion.evidence.length > 0 && (
                <ul className="evidence">
                  {criterion.evidence.map((item, index) => (
                    <li key={`${item.turnId}-${index}`}>
                      <a href={`#turn-${item.turnId}`}>“{item.quote}”</a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
