import { useCallback, useEffect, useRef, useState } from 'react';
import type { TranscriptTurn } from '@screenline/core';

/**
 * Speaks the assistant's lines with the browser's speech synthesis while `isOn`. Only lines that
 * arrive after sound was turned on are spoken, so turning it on never reads the whole history.
 */
export function useSpokenAgentTurns(turns: TranscriptTurn[], isOn: boolean): void {
  const spokenCount = useRef(turns.length);
  useEffect(() => {
    if (!isOn || !('speechSynthesis' in window)) {
      spokenCount.current = turns.length;
      return;
    }
    for (const turn of turns.slice(spokenCount.current)) {
      if (turn.speaker === 'agent')
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(turn.text));
    }
    spokenCount.current = turns.length;
  }, [turns, isOn]);
  useEffect(() => {
    if (!isOn && 'speechSynthesis' in window) window.speechSynthesis.cancel();
  }, [isOn]);
}

export const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;

interface RecognitionLike {
  lang: string;
  interimResults: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => RecognitionLike;

function findRecognition(): RecognitionConstructor | undefined {
  if (typeof window === 'undefined') return undefined;
  const candidates = window as unknown as {
    SpeechRecognition?: RecognitionConstructor;
    webkitSpeechRecognition?: RecognitionConstructor;
  };
  return candidates.SpeechRecognition ?? candidates.webkitSpeechRecognition;
}

/** Dictation where the browser has speech recognition; `listen` resolves with what was heard. */
export function useDictation(onHeard: (text: string) => void) {
  const Recognition = findRecognition();
  const [isListening, setIsListening] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const recognition = useRef<RecognitionLike | undefined>(undefined);

  const listen = useCallback(() => {
    if (Recognition === undefined) return;
    const instance = new Recognition();
    instance.lang = navigator.language;
    instance.interimResults = false;
    instance.onresult = (event) => {
      const text = event.results[0]?.[0]?.transcript ?? '';
      if (text.trim() !== '') onHeard(text.trim());
    };
    instance.onerror = (event) => {
      setError(
        event.error === 'not-allowed'
          ? 'The browser did not allow the microphone. Type your answer instead.'
          : 'Speech was not recognised. Try again or type your answer.',
      );
    };
    instance.onend = () => setIsListening(false);
    recognition.current = instance;
    setError(undefined);
    setIsListening(true);
    instance.start();
  }, [Recognition, onHeard]);

  useEffect(() => () => recognition.current?.stop(), []);
  return { isAvailable: Recognition !== undefined, isListening, error, listen };
}
