import type { Job } from '@screenline/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DashboardLoadError } from '../../components/common/load-error';
import { DialingSwitchPanel } from '../../components/dashboard/dialing-switch-panel';
import { useAsync } from '../../hooks/use-async';
import { useRecruiterSession } from '../../hooks/use-recruiter-session';
import { recruiterApi } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/** Every job, open or closed, with its apply link, an editor link and open/close. */
export function JobsPage() {
  const { recruiter } = useRecruiterSession();
  const [reloads, setReloads] = useState(0);
  const jobs = useAsync(() => recruiterApi.listAllJobs(), `jobs-${reloads}`);
  return (
    <section aria-labelledby="jobs-heading">
      <div className="page-heading">
        <h1 id="jobs-heading">Jobs</h1>
        <Link className="button" to="/dashboard/jobs/new">
          New job
        </Link>
      </div>
      {recruiter.role === 'admin' && <DialingSwitchPanel />}
      {jobs.status === 'loading' && <p role="status">Loading jobs…</p>}
      {jobs.status === 'error' && <DashboardLoadError error={jobs.error} />}
      {jobs.status === 'ready' && jobs.data.length === 0 && (
        <p className="empty">No jobs yet. Create one to start screening.</p>
      )}
      {jobs.status === 'ready' && jobs.data.length > 0 && (
        <ul className="job-list">
          {jobs.data.map((job) => (
            <JobRow key={job.id} job={job} onChanged={() => setReloads((count) => count + 1)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobRow({ job, onChanged }: { job: Job; onChanged: () => void }) {
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const applyPath = `/apply/${job.id}`;
  const toggle = (): void => {
    setIsSaving(true);
    setError(undefined);
    recruiterApi.updateJob(job.id, { status: job.status === 'open' ? 'closed' : 'open' }).then(
      () => {
        setIsSaving(false);
        onChanged();
      },
      (failure: unknown) => {
        setIsSaving(false);
        setError(errorMessage(failure));
      },
    );
  };
  return (
    <li className="card">
      <div className="page-heading">
        <h2>{job.title}</h2>
        <span className={`status-badge job-${job.status}`}>
          {job.status === 'open' ? 'Open' : 'Closed'}
        </span>
      </div>
      <p className="muted">
        {job.company}
        {job.location !== '' && ` · ${job.location}`} · {job.knockouts.length} knock-out
        {job.knockouts.length === 1 ? '' : 's'} · {job.rubric.length} criteri
        {job.rubric.length === 1 ? 'on' : 'a'}
      </p>
      <div className="button-row">
        <Link className="button secondary" to={`/dashboard/jobs/${job.id}`}>
          Edit {job.title}
        </Link>
        <button type="button" className="secondary" onClick={toggle} disabled={isSaving}>
          {job.status === 'open' ? `Close ${job.title}` : `Reopen ${job.title}`}
        </button>
        {job.status === 'open' ? (
          <a href={applyPath}>Apply link: {window.location.origin + applyPath}</a>
        ) : (
          <span className="muted">Closed: the apply link shows “no longer open”.</span>
        )}
      </div>
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
