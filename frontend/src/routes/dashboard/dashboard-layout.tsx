import { useCallback, useEffect, useMemo, useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { SignInForm } from '../../components/dashboard/sign-in-form';
import { RecruiterSessionContext, type RecruiterSession } from '../../hooks/use-recruiter-session';
import { ApiError } from '../../lib/api';
import { hasSignedInHint, recruiterApi, type Recruiter } from '../../lib/recruiter-api';

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; message?: string }
  | { status: 'signed-in'; recruiter: Recruiter };

/** Everything under /dashboard: the sign-in form until a recruiter is signed in, then the pages. */
export function DashboardLayout() {
  // Without the hint cookie there is no session to ask about, so no 401 ever reaches the console.
  const [state, setState] = useState<SessionState>(() =>
    hasSignedInHint() ? { status: 'checking' } : { status: 'signed-out' },
  );

  useEffect(() => {
    if (state.status !== 'checking') return;
    let isCurrent = true;
    recruiterApi.me().then(
      (recruiter) => {
        if (isCurrent) setState({ status: 'signed-in', recruiter });
      },
      (error: unknown) => {
        if (!isCurrent) return;
        // An expected 401 (the session ended) is not an error to report: show the form.
        const isExpected = error instanceof ApiError && error.status === 401;
        setState(
          isExpected
            ? { status: 'signed-out' }
            : { status: 'signed-out', message: (error as Error).message },
        );
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [state.status]);

  const onSessionEnded = useCallback(() => {
    setState({ status: 'signed-out', message: 'Your session has ended. Sign in again.' });
  }, []);
  const signOut = useCallback(async () => {
    try {
      await recruiterApi.signOut();
      setState({ status: 'signed-out', message: 'You are signed out.' });
    } catch (error) {
      // The server may still hold the session: say so rather than pretend it ended.
      setState({
        status: 'signed-out',
        message: `Signing out did not reach the server: ${(error as Error).message}`,
      });
    }
  }, []);

  const session = useMemo<RecruiterSession | undefined>(
    () =>
      state.status === 'signed-in'
        ? { recruiter: state.recruiter, onSessionEnded, signOut }
        : undefined,
    [state, onSessionEnded, signOut],
  );

  if (state.status === 'checking') return <p role="status">Checking your session…</p>;
  if (session === undefined) {
    return (
      <>
        {state.status === 'signed-out' && state.message !== undefined && (
          <p role="status" className="notice">
            {state.message}
          </p>
        )}
        <SignInForm onSignedIn={(recruiter) => setState({ status: 'signed-in', recruiter })} />
      </>
    );
  }
  return (
    <RecruiterSessionContext.Provider value={session}>
      <div className="dashboard-bar">
        <nav aria-label="Dashboard" className="dashboard-nav">
          <NavLink to="/dashboard" end>
            Interviews
          </NavLink>
          <NavLink to="/dashboard/jobs">Jobs</NavLink>
          {session.recruiter.role === 'admin' && (
            <NavLink to="/dashboard/settings">Settings</NavLink>
          )}
        </nav>
        <div className="dashboard-user">
          <span className="muted">{session.recruiter.name}</span>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
      <Outlet />
    </RecruiterSessionContext.Provider>
  );
}
