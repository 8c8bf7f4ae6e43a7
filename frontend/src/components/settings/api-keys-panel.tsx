import { useState, type SubmitEvent } from 'react';
import { useAsync } from '../../hooks/use-async';
import { errorMessage } from '../../lib/api';
import { settingsApi } from '../../lib/settings-api';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';
import { OneTimeSecret } from './one-time-secret';

/** API keys for an ATS or a script: make, see last use, revoke. */
export function ApiKeysPanel() {
  const [version, setVersion] = useState(0);
  const list = useAsync(() => settingsApi.listApiKeys(), String(version));
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [key, setKey] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setError(undefined);
    settingsApi.createApiKey({ name, scope }).then(
      (created) => {
        setKey(created.key);
        setName('');
        setVersion((value) => value + 1);
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  const revoke = (id: string): void => {
    settingsApi.revokeApiKey(id).then(
      () => setVersion((value) => value + 1),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  return (
    <section className="card" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p className="muted">
        Send a key as <code>Authorization: Bearer sk_…</code>. Read: list, read and export
        interviews. Write: also decisions and notes. See <a href="/api/docs">the API reference</a>.
      </p>
      {list.status === 'error' && (
        <p role="alert" className="error">
          {list.error.message}
        </p>
      )}
      {list.status === 'ready' && list.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="API keys">
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Scope</th>
                <th>Last used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((apiKey) => (
                <tr key={apiKey.id}>
                  <td>{apiKey.name}</td>
                  <td>
                    <code>{apiKey.prefix}…</code>
                  </td>
                  <td>{apiKey.scope}</td>
                  <td>
                    {apiKey.lastUsedAt === null
                      ? 'Never'
                      : new Date(apiKey.lastUsedAt).toLocaleString()}
                  </td>
                  <td>
                    {apiKey.revokedAt === null ? (
                      <button type="button" className="danger" onClick={() => revoke(apiKey.id)}>
                        Revoke {apiKey.name}
                      </button>
                    ) : (
                      'Revoked'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {key !== undefined && (
        <OneTimeSecret
          label="New API key"
          value={key}
          note="Store it in your ATS now: it is shown only once."
          onDone={() => setKey(undefined)}
        />
      )}
      <form onSubmit={onSubmit} className="form" aria-label="Make an API key">
        <TextField label="Key name" required value={name} onChange={setName} />
        <SelectField
          label="Scope"
          value={scope}
          onChange={(event) => setScope(event.target.value === 'write' ? 'write' : 'read')}
        >
          <option value="read">Read</option>
          <option value="write">Read and write</option>
        </SelectField>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Make key</button>
      </form>
    </section>
  );
}
