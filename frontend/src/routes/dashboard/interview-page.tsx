import type { InterviewReview } from '@screenline/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DashboardLoadError } from '../../components/common/load-error';
import { TranscriptLog } from '../../components/common/transcript-log';
import { DecisionPanel } from '../../components/dashboard/decision-panel';
import { InterviewTimeline } from '../../components/dashboard/interview-timeline';
import { KnockoutResults } from '../../components/dashboard/knockout-results';
import { NotesPanel } from '../../components/dashboard/notes-panel';
import { RecordingPlayer } from '../../components/dashboard/recording-player';
import { ScorecardView } from '../../components/dashboard/scorecard-view';
import { StatusBadge } from '../../components/dashboard/status-badge';
import { useAsync } from '../../hooks/use-async';
import { formatDateTime } from '../../lib/labels';
import { recruiterApi, type ErasedCounts } from '../../lib/recruiter-api';
import { useRecruiterSession } from '../../hooks/use-recruiter-session';
import { EraseCandidatePanel } from '../../components/dashboard/erase-candidate-panel';

/** One interview for review: scorecard, knock-outs, transcript, timeline, decision and notes. */
export function InterviewPage() {
  const { interviewId = '' } = useParams();
  const loaded = useAsync(() => recruiterApi.review(interviewId), interviewId);
  // Decisions and notes answer with the updated review; it replaces the loaded one.
  const [updated, setUpdated] = useState<InterviewReview | undefined>();
  const [erased, setErased] = useState<ErasedCounts | undefined>();
  const { recruiter } = useRecruiterSession();

  if (erased !== undefined) {
    return (
      <article aria-labelledby="erased-heading" className="interview">
        <h1 id="erased-heading">Candidate data erased</h1>
        <p role="status">
          Deleted {plural(erased.interviews, 'interview')}, {plural(erased.resumes, 'resume')} and{' '}
          {plural(erased.recordings, 'recording')}. The audit log keeps only that it happened.
        </p>
        <p>
          <Link to="/dashboard">← All interviews</Link>
        </p>
      </article>
    );
  }
  if (loaded.status === 'loading') return <p role="status">Loading the interview…</p>;
  if (loaded.status === 'error') return <DashboardLoadError error={loaded.error} />;
  const review = updated?.interview.id === interviewId ? updated : loaded.data;
  const { interview, candidate, job } = review;

  return (
    <article aria-labelledby="interview-heading" className="interview">
      <p>
        <Link to="/dashboard">← All interviews</Link>
      </p>
      <header className="page-heading">
        <div>
          <h1 id="interview-heading">{candidate.name}</h1>
          <p className="muted">
            {job.title} · {formatDateTime(interview.createdAt)} ·{' '}
            {/* A web call calls no number: the candidate joined from the browser. */}
            {interview.phone ?? 'Web call'}
            {candidate.email !== null && ` · ${candidate.email}`}
          </p>
        </div>
        <div className="page-actions">
          {/* A download, never shown inline: the file is the candidate's upload, untrusted. */}
          <a
            className="button secondary"
            href={`/api/interviews/${encodeURIComponent(interview.id)}/resume`}
            download
          >
            Download resume
          </a>
          <StatusBadge status={interview.status} />
        </div>
      </header>

      <div className="interview-grid">
        <div className="interview-main">
          <section className="card" aria-labelledby="scorecard-heading">
            <h2 id="scorecard-heading">Scorecard</h2>
            {review.scorecard === null ? (
              <p className="empty">
                No scorecard yet: it appears when the screen is complete and evaluated.
              </p>
            ) : (
              <ScorecardView scorecard={review.scorecard} rubric={job.rubric} />
            )}
          </section>
          <section className="card" aria-labelledby="knockouts-heading">
            <h2 id="knockouts-heading">Knock-out answers</h2>
            <KnockoutResults review={review} />
          </section>
          <section className="card" aria-labelledby="transcript-heading">
            <h2 id="transcript-heading">Conversation</h2>
            {interview.recordingUrl !== null && <RecordingPlayer src={interview.recordingUrl} />}
            <TranscriptLog
              lines={review.transcript.map((turn) => ({
                id: turn.id,
                speaker: turn.speaker,
                text: turn.text,
                at: turn.startedAt,
                metrics: turn.metrics,
              }))}
              // Ended as the wrong person, or a callback asked by someone else who answered: whoever
              // spoke was never confirmed as the candidate, so their words are not put in the
              // candidate's mouth.
              speakerNames={{
                agent: 'AI assistant',
                candidate: isAnsweredBySomeoneElse(review) ? 'Person who answered' : candidate.name,
              }}
              emptyText="Nothing was said in this interview."
            />
          </section>
        </div>
        <aside className="interview-side">
          <section className="card" aria-labelledby="decision-heading">
            <h2 id="decision-heading">Decision</h2>
            <DecisionPanel review={review} onChange={setUpdated} />
          </section>
          <section className="card" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes</h2>
            <NotesPanel review={review} onChange={setUpdated} />
          </section>
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <InterviewTimeline events={review.timeline} />
          </section>
          {recruiter.role === 'admin' && (
            <section className="card" aria-labelledby="privacy-heading">
              <h2 id="privacy-heading">Privacy</h2>
              <EraseCandidatePanel
                candidateId={candidate.id}
                candidateName={candidate.name}
                onErased={setErased}
              />
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** The call ended before anyone confirmed being the candidate: the wrong person, or a relative. */
function isAnsweredBySomeoneElse(review: InterviewReview): boolean {
  return (
    review.interview.endReason === 'wrong_person' ||
    review.timeline.some((event) => event.data.askedBy === 'someone_else')
  );
}
