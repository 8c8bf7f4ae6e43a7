import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../components/common/text-field';
import { useAsync } from '../../hooks/use-async';
import { errorMessage } from '../../lib/api';
import { settingsApi } from '../../lib/settings-api';

/**
 * Joining a team from an administrator's invitation link. The token rides in the fragment, so it
 * never reaches a server log or a referrer; the page sends it in a request body.
 */
export function InvitePage() {
  const navigate = useNavigate();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const invitation = useAsync(
    () =>
      token === ''
        ? Promise.reject(new Error('This page needs the link you were sent.'))
        : settingsApi.invitation(token),
    token,
  );
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSubmitting, setIsSubmitting] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(undefined);
    settingsApi.acceptInvitation({ token, name, password }).then(
      () => {
        window.history.replaceState(null, '', '/dashboard');
        void navigate('/dashboard', { replace: true });
      },
      (failure: unknown) => {
        setError(errorMessage(failure));
        setIsSubmitting(false);
      },
    );
  };

  return (
    <section className="card narrow" aria-labelledby="invite-heading">
      <h1 id="invite-heading">Join your team on Screenline</h1>
      {invitation.status === 'loading' && <p role="status">Checking the invitation…</p>}
      {invitation.status === 'error' && (
        <>
          <p role="alert" className="error">
            {invitation.error.message}
          </p>
          <p>
            <Link to="/dashboard">Go to the sign-in page</Link>
          </p>
        </>
      )}
      {invitation.status === 'ready' && (
        <form onSubmit={onSubmit} className="form">
          <p className="muted">
            You are invited as{' '}
            {invitation.data.role === 'admin' ? 'an administrator' : 'a recruiter'} with the address{' '}
            {invitation.data.email}. This link works once.
          </p>
          <TextField
            label="Your name"
            autoComplete="name"
            required
            value={name}
            onChange={setName}
          />
          <TextField
            label="Password (12 characters or more)"
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            onChange={setPassword}
          />
          {error !== undefined && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" disabled={isSubmitting}>
            {isSubmitting ? 'Creating…' : 'Create my account'}
          </button>
        </form>
      )}
    </section>
  );
}
