import { useEffect, useState, type SubmitEvent } from 'react';
import { errorMessage } from '../lib/api';
import { STATUS_LABELS } from '../lib/labels';
import { myCallApi, type MyCall } from '../lib/my-call-api';

function statusLabel(status: string): string {
  const known = Object.entries(STATUS_LABELS).find(([key]) => key === status);
  return known?.[1] ?? status;
}

/**
 * The candidate's own page for their call, from the link they got when they applied (the token
 * in the fragment never reaches a server log). It shows the status and time, and lets them move a
 * scheduled call inside calling hours or cancel it.
 */
export function MyCallPage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [call, setCall] = useState<MyCall | undefined>();
  const [error, setError] = useState<string | undefined>(
    token === '' ? 'Open this page from the link you were given when you applied.' : undefined,
  );
  const [when, setWhen] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    if (token === '') return;
    myCallApi.get(token).then(setCall, (failure: unknown) => setError(errorMessage(failure)));
  }, [token]);

  const run = (action: () => Promise<MyCall>): void => {
    setIsBusy(true);
    setError(undefined);
    action().then(
      (next) => {
        setIsBusy(false);
        setCall(next);
      },
      (failure: unknown) => {
        setIsBusy(false);
        setError(errorMessage(failure));
      },
    );
  };
  const onMove = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // datetime-local is the browser's own wall clock; the server checks it against calling hours.
    run(() => myCallApi.reschedule(token, new Date(when).toISOString()));
  };

  return (
    <section className="card narrow" aria-labelledby="my-call-heading">
      <h1 id="my-call-heading">Your screening call</h1>
      {call === undefined && error === undefined && <p role="status">Loading your call…</p>}
      {call !== undefined && (
        <>
          <p className="muted">
            {call.job.title} at {call.job.company}
          </p>
          <p role="status">
            <span className={`status-badge status-${call.interview.status}`}>
              Call status: {statusLabel(call.interview.status)}
            </span>
          </p>
          {call.interview.scheduledFor !== null && call.interview.status === 'scheduled' && (
            <p>We will call you on {new Date(call.interview.scheduledFor).toLocaleString()}.</p>
          )}
          {call.canMove && (
            <form onSubmit={onMove} className="form" aria-label="Move the call">
              <label className="field">
                <span>
                  New time (between {call.callingHours.start} and {call.callingHours.end} your time)
                </span>
                <input
                  type="datetime-local"
                  required
                  value={when}
                  onChange={(event) => setWhen(event.target.value)}
                />
              </label>
              <button type="submit" disabled={isBusy || when === ''}>
                Move the call
              </button>
            </form>
          )}
          {call.canCancel && (
            <button
              type="button"
              className="danger"
              disabled={isBusy}
              onClick={() => run(() => myCallApi.cancel(token))}
            >
              Cancel the call
            </button>
          )}
        </>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
