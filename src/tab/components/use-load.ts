/** Loading data for a page: the answer, the error and a reload, with a prefetched answer taken as it is. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  setData(data: T): void;
}

/**
 * Loads data for a page; reloads when `key` changes and ignores answers that arrive after a newer request.
 * With `initial` (an answer already in hand for this key) the page renders with it at once and does not ask again.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, initial?: T): Loaded<T> {
  const [data, setData] = useState<T | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(initial === undefined);
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const initialKey = useRef(initial === undefined ? undefined : key);

  useEffect(() => {
    // The answer in hand is for this key: nothing to ask the first time (a later key or a reload asks as usual).
    const inHand = initialKey.current === key;
    initialKey.current = undefined;
    if (inHand) return;
    let current = true;
    setLoading(true);
    setError(undefined);
    loadRef.current().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
