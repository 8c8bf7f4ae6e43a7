import {
  ZInterviewStatus,
  PENDING_INTERVIEW_STATUSES,
  ZTranscriptTurn,
  type InterviewStatus,
  type TranscriptTurn,
} from '@screenline/core';
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';

const ZStatusEvent = z.object({
  status: ZInterviewStatus,
  endReason: z.string().nullable().optional(),
});
const ZEndEvent = z.object({
  status: ZInterviewStatus.nullable(),
  endReason: z.string().nullable().optional(),
});

export interface InterviewLiveState {
  status: InterviewStatus;
  endReason: string | null;
  turns: TranscriptTurn[];
  /** The server said nothing more will happen. */
  isEnded: boolean;
  connection: 'open' | 'reconnecting' | 'lost';
}

/**
 * Follows `GET /api/interviews/:id/events` (SSE). The status shown is the last one the server
 * sent, never one ahead of it. Turns are kept once each, whether they came from the stream (which
 * replays from the start after a reconnect) or from the answer to the candidate's own turn.
 */
export function useInterviewEvents(
  interviewId: string,
  token: string,
  initialStatus: InterviewStatus,
): InterviewLiveState & {
  addTurns: (turns: TranscriptTurn[]) => void;
  applyTurnAnswer: (
    turns: TranscriptTurn[],
    interview: { status: InterviewStatus; endReason: string | null },
  ) => void;
} {
  const [state, setState] = useState<InterviewLiveState>({
    status: initialStatus,
    endReason: null,
    turns: [],
    isEnded: false,
    connection: 'open',
  });

  const addTurns = useCallback((turns: TranscriptTurn[]) => {
    setState((previous) => ({ ...previous, turns: mergeTurns(previous.turns, turns) }));
  }, []);

  /**
   * The answer to the candidate's own turn carries the status the server has just stored (the
   * assistant's goodbye ends the call), so the field closes without waiting for the stream.
   */
  const applyTurnAnswer = useCallback(
    (turns: TranscriptTurn[], interview: { status: InterviewStatus; endReason: string | null }) => {
      setState((previous) => ({
        ...previous,
        turns: mergeTurns(previous.turns, turns),
        ...(!previous.isEnded &&
          isLaterStage(interview.status, previous.status) && {
            status: interview.status,
            endReason: interview.endReason,
          }),
      }));
    },
    [],
  );

  useEffect(() => {
    const source = new EventSource(
      `/api/interviews/${encodeURIComponent(interviewId)}/events?token=${encodeURIComponent(token)}`,
    );
    const parse = <T>(schema: z.ZodType<T>, event: MessageEvent<string>): T | undefined => {
      try {
        const result = schema.safeParse(JSON.parse(event.data));
        return result.success ? result.data : undefined;
      } catch {
        // A malformed event is skipped; the next status or the replay after a reconnect corrects the view.
        return undefined;
      }
    };
    source.addEventListener('open', () => {
      setState((previous) => ({ ...previous, connection: 'open' }));
    });
    source.addEventListener('status', (event: MessageEvent<string>) => {
      const data = parse(ZStatusEvent, event);
      if (data === undefined) return;
      setState((previous) => ({
        ...previous,
        status: data.status,
        endReason: data.endReason ?? null,
      }));
    });
    source.addEventListener('turn', (event: MessageEvent<string>) => {
      const turn = parse(ZTranscriptTurn, event);
      if (turn !== undefined) addTurns([turn]);
    });
    source.addEventListener('end', (event: MessageEvent<string>) => {
      const data = parse(ZEndEvent, event);
      // Closing here stops EventSource from reconnecting to a stream that is over.
      source.close();
      setState((previous) => ({
        ...previous,
        status: data?.status ?? previous.status,
        endReason: data?.endReason ?? previous.endReason,
        isEnded: true,
        connection: 'open',
      }));
    });
    source.addEventListener('error', () => {
      setState((previous) =>
        previous.isEnded
          ? previous
          : {
              ...previous,
              connection: source.readyState === EventSource.CLOSED ? 'lost' : 'reconnecting',
            },
      );
    });
    return () => source.close();
  }, [interviewId, token, addTurns]);

  return { ...state, addTurns, applyTurnAnswer };
}

function mergeTurns(current: TranscriptTurn[], incoming: TranscriptTurn[]): TranscriptTurn[] {
  const known = new Set(current.map((turn) => turn.id));
  const added = incoming.filter((turn) => !known.has(turn.id));
  return added.length === 0 ? current : [...current, ...added];
}

const LIVE_ORDER: readonly InterviewStatus[] = PENDING_INTERVIEW_STATUSES;

/** The stream may already be ahead of a turn's answer; an answer never moves the status back. */
function isLaterStage(next: InterviewStatus, current: InterviewStatus): boolean {
  const rank = (status: InterviewStatus): number => {
    const index = LIVE_ORDER.indexOf(status);
    return index === -1 ? LIVE_ORDER.length : index;
  };
  return next !== current && rank(next) >= rank(current);
}
