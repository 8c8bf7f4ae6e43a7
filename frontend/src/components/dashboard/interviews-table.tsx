import type { InterviewSummary } from '@screenline/core';
import { Link } from 'react-router';
import { formatDateTime, SUGGESTION_LABELS } from '../../lib/labels';
import { StatusBadge } from './status-badge';

/** The interviews of one page; each candidate's name links to the interview. */
export function InterviewsTable({ interviews }: { interviews: InterviewSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Interviews</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Score</th>
            <th scope="col">Suggestion</th>
            <th scope="col">Decision</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((interview) => (
            <tr key={interview.id}>
              <th scope="row">
                <Link to={`/dashboard/interviews/${interview.id}`}>{interview.candidateName}</Link>
              </th>
              <td>{interview.jobTitle}</td>
              <td>
                <StatusBadge status={interview.status} />
              </td>
              <td>{interview.overallScore === null ? '—' : interview.overallScore.toFixed(1)}</td>
              <td>
                {interview.suggestion === null ? '—' : SUGGESTION_LABELS[interview.suggestion]}
              </td>
              <td>{decisionLabel(interview.decision)}</td>
              <td>{formatDateTime(interview.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function decisionLabel(decision: InterviewSummary['decision']): string {
  if (decision === 'advance') return 'Advanced';
  if (decision === 'reject') return 'Rejected';
  return 'Not decided';
}
