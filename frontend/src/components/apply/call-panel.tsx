import {
  PENDING_INTERVIEW_STATUSES,
  type InterviewStatus,
  type StartPhoneScreenResponse,
} from '@screenline/core';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useInterviewEvents } from '../../hooks/use-interview-events';
import { canSpeak, useSpokenAgentTurns } from '../../hooks/use-speech';
import { candidateApi } from '../../lib/candidate-api';
import { STATUS_LABELS } from '../../lib/labels';
import { TranscriptLog } from '../common/transcript-log';
import { ModeBadge } from '../layout/mode-badge';
import { AnswerBox } from './answer-box';
import { CallOutcome, type RetryKind } from './call-outcome';
import { ThankYou } from './satisfaction-rating';

// LiveKit's client is only needed in web mode; it loads on demand.
const WebCallRoom = lazy(() => import('./web-call-room'));

/** What the candidate sees for each status while the call is under way. */
const LIVE_HINTS: Partial<Record<InterviewStatus, string>> = {
  dialing: 'Placing the call…',
  ringing: 'Your phone is ringing. Answer it to start the screen.',
  in_progress: 'The screen is under way.',
};

/** In the browser nothing is dialled or rings: the room opens and the assistant joins it. */
const WEB_LIVE_HINTS: Partial<Record<InterviewStatus, string>> = {
  dialing: 'Opening the screen and connecting your microphone…',
  ringing: 'Opening the screen and connecting your microphone…',
  in_progress: 'The screen is under way.',
};

const FINISHED: readonly InterviewStatus[] = ['completed', 'evaluated'];

/** The live call: status from the server's stream, the conversation, and what comes after. */
export function CallPanel({
  started,
  company,
  onRetry,
  onEndedWebCall,
}: {
  started: StartPhoneScreenResponse;
  company: string;
  onRetry: (kind: RetryKind) => void;
  /** The candidate ended their web screen: a reload should not go back into its room. */
  onEndedWebCall?: () => void;
}) {
  const { id, mode } = started.interview;
  const token = started.candidateToken;
  const live = useInterviewEvents(id, token, started.interview.status);
  const [isSoundOn, setIsSoundOn] = useState(false);
  useSpokenAgentTurns(live.turns, isSoundOn && mode === 'simulated');
  const deferredTo =
    started.callingHours?.isScheduled === true ? started.callingHours.nextCallAt : null;
  const scheduledFor = useScheduledFor(id, token, live.status, deferredTo);

  const { applyTurnAnswer } = live;
  const onSend = useCallback(
    async (text: string) => {
      const answer = await candidateApi.sendTurn(id, token, text);
      applyTurnAnswer(
        answer.agentTurn === null
          ? [answer.candidateTurn]
          : [answer.candidateTurn, answer.agentTurn],
        answer.interview,
      );
    },
    [id, token, applyTurnAnswer],
  );
  // Ended from the page: the room is left now; the assistant's end follows on the stream.
  const [hasEndedWebCall, setHasEndedWebCall] = useState(false);
  const onEndWebCall = useCallback(async () => {
    await candidateApi.endWebCall(id, token);
    setHasEndedWebCall(true);
    onEndedWebCall?.();
  }, [id, token, onEndedWebCall]);
  const isFinished = FINISHED.includes(live.status);
  // Past the conversation: nothing more can be said or heard in this call.
  const isOver =
    live.isEnded ||
    !(PENDING_INTERVIEW_STATUSES as readonly InterviewStatus[]).includes(live.status);
  // A candidate's words only count while the conversation runs.
  const canAnswer = live.status === 'in_progress' && !live.isEnded;

  return (
    <>
      <section className="card call-panel" aria-labelledby="call-heading">
        <div className="page-heading">
          <h2 id="call-heading">Your screening call</h2>
          <ModeBadge mode={mode} />
        </div>
        <p className="call-status" role="status">
          <span className={`status-badge status-${live.status}`}>
            Call status: {statusLabel(live.status)}
          </span>{' '}
          <span className="muted">
            {hasEndedWebCall
              ? isOver
                ? 'You ended the screen.'
                : 'You ended the screen. Saving what you said…'
              : ((mode === 'web' ? WEB_LIVE_HINTS : LIVE_HINTS)[live.status] ?? '')}
          </span>
        </p>
        {live.connection !== 'open' && !live.isEnded && (
          <p className="notice" role="status">
            {live.connection === 'reconnecting'
              ? 'Reconnecting to the live updates…'
              : 'Live updates stopped. Reload the page to see where the call is.'}
          </p>
        )}
        {mode === 'simulated' && (
          <p className="muted small">
            Simulated mode: no phone rings. This is the same screen the real call would hold; answer
            in the box below.
          </p>
        )}
        {mode === 'web' && started.webCall !== undefined && !live.isEnded && !hasEndedWebCall && (
          <Suspense fallback={<p role="status">Connecting the microphone…</p>}>
            <WebCallRoom
              url={started.webCall.url}
              token={started.webCall.token}
              onEnd={onEndWebCall}
            />
          </Suspense>
        )}
        {/* Only a simulated screen is read aloud: on a phone or web call the agent's own voice speaks. */}
        {mode === 'simulated' && canSpeak && !isOver && (
          <button
            type="button"
            className="secondary sound-toggle"
            aria-pressed={isSoundOn}
            onClick={() => setIsSoundOn((value) => !value)}
          >
            {isSoundOn
              ? 'Sound on: the assistant’s lines are read aloud'
              : 'Sound off: turn on to hear the assistant'}
          </button>
        )}
        {mode !== 'phone' && started.callingHours !== undefined && (
          <p className="muted">
            It is outside calling hours where you are: a phone call would wait until{' '}
            {started.callingHours.localTime} ({started.callingHours.timeZone}). This screen runs
            here now instead.
          </p>
        )}
        {started.candidateLink !== undefined && (
          <p className="muted small">
            Keep{' '}
            <a href={started.candidateLink.path} target="_blank" rel="noreferrer">
              your link to this call
            </a>{' '}
            to check, move or cancel it later.
          </p>
        )}
        <TranscriptLog
          lines={live.turns}
          speakerNames={{ agent: 'AI assistant', candidate: 'You' }}
          isLive
          emptyText={
            mode === 'phone'
              ? 'What is said on the call appears here.'
              : 'The assistant will speak first.'
          }
        />
        {mode === 'simulated' && !isOver && <AnswerBox isEnabled={canAnswer} onSend={onSend} />}
        <CallOutcome
          status={live.status}
          endReason={live.endReason}
          scheduledFor={scheduledFor}
          mode={mode}
          onRetry={onRetry}
        />
      </section>
      {isFinished && live.isEnded && (
        <ThankYou
          company={company}
          interviewId={id}
          token={token}
          hasWithdrawn={live.endReason === 'withdrew'}
        />
      )}
    </>
  );
}

/** The candidate reads "Completed" for both the end of the call and its evaluation. */
function statusLabel(status: InterviewStatus): string {
  return status === 'evaluated' ? STATUS_LABELS.completed : STATUS_LABELS[status];
}

/**
 * When a scheduled call will happen: the start's answer says so for a call deferred to calling
 * hours; for a callback or a retry, the interview itself knows, so ask each time it is scheduled.
 */
function useScheduledFor(
  id: string,
  token: string,
  status: InterviewStatus,
  deferredTo: string | null,
): string | null {
  const [scheduledFor, setScheduledFor] = useState<string | null>(deferredTo);
  useEffect(() => {
    if (status !== 'scheduled') return;
    let isCurrent = true;
    candidateApi.interviewState(id, token).then(
      (state) => {
        if (isCurrent) setScheduledFor(state.interview.scheduledFor);
      },
      () => {
        // The outcome text stands without the exact time.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [id, token, status]);
  return status === 'scheduled' ? scheduledFor : null;
}
