import { useParams } from 'react-router';
import { ResumeScreeningPhoneScreen } from '../components/apply/resume-screening-phone-screen';
import { useAsync } from '../hooks/use-async';
import { api } from '../lib/api';

/** `/apply/:jobId`: loads the job, then the candidate's flow. */
export function ApplyPage() {
  const { jobId = '' } = useParams();
  const job = useAsync(() => api.getJob(jobId), jobId);
  if (job.status === 'loading') return <p role="status">Loading the job…</p>;
  if (job.status === 'error') {
    return (
      <p role="alert" className="error">
        {job.error.message}
      </p>
    );
  }
  return <ResumeScreeningPhoneScreen key={job.data.id} job={job.data} />;
}
