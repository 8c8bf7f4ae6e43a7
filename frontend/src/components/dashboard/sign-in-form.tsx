import { useState, type SubmitEvent } from 'react';
import { recruiterApi, type Recruiter } from '../../lib/recruiter-api';

/** Email and password; the API's message (wrong credentials, throttled) is shown as it is. */
export function SignInForm({ onSignedIn }: { onSignedIn: (recruiter: Recruiter) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSubmitting, setIsSubmitting] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(undefined);
    recruiterApi.signIn(email, password).then(onSignedIn, (failure: unknown) => {
      setError(failure instanceof Error ? failure.message : String(failure));
      setIsSubmitting(false);
    });
  };

  return (
    <section className="card narrow" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Recruiter sign-in</h1>
      <p className="muted">Sign in to see interviews, scorecards and jobs.</p>
      <form onSubmit={onSubmit} className="form">
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small">
        No account yet? The operator creates the first one on the server with{' '}
        <code>npx screenline create-admin --email you@example.com</code> (or at start-up, as
        .env.example describes). There is no default account.
      </p>
    </section>
  );
}
