import { useParams } from 'react-router';
import { api } from '../lib/api';
import { useAsync } from '../hooks/use-async';

/** The job in brief. The resume upload and call panel build on this page. */
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
  const { title, company, location, description, requirements } = job.data;
  return (
    <article className="card">
      <h1>{title}</h1>
      <p className="muted">
        {company}
        {location ? ` · ${location}` : ''}
      </p>
      <p>{description}</p>
      {requirements.length > 0 && (
        <>
          <h2>What we look for</h2>
          <ul>
            {requirements.map((requirement) => (
              <li key={requirement}>{requirement}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
