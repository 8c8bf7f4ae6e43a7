import { useState, type SubmitEvent } from 'react';
import { useAsync } from '../../hooks/use-async';
import { errorMessage } from '../../lib/api';
import { settingsApi, WEBHOOK_EVENTS, type Webhook } from '../../lib/settings-api';
import { TextField } from '../common/text-field';
import { OneTimeSecret } from './one-time-secret';

/** Webhook endpoints for an ATS: add, see each one's attempts and state, remove. */
export function WebhooksPanel() {
  const [version, setVersion] = useState(0);
  const list = useAsync(() => settingsApi.listWebhooks(), String(version));
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const [includeTranscript, setIncludeTranscript] = useState(false);
  const [secret, setSecret] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    settingsApi.addWebhook({ url, events, includeTranscript }).then(
      (created) => {
        setIsSaving(false);
        setSecret(created.secret);
        setUrl('');
        setVersion((value) => value + 1);
      },
      (failure: unknown) => {
        setIsSaving(false);
        setError(errorMessage(failure));
      },
    );
  };
  const toggleEvent = (name: string): void => {
    setEvents((current) =>
      current.includes(name) ? current.filter((item) => item !== name) : [...current, name],
    );
  };
  const act = (action: () => Promise<void>): void => {
    setError(undefined);
    action().then(
      () => setVersion((value) => value + 1),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  return (
    <section className="card" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted">
        Signed (Standard Webhooks) events for your ATS: ids, states, scores and knock-out answers;
        the transcript only if you opt in, the resume text never from here.
      </p>
      {list.status === 'loading' && <p role="status">Loading…</p>}
      {list.status === 'error' && (
        <p role="alert" className="error">
          {list.error.message}
        </p>
      )}
      {list.status === 'ready' && list.data.length === 0 && (
        <p className="empty">No endpoints yet.</p>
      )}
      {list.status === 'ready' &&
        list.data.map((webhook) => (
          <WebhookItem
            key={webhook.id}
            webhook={webhook}
            onRemove={() => act(() => settingsApi.removeWebhook(webhook.id))}
            onEnable={() => act(() => settingsApi.enableWebhook(webhook.id))}
          />
        ))}
      {secret !== undefined && (
        <OneTimeSecret
          label="Signing secret"
          value={secret}
          note="Give it to your ATS to verify each request. It is shown only now."
          onDone={() => setSecret(undefined)}
        />
      )}
      <form onSubmit={onSubmit} className="form" aria-label="Add a webhook endpoint">
        <TextField
          label="Endpoint URL"
          type="url"
          required
          placeholder="https://ats.example.com/webhooks/screenline"
          value={url}
          onChange={setUrl}
        />
        <fieldset>
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((name) => (
            <label key={name} className="checkbox">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={() => toggleEvent(name)}
              />{' '}
              {name}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeTranscript}
            onChange={(event) => setIncludeTranscript(event.target.checked)}
          />{' '}
          Include the transcript and the scorecard's quotes
        </label>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isSaving || events.length === 0}>
          {isSaving ? 'Adding…' : 'Add endpoint'}
        </button>
      </form>
    </section>
  );
}

function WebhookItem({
  webhook,
  onRemove,
  onEnable,
}: {
  webhook: Webhook;
  onRemove: () => void;
  onEnable: () => void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const attempts = useAsync(
    () => (isOpen ? settingsApi.webhookAttempts(webhook.id) : Promise.resolve([])),
    `${webhook.id}:${String(isOpen)}`,
  );
  const state =
    webhook.disabledAt !== null ? 'Disabled' : webhook.failingSince !== null ? 'Failing' : 'Active';
  return (
    <article className="card nested" aria-label={`Endpoint ${webhook.url}`}>
      <div className="page-heading">
        <code>{webhook.url}</code>
        <span className={`status-badge ${state === 'Active' ? 'job-open' : 'job-closed'}`}>
          {state}
        </span>
      </div>
      <p className="muted">{webhook.events.join(', ')}</p>
      {webhook.disabledAt !== null && (
        <p role="status" className="notice">
          Disabled {new Date(webhook.disabledAt).toLocaleString()}: {webhook.disabledReason}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="secondary" onClick={() => setIsOpen(!isOpen)}>
          {isOpen ? 'Hide attempts' : 'Show attempts'}
        </button>
        {webhook.disabledAt !== null && (
          <button type="button" className="secondary" onClick={onEnable}>
            Enable again
          </button>
        )}
        <button type="button" className="danger" onClick={onRemove}>
          Remove
        </button>
      </div>
      {isOpen && attempts.status === 'ready' && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Delivery attempts">
            <thead>
              <tr>
                <th>Time</th>
                <th>Event</th>
                <th>Attempt</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {attempts.data.length === 0 && (
                <tr>
                  <td colSpan={4}>No attempts yet.</td>
                </tr>
              )}
              {attempts.data.map((attempt) => (
                <tr key={attempt.id}>
                  <td>{new Date(attempt.createdAt).toLocaleString()}</td>
                  <td>{attempt.eventType}</td>
                  <td>{attempt.attempt}</td>
                  <td>
                    {attempt.httpStatus === null ? '' : `HTTP ${String(attempt.httpStatus)}`}
                    {attempt.error !== null && attempt.httpStatus === null ? attempt.error : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
