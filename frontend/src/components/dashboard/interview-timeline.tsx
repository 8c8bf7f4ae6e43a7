import { ZInterviewStatus, type TimelineEvent } from '@screenline/core';
import { formatTime, STATUS_LABELS } from '../../lib/labels';

/** The interview's audit trail, oldest first. */
export function InterviewTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="empty">No events recorded yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.at}>{formatTime(event.at)}</time> <span>{describe(event)}</span>
        </li>
      ))}
    </ol>
  );
}

function describe(event: TimelineEvent): string {
  if (event.type === 'decision') {
    const decision = event.data.decision === 'advance' ? 'advance' : 'reject';
    return `Recruiter decided: ${decision}`;
  }
  if (event.type === 'candidate_feedback' && typeof event.data.rating === 'number') {
    return `Candidate rated the call ${event.data.rating} of 5`;
  }
  const status = ZInterviewStatus.safeParse(event.status);
  const askedBy = event.data.askedBy === 'someone_else' ? ' by the person who answered' : '';
  const reason =
    typeof event.data.endReason === 'string'
      ? ` (${event.data.endReason.replaceAll('_', ' ')}${askedBy})`
      : '';
  if (status.success) return `${STATUS_LABELS[status.data]}${reason}${dialDetail(event.data)}`;
  return event.type.replaceAll('_', ' ');
}

/** What the phone or LiveKit answered to a dial that did not connect: the recruiter's "why". */
function dialDetail(data: TimelineEvent['data']): string {
  if (typeof data.sipStatusCode === 'number') {
    const phrase = typeof data.sipStatus === 'string' ? ` ${data.sipStatus}` : '';
    return ` · SIP ${data.sipStatusCode}${phrase}`.trimEnd();
  }
  if (data.detail === 'sip_ringing_timeout') return ' · no answer before the ringing timeout';
  if (typeof data.detail === 'string' && data.detail.startsWith('livekit_')) {
    const words = typeof data.liveKitMessage === 'string' ? `: ${data.liveKitMessage}` : '';
    return ` · LiveKit answered ${data.detail.slice('livekit_'.length).replaceAll('_', ' ')}${words}`;
  }
  return '';
}
