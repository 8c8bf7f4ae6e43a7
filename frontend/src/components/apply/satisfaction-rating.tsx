import { useState, type SubmitEvent } from 'react';
import { candidateApi } from '../../lib/candidate-api';
import { errorMessage } from '../../lib/api';

const CHOICES = [
  { value: 1, label: 'Very poor' },
  { value: 2, label: 'Poor' },
  { value: 3, label: 'Okay' },
  { value: 4, label: 'Good' },
  { value: 5, label: 'Very good' },
] as const;

/** Thanks, what happens next, and one question: how was the call? */
export function ThankYou({
  company,
  interviewId,
  token,
  hasWithdrawn = false,
}: {
  company: string;
  interviewId: string;
  token: string;
  /** The candidate withdrew on the call: nobody decides on a next step. */
  hasWithdrawn?: boolean;
}) {
  const [rating, setRating] = useState<number | undefined>();
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (rating === undefined) return;
    setState('sending');
    setError(undefined);
    candidateApi.sendRating(interviewId, token, rating).then(
      () => setState('sent'),
      (failure: unknown) => {
        setState('idle');
        setError(errorMessage(failure));
      },
    );
  };
  return (
    <section className="card thanks" aria-labelledby="thanks-heading">
      {hasWithdrawn ? (
        <>
          <h2 id="thanks-heading">Thank you, your application is withdrawn</h2>
          <p>
            The recruiting team at {company} will see that you withdrew, and will not go on with
            this application. If you change your mind, apply again.
          </p>
        </>
      ) : (
        <>
          <h2 id="thanks-heading">Thank you, the screen is complete</h2>
          <p>
            The recruiting team at {company} reads the conversation and decides on the next step. A
            person makes that decision, not the assistant. You will hear from them by email.
          </p>
        </>
      )}
      {state === 'sent' ? (
        <p role="status" className="ok">
          Thanks for rating the call.
        </p>
      ) : (
        <form onSubmit={onSubmit} className="form">
          <fieldset className="fieldset rating">
            <legend>How was this screening call?</legend>
            <div className="rating-choices">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="rating-choice">
                  <input
                    type="radio"
                    name="rating"
                    value={choice.value}
                    checked={rating === choice.value}
                    onChange={() => setRating(choice.value)}
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
          {error !== undefined && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={rating === undefined || state === 'sending'}>
            Send rating
          </button>
        </form>
      )}
    </section>
  );
}
