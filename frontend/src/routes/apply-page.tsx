import { useParams } from 'react-router';
import { ResumeScreeningPhoneScreen } from '../components/apply/resume-screening-phone-screen';
import { useAsync } from '../hooks/use-async';
import { api } from '../lib/api';

/**
 * `/apply/:jobId`: loads the job and the server's mode (web mode asks for no phone number), then
 * the candidate's flow.
 */
export function ApplyPage() {
  const { jobId = '' } = useParams();
  const loaded = useAsync(
    () => Promise.all([api.getJob(jobId), api.health()]).then(([job, health]) => ({ job, health })),
    jobId,
  );
  if (loaded.status === 'loading') return <p role="status">Loading the job…</p>;
  if (loaded.status === 'error') {
    return (
      <p role="alert" className="error">
        {loaded.error.message}
      </p>
    );
  }
  const { job, health } = loaded.data;
  return <ResumeScreeningPhoneScreen key={job.id} job={job} mode={health.mode} />;
}
