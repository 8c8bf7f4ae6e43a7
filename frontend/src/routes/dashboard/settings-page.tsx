import { ApiKeysPanel } from '../../components/settings/api-keys-panel';
import { AuditLogPanel } from '../../components/settings/audit-log-panel';
import { TeamPanel } from '../../components/settings/team-panel';
import { WebhooksPanel } from '../../components/settings/webhooks-panel';
import { useRecruiterSession } from '../../hooks/use-recruiter-session';

/** The administrator's settings: the team, webhooks, API keys and the audit log. */
export function SettingsPage() {
  const { recruiter } = useRecruiterSession();
  if (recruiter.role !== 'admin') {
    return (
      <section className="card narrow" aria-labelledby="settings-heading">
        <h1 id="settings-heading">Settings</h1>
        <p role="status">Only an administrator can change these settings.</p>
      </section>
    );
  }
  return (
    <div className="stack">
      <h1>Settings</h1>
      <TeamPanel currentUserId={recruiter.id} />
      <WebhooksPanel />
      <ApiKeysPanel />
      <AuditLogPanel />
    </div>
  );
}
