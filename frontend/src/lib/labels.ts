import type { InterviewStatus, Scorecard } from '@screenline/core';

/** How each interview status reads to a person. */
export const STATUS_LABELS: Record<InterviewStatus, string> = {
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  ringing: 'Ringing',
  in_progress: 'In progress',
  completed: 'Completed',
  evaluated: 'Evaluated',
  no_answer: 'No answer',
  busy: 'Busy',
  declined: 'Declined',
  invalid_number: 'Invalid number',
  voicemail: 'Voicemail',
  failed: 'Failed',
  canceled: 'Canceled',
  opted_out: 'Opted out',
};

export const SUGGESTION_LABELS: Record<Scorecard['suggestion'], string> = {
  advance: 'Advance',
  review: 'Review',
  decline_suggested: 'Decline suggested',
};

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatTime(iso: string): string {
  return time.format(new Date(iso));
}
