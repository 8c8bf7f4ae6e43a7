import type { Mode } from '@screenline/core';

const LABELS: Record<Mode, { label: string; hint: string }> = {
  simulated: {
    label: 'Simulated',
    hint: 'No telephony is configured: calls are simulated in the browser.',
  },
  web: {
    label: 'Web call',
    hint: 'LiveKit is configured without a phone trunk: calls run in the browser.',
  },
  phone: { label: 'Phone', hint: 'Real phone calls through LiveKit SIP.' },
};

/** Shows which of the three modes is active, so nobody mistakes a rehearsal for a real call. */
export function ModeBadge({ mode }: { mode: Mode }) {
  const { label, hint } = LABELS[mode];
  return (
    <span className={`mode-badge mode-${mode}`} title={hint}>
      <span className="visually-hidden">Mode: </span>
      {label}
    </span>
  );
}
