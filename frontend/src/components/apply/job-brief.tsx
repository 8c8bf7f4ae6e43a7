import type { Job } from '@screenline/core';

/** The job in brief: title, company, place, and the description and requirements on demand. */
export function JobBrief({ job }: { job: Job }) {
  return (
    <header className="card job-brief">
      <h1>{job.title}</h1>
      <p className="muted">
        {job.company}
        {job.location !== '' && ` · ${job.location}`}
      </p>
      {job.description !== '' && (
        <details>
          <summary>About the job</summary>
          <p>{job.description}</p>
          {job.requirements.length > 0 && (
            <>
              <h2>What we look for</h2>
              <ul>
                {job.requirements.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
    </header>
  );
}
