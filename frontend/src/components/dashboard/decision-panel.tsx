import type { Decision, InterviewReview } from '@screenline/core';
import { useState } from 'react';
import { formatDateTime } from '../../lib/labels';
import { recruiterApi } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/** The recruiter's decision: advance or reject, recorded with who and when. */
export function DecisionPanel({
  review,
  onChange,
}: {
  review: InterviewReview;
  onChange: (review: InterviewReview) => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<Decision | undefined>();
  const decide = (decision: Decision): void => {
    setPending(decision);
    setError(undefined);
    recruiterApi.decide(review.interview.id, decision).then(
      (next) => {
        setPending(undefined);
        onChange(next);
      },
      (failure: unknown) => {
        setPending(undefined);
        setError(errorMessage(failure));
      },
    );
  };
  const current = review.decision;
  return (
    <div className="decision">
      <p role="status">
        {current === null
          ? 'No decision yet.'
          : `${current.decision === 'advance' ? 'Advanced' : 'Rejected'} by ${
              current.decidedBy ?? 'a former user'
            } on ${formatDateTime(current.decidedAt)}.`}
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => decide('advance')}
          disabled={pending !== undefined}
          aria-pressed={current?.decision === 'advance'}
        >
          {pending === 'advance' ? 'Saving…' : 'Advance'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => decide('reject')}
          disabled={pending !== undefined}
          aria-pressed={current?.decision === 'reject'}
        >
          {pending === 'reject' ? 'Saving…' : 'Reject'}
        </button>
      </div>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
