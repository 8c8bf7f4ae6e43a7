import type { StartPhoneScreenResponse } from '@screenline/core';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { CallPanel } from '../components/apply/call-panel';
import { errorMessage } from '../lib/api';
import { STATUS_LABELS } from '../lib/labels';
import { myCallApi, type MyCall } from '../lib/my-call-api';

/** "Sunday, December 6, 2026 at 12:56 AM": the reader's own zone and words. */
function longTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
}

function statusLabel(status: string): string {
  const known = Object.entries(STATUS_LABELS).find(([key]) => key === status);
  return known?.[1] ?? status;
}

/**
 * The candidate's own page for their call, from the link they got when they applied (the token
 * in the fragment never reaches a server log). It shows the status and time, and lets them move a
 * scheduled call inside calling hours or cancel it. A web screen put off (nobody can ring a
 * browser) starts here, when the candidate is ready, and runs on this page as it did on the first.
 */
export function MyCallPage() {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [call, setCall] = useState<MyCall | undefined>();
  const [error, setError] = useState<string | undefined>(
    token === '' ? 'Open this page from the link you were given when you applied.' : undefined,
  );
  const [when, setWhen] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const [started, setStarted] = useState<StartPhoneScreenResponse | undefined>();

  const load = useCallback(() => {
    if (token === '') return;
    myCallApi.get(token).then(setCall, (failure: unknown) => setError(errorMessage(failure)));
  }, [token]);
  useEffect(load, [load]);

  /** One action at a time: the buttons wait, and a refusal is shown in words. */
  const run = <T,>(action: () => Promise<T>, onDone: (value: T) => void, onFailed?: () => void) => {
    setIsBusy(true);
    setError(undefined);
    action().then(
      (value) => {
        setIsBusy(false);
        onDone(value);
      },
      (failure: unknown) => {
        setIsBusy(false);
        setError(errorMessage(failure));
        onFailed?.();
      },
    );
  };
  // A refused start may mean the screen moved meanwhile (another tab): show where it is now.
  const onJoin = (): void => run(() => myCallApi.join(token), setStarted, load);
  const onMove = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    // datetime-local is the browser's own wall clock; the server checks it against calling hours.
    run(() => myCallApi.reschedule(token, new Date(when).toISOString()), setCall);
  };

  if (started !== undefined && call !== undefined) {
    // The screen runs here as on the apply page; after it, the page shows where the call stands.
    return (
      <CallPanel
        started={started}
        company={call.job.company}
        onRetry={() => {
          setStarted(undefined);
          load();
        }}
      />
    );
  }

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
          {call.interview.endReason === 'job_closed' && (
            <p>This position has closed, so the call was canceled. Thank you for your interest.</p>
          )}
          {call.interview.scheduledFor !== null &&
            call.interview.status === 'scheduled' &&
            !call.canJoin && <p>We will call you on {longTime(call.interview.scheduledFor)}.</p>}
          {call.canJoin && (
            <>
              <p>
                Your screen is waiting for you in this browser
                {call.interview.scheduledFor === null
                  ? '.'
                  : `: you planned it for ${longTime(call.interview.scheduledFor)}.`}{' '}
                Start it whenever you are ready, with your microphone on. It takes about ten
                minutes.
              </p>
            </>
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
          {(call.canJoin || call.canCancel) && (
            <div className="button-row">
              {call.canJoin && (
                <button type="button" disabled={isBusy} onClick={onJoin}>
                  Start my screen now
                </button>
              )}
              {call.canCancel && (
                <button
                  type="button"
                  className="danger"
                  disabled={isBusy}
                  onClick={() => run(() => myCallApi.cancel(token), setCall)}
                >
                  {call.interview.mode === 'web' ? 'Cancel the screen' : 'Cancel the call'}
                </button>
              )}
            </div>
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
