import { useEffect, useRef, useState } from 'react';
import { recruiterApi, type ErasedCounts } from '../../lib/recruiter-api';
import { errorMessage } from '../../lib/api';

/**
 * LAW-6 on request, for administrators: erase everything about one candidate. Destructive and
 * final, so it asks once more and says exactly what goes.
 */
export function EraseCandidatePanel({
  candidateId,
  candidateName,
  onErased,
}: {
  candidateId: string;
  candidateName: string;
  onErased: (counts: ErasedCounts) => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isErasing, setIsErasing] = useState(false);
  const [error, setError] = useState<string | undefined>();
  // Keyboard users land on the safe choice when asked, and back on the button when they decline.
  const keepButton = useRef<HTMLButtonElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (isConfirming) keepButton.current?.focus();
    else if (wasConfirming.current) openButton.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);
  const erase = (): void => {
    setIsErasing(true);
    setError(undefined);
    recruiterApi.eraseCandidate(candidateId).then(onErased, (failure: unknown) => {
      setIsErasing(false);
      setError(errorMessage(failure));
    });
  };
  return (
    <div className="erase-candidate">
      {isConfirming ? (
        <>
          <p id="erase-warning">
            This permanently deletes every interview, transcript, scorecard, note, resume and
            recording of {candidateName}. An audit entry without personal data records that it
            happened. It cannot be undone.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="danger"
              onClick={erase}
              disabled={isErasing}
              aria-describedby="erase-warning"
            >
              {isErasing ? 'Erasing…' : 'Erase permanently'}
            </button>
            <button
              ref={keepButton}
              type="button"
              className="secondary"
              onClick={() => {
                setIsConfirming(false);
              }}
              disabled={isErasing}
            >
              Keep the data
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="muted">On the candidate's request, or when you no longer need it.</p>
          <button
            ref={openButton}
            type="button"
            className="secondary"
            onClick={() => {
              setIsConfirming(true);
            }}
          >
            Erase candidate's data…
          </button>
        </>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
