import { useCallback, useState, type SubmitEvent } from 'react';
import { useDictation } from '../../hooks/use-speech';
import { errorMessage } from '../../lib/api';

/** The candidate's reply in a simulated call: a one-line field that Enter sends, or dictation. */
export function AnswerBox({
  isEnabled,
  onSend,
}: {
  isEnabled: boolean;
  onSend: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const send = useCallback(
    (answer: string) => {
      setIsSending(true);
      setError(undefined);
      onSend(answer).then(
        () => {
          setIsSending(false);
          setText('');
        },
        (failure: unknown) => {
          setIsSending(false);
          setError(errorMessage(failure));
        },
      );
    },
    [onSend],
  );
  const dictation = useDictation(send);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (text.trim() !== '') send(text.trim());
  };

  return (
    <form className="answer-box" onSubmit={onSubmit}>
      <label className="field grow">
        <span>Your answer</span>
        <input
          type="text"
          value={text}
          maxLength={4000}
          autoComplete="off"
          disabled={!isEnabled}
          onChange={(event) => setText(event.target.value)}
          placeholder={isEnabled ? 'Type and press Enter' : 'Wait for the call to connect'}
        />
      </label>
      <button type="submit" disabled={!isEnabled || isSending || text.trim() === ''}>
        {isSending ? 'Sending…' : 'Send'}
      </button>
      {dictation.isAvailable && (
        <button
          type="button"
          className="secondary"
          disabled={!isEnabled || isSending || dictation.isListening}
          onClick={dictation.listen}
        >
          {dictation.isListening ? 'Listening…' : 'Speak'}
        </button>
      )}
      {(error ?? dictation.error) !== undefined && (
        <p role="alert" className="error answer-error">
          {error ?? dictation.error}
        </p>
      )}
    </form>
  );
}
