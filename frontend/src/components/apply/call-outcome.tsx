import type { InterviewStatus, Mode } from '@screenline/core';

export type RetryKind = 'try-again' | 'fix-number';

interface OutcomeText {
  title: string;
  next: string;
  retry?: { kind: RetryKind; label: string };
}

/** What an end state means for the candidate and what they can do next. */
export function describeOutcome(
  status: InterviewStatus,
  endReason: string | null,
  mode: Mode,
): OutcomeText | undefined {
  switch (status) {
    case 'busy':
      return {
        title: 'The line was busy.',
        next: 'Finish your other call, then try again.',
        retry: { kind: 'try-again', label: 'Try again' },
      };
    case 'no_answer':
      return {
        title: 'Nobody answered.',
        next: 'Keep your phone at hand and try again when you are ready.',
        retry: { kind: 'try-again', label: 'Try again' },
      };
    case 'voicemail':
      return {
        title: 'The call reached voicemail.',
        next: 'We left a short message saying we will try again. You can also try again when you can pick up.',
        retry: { kind: 'try-again', label: 'Try again' },
      };
    case 'declined':
      return {
        title: 'The call was declined.',
        next: 'If that was a mistake, you can ask for the call again.',
        retry: { kind: 'try-again', label: 'Call me again' },
      };
    case 'invalid_number':
      return {
        title: 'This number could not be reached.',
        next: 'Check the number and the country, then try again.',
        retry: { kind: 'fix-number', label: 'Fix the number' },
      };
    case 'failed':
      return {
        title: 'The call failed on our side.',
        next: 'Nothing was charged or recorded. Please try again in a moment.',
        retry: { kind: 'try-again', label: 'Try again' },
      };
    case 'canceled':
      // Nothing to try again: the start refuses a closed job.
      if (endReason === 'job_closed') {
        return {
          title: 'This position has closed.',
          next: 'The screen was canceled because the job is no longer open. Thank you for your interest.',
        };
      }
      return {
        title: 'The call was canceled.',
        next: 'You can ask for a new call.',
        retry: { kind: 'try-again', label: 'Try again' },
      };
    case 'opted_out':
      return {
        title: 'You asked us not to call again.',
        next: 'We will not call this number again. The recruiting team can still reach you by email.',
      };
    case 'scheduled':
      // Nobody rings a browser: a web screen put off waits on the candidate's link.
      if (mode === 'web') {
        return {
          title: 'Your screen is waiting for you.',
          next: 'Take it from your link to this screen when you are ready: at the time you chose, or sooner.',
        };
      }
      return endReason === 'callback_requested'
        ? { title: 'We will call you back.', next: 'We will call at the time you asked for.' }
        : {
            title: 'Your call is scheduled.',
            next: 'We call within calling hours in your time zone.',
          };
    case 'completed':
    case 'evaluated':
    case 'dialing':
    case 'ringing':
    case 'in_progress':
      return undefined;
  }
}

/** An end state with what to do next, and the button that does it. */
export function CallOutcome({
  status,
  endReason,
  scheduledFor,
  mode,
  onRetry,
}: {
  status: InterviewStatus;
  endReason: string | null;
  scheduledFor: string | null;
  mode: Mode;
  onRetry: (kind: RetryKind) => void;
}) {
  const outcome = describeOutcome(status, endReason, mode);
  if (outcome === undefined) return null;
  return (
    <div className="outcome" role="alert">
      <h3>{outcome.title}</h3>
      <p>
        {outcome.next}
        {scheduledFor !== null &&
          ` Planned for ${new Date(scheduledFor).toLocaleString(undefined, {
            dateStyle: 'full',
            timeStyle: 'short',
          })} (your time).`}
      </p>
      {outcome.retry !== undefined && (
        <button type="button" onClick={() => onRetry(outcome.retry?.kind ?? 'try-again')}>
          {outcome.retry.label}
        </button>
      )}
    </div>
  );
}
