import { useNavigate, useParams } from 'react-router';
import { DashboardLoadError } from '../../components/common/load-error';
import { JobForm, jobToFormValues } from '../../components/dashboard/job-form';
import { useAsync } from '../../hooks/use-async';
import { recruiterApi } from '../../lib/recruiter-api';
import { Link } from 'react-router';
import { lazy, Suspense } from 'react';

// The chart library is big and only this page draws charts: it loads on demand.
const JobFunnelChart = lazy(() => import('../../components/dashboard/job-funnel-chart'));

/** `/dashboard/jobs/new` and `/dashboard/jobs/:jobId`. */
export function JobEditorPage() {
  const { jobId } = useParams();
  const navigate = useNavigate();
  const isNew = jobId === undefined;
  const job = useAsync(
    () => (isNew ? Promise.resolve(undefined) : recruiterApi.getJob(jobId)),
    jobId ?? 'new',
  );
  const heading = isNew ? 'New job' : 'Edit job';
  return (
    <section aria-labelledby="job-editor-heading">
      <p>
        <Link to="/dashboard/jobs">← All jobs</Link>
      </p>
      <h1 id="job-editor-heading">{heading}</h1>
      {job.status === 'loading' && <p role="status">Loading the job…</p>}
      {job.status === 'error' && <DashboardLoadError error={job.error} />}
      {!isNew && job.status === 'ready' && (
        <Suspense fallback={<p role="status">Loading the funnel…</p>}>
          <JobFunnelChart jobId={jobId} />
        </Suspense>
      )}
      {job.status === 'ready' && (
        <JobForm
          key={job.data?.id ?? 'new'}
          initial={jobToFormValues(job.data)}
          submitLabel={isNew ? 'Create job' : 'Save changes'}
          onSubmit={async (input) => {
            if (isNew) await recruiterApi.createJob(input);
            else await recruiterApi.updateJob(jobId, input);
            await navigate('/dashboard/jobs');
          }}
        />
      )}
    </section>
  );
}
