import { useEffect, useRef } from 'react';
import { formatTime } from '../../lib/labels';

export interface TranscriptLine {
  id: string;
  speaker: 'agent' | 'candidate';
  text: string;
  at?: string | undefined;
  /** Measured latencies in milliseconds, shown to the recruiter when present. */
  metrics?: Record<string, number> | null | undefined;
}

/**
 * The conversation as a region named "Transcript" (the same name on the candidate's call panel
 * and the recruiter's interview page). Each turn has an anchor that scorecard evidence links to.
 */
export function TranscriptLog({
  lines,
  speakerNames,
  isLive = false,
  emptyText,
}: {
  lines: TranscriptLine[];
  speakerNames: { agent: string; candidate: string };
  isLive?: boolean;
  emptyText: string;
}) {
  const container = useRef<HTMLElement>(null);
  // A live conversation keeps its newest line in view, as a chat does.
  useEffect(() => {
    const element = container.current;
    if (isLive && element !== null) element.scrollTop = element.scrollHeight;
  }, [isLive, lines.length]);
  return (
    <section
      ref={container}
      className="transcript"
      // A region named "Transcript" on both pages (a pinned name); a live one announces new lines.
      role="region"
      aria-label="Transcript"
      aria-live={isLive ? 'polite' : undefined}
      aria-relevant={isLive ? 'additions' : undefined}
    >
      {lines.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <ol>
          {lines.map((line) => (
            <li
              key={line.id}
              id={`turn-${line.id}`}
              className={`turn turn-${line.speaker}`}
              tabIndex={-1}
            >
              <span className="turn-meta">
                <strong>{speakerNames[line.speaker]}</strong>
                {line.at !== undefined && <time dateTime={line.at}> {formatTime(line.at)}</time>}
              </span>
              <span className="turn-text">{line.text}</span>
              {line.metrics != null && Object.keys(line.metrics).length > 0 && (
                <span className="turn-metrics">
                  {Object.entries(line.metrics)
                    .map(([name, value]) => `${humanize(name)}: ${Math.round(value)} ms`)
                    .join(' · ')}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** `responseLatencyMs` → "response latency". */
function humanize(name: string): string {
  return name
    .replace(/Ms$/, '')
    .replaceAll(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();
}
