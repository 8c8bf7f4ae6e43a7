import { formatKnockoutValue, type InterviewReview } from '@screenline/core';

/** Each knock-out question with the answer heard, the value read from it, and whether the job accepts it. */
export function KnockoutResults({ review }: { review: InterviewReview }) {
  const results = review.scorecard?.knockouts ?? [];
  const questions = review.job.knockouts;
  if (questions.length === 0 && results.length === 0) {
    return <p className="empty">This job has no knock-out questions.</p>;
  }
  const rows =
    results.length > 0
      ? results
      : questions.map((question) => ({
          id: question.id,
          question: question.question,
          passed: null,
          answer: null,
          turnId: null,
        }));
  return (
    <table className="data-table">
      <caption className="visually-hidden">Knock-out answers</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Answer</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td>{row.question}</td>
            <td>
              {row.answer === null ? (
                <span className="muted">No answer</span>
              ) : row.turnId === null ? (
                row.answer
              ) : (
                <a href={`#turn-${row.turnId}`}>{row.answer}</a>
              )}
              {'value' in row && row.value !== undefined && row.value !== null && (
                // The typed value read from the answer, so the recruiter sees what was understood.
                <span className="muted">
                  <br />
                  Read as:{' '}
                  {formatKnockoutValue({
                    value: row.value,
                    ...(row.range === undefined ? {} : { range: row.range }),
                    ...(row.unit === undefined ? {} : { unit: row.unit }),
                  })}
                </span>
              )}
            </td>
            <td>
              {row.passed === null ? (
                <span className="muted">Not determined</span>
              ) : row.passed ? (
                <span className="ok">Meets</span>
              ) : (
                <span className="error">Does not meet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
