import { useEffect } from 'react';
import { ApiError } from '../../lib/api';
import { useRecruiterSession } from '../../hooks/use-recruiter-session';

/**
 * An API error shown as the API wrote it. A 401 means the session ended: the dashboard goes back
 * to its sign-in form instead of showing an error.
 */
export function DashboardLoadError({ error }: { error: Error }) {
  const { onSessionEnded } = useRecruiterSession();
  const isSessionEnded = error instanceof ApiError && error.status === 401;
  useEffect(() => {
    if (isSessionEnded) onSessionEnded();
  }, [isSessionEnded, onSessionEnded]);
  if (isSessionEnded) return null;
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
