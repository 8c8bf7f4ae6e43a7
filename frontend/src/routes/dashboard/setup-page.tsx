import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../components/common/text-field';
import { recruiterApi } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/**
 * A fresh install's first administrator, from the one-time link the server printed at start-up.
 * The token travels in the link's fragment, so it never reaches a server log or a referrer.
 */
export function SetupPage() {
  const navigate = useNavigate();
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSubmitting, setIsSubmitting] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(undefined);
    recruiterApi.setUpFirstAdmin({ token, name, email, password }).then(
      () => {
        // Drop the spent token from the address bar and the history.
        window.history.replaceState(null, '', '/dashboard');
        void navigate('/dashboard', { replace: true });
      },
      (failure: unknown) => {
        setError(errorMessage(failure));
        setIsSubmitting(false);
      },
    );
  };

  if (token === '') {
    return (
      <section className="card narrow" aria-labelledby="setup-heading">
        <h1 id="setup-heading">Set up Screenline</h1>
        <p role="alert" className="error">
          This page needs the one-time link the server printed when it started, with its token.
        </p>
        <p>
          <Link to="/dashboard">Go to the sign-in page</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow" aria-labelledby="setup-heading">
      <h1 id="setup-heading">Create the administrator</h1>
      <p className="muted">
        This install has no account yet. The administrator reviews interviews, edits jobs, pauses
        calls and erases a candidate's data on request. This link works once.
      </p>
      <form onSubmit={onSubmit} className="form">
        <TextField label="Your name" autoComplete="name" required value={name} onChange={setName} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
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
          {isSubmitting ? 'Creating…' : 'Create the administrator'}
        </button>
      </form>
    </section>
  );
}
