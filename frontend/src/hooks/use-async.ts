import { useEffect, useState } from 'react';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ready'; data: T };

type Settled<T> = { status: 'error'; error: Error } | { status: 'ready'; data: T };

/**
 * Runs a loader when `key` changes and exposes loading, error and data states. A result is kept
 * with the key it was loaded for, so a new key reads as loading until its own result arrives.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [settled, setSettled] = useState<{ key: string; result: Settled<T> } | undefined>();
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (data) => {
        if (isCurrent) setSettled({ key, result: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (isCurrent) {
          const asError = error instanceof Error ? error : new Error(String(error));
          setSettled({ key, result: { status: 'error', error: asError } });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
    // `load` is a fresh closure each render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return settled?.key === key ? settled.result : { status: 'loading' };
}
