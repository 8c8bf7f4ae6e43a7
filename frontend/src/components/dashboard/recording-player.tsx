import { useState } from 'react';

/**
 * The call's audio. The source answers with a redirect to a short-lived signed link, so a page
 * left open past it fails to load: say so and how to get a fresh one.
 */
export function RecordingPlayer({ src }: { src: string }) {
  const [hasFailed, setHasFailed] = useState(false);
  if (hasFailed) {
    return (
      <p role="alert" className="error">
        The recording could not be loaded. Reload the page for a fresh link; if it still fails, the
        recording may have been deleted.
      </p>
    );
  }
  return (
    <audio
      className="recording-player"
      controls
      preload="metadata"
      src={src}
      aria-label="Call recording"
      onError={() => {
        setHasFailed(true);
      }}
    />
  );
}
