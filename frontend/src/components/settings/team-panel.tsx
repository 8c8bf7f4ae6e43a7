import { useState, type SubmitEvent } from 'react';
import { useAsync } from '../../hooks/use-async';
import { errorMessage } from '../../lib/api';
import { settingsApi, type Role } from '../../lib/settings-api';
import { SelectField } from '../common/select-field';
import { TextField } from '../common/text-field';
import { OneTimeSecret } from './one-time-secret';

/** The team: members and their roles, open invitations, and inviting someone new. */
export function TeamPanel({ currentUserId }: { currentUserId: string }) {
  const [version, setVersion] = useState(0);
  const team = useAsync(() => settingsApi.team(), String(version));
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('recruiter');
  const [link, setLink] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const reload = (): void => setVersion((value) => value + 1);
  const act = (action: () => Promise<void>): void => {
    setError(undefined);
    action().then(reload, (failure: unknown) => setError(errorMessage(failure)));
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setError(undefined);
    settingsApi.invite({ email, role }).then(
      (created) => {
        setLink(created.setupUrl ?? `${window.location.origin}${created.setupPath}`);
        setEmail('');
        reload();
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };

  return (
    <section className="card" aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      <p className="muted">
        Recruiters review interviews, decide and edit jobs. Administrators also manage the team,
        webhooks, API keys and the call switch.
      </p>
      {team.status === 'error' && (
        <p role="alert" className="error">
          {team.error.message}
        </p>
      )}
      {team.status === 'ready' && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Team members">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {team.data.users.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    <SelectField
                      label={`Role of ${member.name}`}
                      className="compact"
                      value={member.role}
                      onChange={(event) =>
                        act(() =>
                          settingsApi.setRole(
                            member.id,
                            event.target.value === 'admin' ? 'admin' : 'recruiter',
                          ),
                        )
                      }
                    >
                      <option value="recruiter">Recruiter</option>
                      <option value="admin">Administrator</option>
                    </SelectField>
                  </td>
                  <td>
                    {member.id !== currentUserId && (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => act(() => settingsApi.removeMember(member.id))}
                      >
                        Remove {member.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {team.data.invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td className="muted">Invited</td>
                  <td>{invitation.email}</td>
                  <td>{invitation.role}</td>
                  <td className="muted">
                    until {new Date(invitation.expiresAt).toLocaleDateString()}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {link !== undefined && (
        <OneTimeSecret
          label="Invitation link"
          value={link}
          note="Send this link to the person you invited. It works once, for seven days."
          onDone={() => setLink(undefined)}
        />
      )}
      <form onSubmit={onSubmit} className="form" aria-label="Invite a team member">
        <TextField
          label="Email to invite"
          type="email"
          required
          value={email}
          onChange={setEmail}
        />
        <SelectField
          label="Role"
          value={role}
          onChange={(event) => setRole(event.target.value === 'admin' ? 'admin' : 'recruiter')}
        >
          <option value="recruiter">Recruiter</option>
          <option value="admin">Administrator</option>
        </SelectField>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Invite</button>
      </form>
    </section>
  );
}
