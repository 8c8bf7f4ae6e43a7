import { useAsync } from '../../hooks/use-async';
import { settingsApi } from '../../lib/settings-api';

/** The latest audit entries: who did what, when (ids only, no candidate data). */
export function AuditLogPanel() {
  const entries = useAsync(() => settingsApi.audit(), 'audit');
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      {entries.status === 'loading' && <p role="status">Loading…</p>}
      {entries.status === 'error' && (
        <p role="alert" className="error">
          {entries.error.message}
        </p>
      )}
      {entries.status === 'ready' && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Audit log">
            <thead>
              <tr>
                <th>Time</th>
                <th>Who</th>
                <th>What</th>
                <th>On</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((entry) => (
                <tr key={entry.id}>
                  <td>{new Date(entry.createdAt).toLocaleString()}</td>
                  <td>
                    {entry.actorName ?? '—'}
                    {entry.apiKeyId !== null ? ' (API key)' : ''}
                  </td>
                  <td>{entry.action}</td>
                  <td className="muted">
                    {entry.targetType === null ? '' : `${entry.targetType} ${entry.targetId ?? ''}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
