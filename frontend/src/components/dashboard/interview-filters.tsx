import { INTERVIEW_STATUSES, type InterviewSort, type Job } from '@screenline/core';
import { useState, type SubmitEvent } from 'react';
import { STATUS_LABELS } from '../../lib/labels';
import { SelectField } from '../common/select-field';

export interface InterviewFilterValues {
  jobId: string;
  status: string;
  q: string;
  sort: InterviewSort;
}

const SORT_LABELS: Record<InterviewSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  score_desc: 'Highest score',
  score_asc: 'Lowest score',
  name: 'Candidate name',
};

/** Job, status and sort apply at once; the search applies on Enter or "Search". */
export function InterviewFilters({
  jobs,
  values,
  onChange,
}: {
  jobs: Job[];
  values: InterviewFilterValues;
  onChange: (values: InterviewFilterValues) => void;
}) {
  const [search, setSearch] = useState(values.q);
  const onSearch = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onChange({ ...values, q: search.trim() });
  };
  return (
    <form className="filters" role="search" aria-label="Filter interviews" onSubmit={onSearch}>
      <SelectField
        label="Job"
        value={values.jobId}
        onChange={(event) => onChange({ ...values, jobId: event.target.value })}
      >
        <option value="">All jobs</option>
        {jobs.map((job) => (
          <option key={job.id} value={job.id}>
            {job.title}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={values.status}
        onChange={(event) => onChange({ ...values, status: event.target.value })}
      >
        <option value="">All statuses</option>
        {INTERVIEW_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Sort by"
        value={values.sort}
        onChange={(event) => onChange({ ...values, sort: event.target.value as InterviewSort })}
      >
        {Object.entries(SORT_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <label className="field grow">
        <span>Search candidates</span>
        <input
          type="search"
          placeholder="Name, email or phone"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </label>
      <button type="submit" className="secondary">
        Search
      </button>
    </form>
  );
}
