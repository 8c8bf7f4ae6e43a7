import { Link } from 'react-router';
import { api } from '../lib/api';
import { useAsync } from '../hooks/use-async';

/** The open jobs, each with a link to apply. */
export function HomePage() {
  const jobs = useAsync(() => api.listJobs(), 'jobs');
  return (
    <section aria-labelledby="jobs-heading">
      <h1 id="jobs-heading">Open jobs</h1>
      <p className="lead">
        Apply with your resume and get a short screening call from our AI assistant.
      </p>
      {jobs.status === 'loading' && <p role="status">Loading jobs…</p>}
      {jobs.status === 'error' && (
        <p role="alert" className="error">
          {jobs.error.message}
        </p>
      )}
      {jobs.status === 'ready' && jobs.data.length === 0 && (
        <p>There are no open jobs right now.</p>
      )}
      {jobs.status === 'ready' && jobs.data.length > 0 && (
        <ul className="job-list">
          {jobs.data.map((job) => (
            <li key={job.id} className="card">
              <h2>{job.title}</h2>
              <p className="muted">
                {job.company}
                {job.location ? ` · ${job.location}` : ''}
              </p>
              <Link to={`/apply/${job.id}`} className="button">
                Apply for {job.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
