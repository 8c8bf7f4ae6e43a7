import { useEffect, useState, type SubmitEvent } from 'react';
import { recruiterApi, type Recruiter } from '../../lib/recruiter-api';
import { TextField } from '../common/text-field';
import { errorMessage } from '../../lib/api';

/** Email and password; the API's message (wrong credentials, throttled) is shown as it is. */
export function SignInForm({ onSignedIn }: { onSignedIn: (recruiter: Recruiter) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isSetupNeeded, setIsSetupNeeded] = useState(false);
  useEffect(() => {
    recruiterApi.isSetupNeeded().then(setIsSetupNeeded, () => {
      // Without the answer the page still signs in; the hint is only a hint.
    });
  }, []);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(undefined);
    recruiterApi.signIn(email, password).then(onSignedIn, (failure: unknown) => {
      setError(errorMessage(failure));
      setIsSubmitting(false);
    });
  };

  return (
    <section className="card narrow" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Recruiter sign-in</h1>
      <p className="muted">Sign in to see interviews, scorecards and jobs.</p>
      <form onSubmit={onSubmit} className="form">
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {isSetupNeeded ? (
        <p className="muted small" role="note">
          This install has no account yet. Open the one-time link the server printed where it was
          started (&ldquo;Create the administrator&rdquo;), or run{' '}
          <code>npx screenline create-admin --email you@example.com</code> on the server. There is
          no default account.
        </p>
      ) : (
        <p className="muted small">
          No account? Ask your administrator. There is no default account.
        </p>
      )}
    </section>
  );
}
