import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAsync } from '../../hooks/use-async';
import { fetchJobFunnel, type JobFunnel } from '../../lib/funnel-api';
import { SelectField } from '../common/select-field';

const STAGE_LABELS: Record<string, string> = {
  applied: 'Applied',
  called: 'Called',
  answered: 'Answered',
  completed: 'Completed',
  knockouts_passed: 'Knock-outs passed',
  advanced: 'Advanced',
};
const OUTCOME_LABELS: Record<string, string> = {
  completed: 'Completed',
  busy: 'Busy',
  no_answer: 'No answer',
  voicemail: 'Voicemail',
  declined: 'Declined',
  invalid_number: 'Invalid number',
  failed: 'Failed',
  canceled: 'Canceled',
  opted_out: 'Opted out',
};
const PERIODS = [7, 30, 90, 365] as const;

/** A job's funnel and its call outcomes, drawn, with the figures also in a table for everyone. */
export function JobFunnelChart({ jobId }: { jobId: string }) {
  const [days, setDays] = useState<number>(30);
  const funnel = useAsync(() => fetchJobFunnel(jobId, days), `${jobId}:${String(days)}`);
  return (
    <section className="card" aria-labelledby="funnel-heading">
      <div className="page-heading">
        <h2 id="funnel-heading">Funnel</h2>
        <SelectField
          label="Period"
          className="compact"
          value={String(days)}
          onChange={(event) => setDays(Number(event.target.value))}
        >
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              Last {period} days
            </option>
          ))}
        </SelectField>
      </div>
      {funnel.status === 'loading' && <p role="status">Loading the funnel…</p>}
      {funnel.status === 'error' && (
        <p role="alert" className="error">
          {funnel.error.message}
        </p>
      )}
      {funnel.status === 'ready' && <FunnelFigures funnel={funnel.data} />}
    </section>
  );
}

function FunnelFigures({ funnel }: { funnel: JobFunnel }) {
  const stages = funnel.stages.map((s) => ({
    name: STAGE_LABELS[s.stage] ?? s.stage,
    count: s.count,
  }));
  const outcomes = funnel.outcomes
    .filter((o) => o.count > 0)
    .map((o) => ({ name: OUTCOME_LABELS[o.outcome] ?? o.outcome, count: o.count }));
  if (stages[0]?.count === 0) return <p className="empty">No applications in this period.</p>;
  return (
    <>
      <div className="chart" role="img" aria-label="Funnel chart">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={stages} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={120} />
            <Tooltip />
            <Bar dataKey="count" name="Applications" fill="#2563eb" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <h3>How calls ended</h3>
      <div className="chart" role="img" aria-label="Call outcomes chart">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={outcomes}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="count" name="Calls" fill="#059669" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="data-table" aria-label="Funnel figures">
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.name}>
              <th scope="row">{stage.name}</th>
              <td>{stage.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// React.lazy loads a default export: Recharts is fetched only when a job page opens.
export default JobFunnelChart;
