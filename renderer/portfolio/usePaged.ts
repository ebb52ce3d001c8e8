import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../shared/ipc/errors';
import { handleFailure } from '../app/failures';

export interface Paged<T> {
  state: 'loading' | 'loaded' | 'failed';
  /** Why loading failed; null when the app showed it elsewhere (banner, sign-in). */
  error: IpcError | null;
  rows: T[];
  total: number;
  /** Loads the next page onto the end. */
  more(): void;
}

/**
 * A list read page by page (newest first, say): the first page when `key`
 * changes, more on request. Answers to an outdated request are dropped.
 */
export function usePaged<T>(fetch: (offset: number, limit: number) => Promise<{ total: number; rows: T[] }>, key: string, pageSize = 50): Paged<T> {
  const [state, setState] = useState<Omit<Paged<T>, 'more'>>({ state: 'loading', error: null, rows: [], total: 0 });
  const request = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(
    (offset: number, before: T[]) => {
      const mine = ++request.current;
      if (offset === 0) setState((s) => ({ ...s, state: 'loading', error: null }));
      fetchRef.current(offset, pageSize).then(
        (page) => mine === request.current && setState({ state: 'loaded', error: null, rows: [...before, ...page.rows], total: page.total }),
        (thrown) => {
          const error = handleFailure(thrown);
          if (mine === request.current) setState((s) => ({ ...s, state: 'failed', error }));
        },
      );
    },
    [pageSize],
  );

  useEffect(() => load(0, []), [key, load]);

  return { ...state, more: () => load(state.rows.length, state.rows) };
}
