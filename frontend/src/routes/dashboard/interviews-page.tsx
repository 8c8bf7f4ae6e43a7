import { INTERVIEW_SORTS, type InterviewSort } from '@screenline/core';
import { useSearchParams } from 'react-router';
import { DashboardLoadError } from '../../components/common/load-error';
import {
  InterviewFilters,
  type InterviewFilterValues,
} from '../../components/dashboard/interview-filters';
import { InterviewsTable } from '../../components/dashboard/interviews-table';
import { Pagination } from '../../components/dashboard/pagination';
import { useAsync } from '../../hooks/use-async';
import { interviewQueryString, recruiterApi } from '../../lib/recruiter-api';

const PAGE_SIZE = 20;

/** The recruiter's interview list; filters live in the address, so back and reload keep them. */
export function InterviewsPage() {
  const [params, setParams] = useSearchParams();
  const filters: InterviewFilterValues = {
    jobId: params.get('jobId') ?? '',
    status: params.get('status') ?? '',
    q: params.get('q') ?? '',
    sort: readSort(params.get('sort')),
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const queryKey = interviewQueryString(query);

  const jobs = useAsync(() => recruiterApi.listAllJobs(), 'jobs');
  const list = useAsync(() => recruiterApi.listInterviews(query), queryKey);

  const apply = (next: InterviewFilterValues, nextPage = 1): void => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next) as [string, string][]) {
      if (value !== '') search.set(key, value);
    }
    if (next.sort === 'newest') search.delete('sort');
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };
  const { sort, ...exportFilters } = filters;
  const exportHref = `/api/interviews/export.csv${interviewQueryString({ ...exportFilters, sort })}`;

  return (
    <section aria-labelledby="interviews-heading">
      <div className="page-heading">
        <h1 id="interviews-heading">Interviews</h1>
        <a className="button secondary" href={exportHref} download>
          Export CSV
        </a>
      </div>
      <InterviewFilters
        key={filters.q}
        jobs={jobs.status === 'ready' ? jobs.data : []}
        values={filters}
        onChange={(next) => apply(next)}
      />
      {list.status === 'loading' && <p role="status">Loading interviews…</p>}
      {list.status === 'error' && <DashboardLoadError error={list.error} />}
      {list.status === 'ready' && list.data.total === 0 && (
        <p className="empty">
          {Object.values(exportFilters).some((value) => value !== '')
            ? 'No interviews match these filters.'
            : 'No interviews yet. Share a job’s apply link; screened candidates appear here.'}
        </p>
      )}
      {list.status === 'ready' && list.data.total > 0 && (
        <>
          <InterviewsTable interviews={list.data.interviews} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(next) => apply(filters, next)}
          />
        </>
      )}
    </section>
  );
}

function readSort(value: string | null): InterviewSort {
  return INTERVIEW_SORTS.find((sort) => sort === value) ?? 'newest';
}
