import type { InterviewReview } from '@screenline/core';
import { useState, type SubmitEvent } from 'react';
import { formatDateTime } from '../../lib/labels';
import { recruiterApi } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/** The recruiters' notes on this interview, and a form to add one. */
export function NotesPanel({
  review,
  onChange,
}: {
  review: InterviewReview;
  onChange: (review: InterviewReview) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    recruiterApi.addNote(review.interview.id, text).then(
      (next) => {
        setIsSaving(false);
        setText('');
        onChange(next);
      },
      (failure: unknown) => {
        setIsSaving(false);
        setError(errorMessage(failure));
      },
    );
  };
  return (
    <div>
      {review.notes.length === 0 ? (
        <p className="empty">No notes yet.</p>
      ) : (
        <ul className="notes">
          {review.notes.map((note) => (
            <li key={note.id}>
              <p>{note.text}</p>
              <p className="muted small">
                {note.authorName ?? 'A former user'} · {formatDateTime(note.at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} className="form">
        <label className="field">
          <span>Add a note</span>
          <textarea
            rows={3}
            value={text}
            onChange={(event) => setText(event.target.value)}
            required
            maxLength={4000}
          />
        </label>
        {error !== undefined && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="secondary" disabled={isSaving || text.trim() === ''}>
          {isSaving ? 'Saving…' : 'Save note'}
        </button>
      </form>
    </div>
  );
}
