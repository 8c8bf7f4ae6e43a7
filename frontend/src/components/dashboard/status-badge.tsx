import type { InterviewStatus } from '@screenline/core';
import { STATUS_LABELS } from '../../lib/labels';

/** An interview status as a coloured label (the text carries the meaning, not the colour). */
export function StatusBadge({ status }: { status: InterviewStatus }) {
  return <span className={`status-badge status-${status}`}>{STATUS_LABELS[status]}</span>;
}
