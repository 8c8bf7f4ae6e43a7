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
  // What the last close did to the calls still to come; kept here, as the list reloads after it.
  const [closed, setClosed] = useState<{ jobId: string; canceledScreens: number } | undefined>();
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
            <JobRow
              key={job.id}
              job={job}
              canceledScreens={closed?.jobId === job.id ? closed.canceledScreens : undefined}
              onChanged={(canceledScreens) => {
                setClosed(
                  canceledScreens === undefined ? undefined : { jobId: job.id, canceledScreens },
                );
                setReloads((count) => count + 1);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobRow({
  job,
  canceledScreens,
  onChanged,
}: {
  job: Job;
  /** How many calls still to come this job's close canceled, right after it. */
  canceledScreens: number | undefined;
  /** After a change; with the canceled count when it was a close. */
  onChanged: (canceledScreens?: number) => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const applyPath = `/apply/${job.id}`;
  const toggle = (): void => {
    setIsSaving(true);
    setError(undefined);
    recruiterApi.setJobStatus(job.id, job.status === 'open' ? 'closed' : 'open').then(
      (changed) => {
        setIsSaving(false);
        onChanged(changed.job.status === 'closed' ? changed.canceledScreens : undefined);
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
      {canceledScreens !== undefined && job.status === 'closed' && (
        <p role="status" className="muted">
          {canceledScreens === 0
            ? 'No calls were waiting for this job.'
            : `${String(canceledScreens)} ${canceledScreens === 1 ? 'call still to come was' : 'calls still to come were'} canceled; calls already under way go on.`}
        </p>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
