import { useEffect, useState } from 'react';
import { recruiterApi, type DialingState } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/** FR-6 for administrators: pause or resume every outbound call, in every server, at once. */
export function DialingSwitchPanel() {
  const [state, setState] = useState<DialingState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  useEffect(() => {
    recruiterApi.dialing().then(setState, (failure: unknown) => {
      setError(errorMessage(failure));
    });
  }, []);
  const flip = (): void => {
    if (state === undefined) return;
    setIsSaving(true);
    setError(undefined);
    recruiterApi.setDialingPaused(!state.isPaused).then(
      (next) => {
        setIsSaving(false);
        setState(next);
      },
      (failure: unknown) => {
        setIsSaving(false);
        setError(errorMessage(failure));
      },
    );
  };
  return (
    <section className="card" aria-labelledby="dialing-heading">
      <div className="page-heading">
        <h2 id="dialing-heading">Outbound calls</h2>
        {state !== undefined && (
          <span className={`status-badge ${state.isPaused ? 'job-closed' : 'job-open'}`}>
            {state.isPaused ? 'Paused' : 'On'}
          </span>
        )}
      </div>
      {state === undefined && error === undefined && <p role="status">Loading…</p>}
      {state !== undefined && (
        <>
          <p className="muted">
            {state.pausedBy === 'configuration'
              ? 'Paused by the server configuration (DIALING_DISABLED); change it there.'
              : state.appliesToThisMode
                ? 'Pausing stops every new and queued call at once; calls under way finish.'
                : 'This server places no phone calls in its current mode; the switch takes effect in phone mode.'}
          </p>
          {state.pausedBy !== 'configuration' && (
            <button
              type="button"
              className={state.isPaused ? undefined : 'danger'}
              onClick={flip}
              disabled={isSaving}
            >
              {isSaving ? 'Saving…' : state.isPaused ? 'Resume calls' : 'Pause all calls'}
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
