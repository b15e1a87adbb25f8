import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export interface ApiState<T> { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void }

/**
 * Runs `load` whenever `key` changes and keeps the latest answer. Answers are cached by key for
 * the session, so going back to a page shows it at once (and refreshes behind it).
 */
const cache = new Map<string, unknown>();

export function useApi<T>(key: string | null, load: () => Promise<T>, opts: { cache?: boolean } = {}): ApiState<T> {
  const useCache = opts.cache ?? true;
  const cached = key !== null && useCache ? (cache.get(key) as T | undefined) : undefined;
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: ApiError | undefined; loading: boolean }>(
    { key, data: cached, error: undefined, loading: key !== null && cached === undefined },
  );
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) { setState({ key, data: undefined, error: undefined, loading: false }); return; }
    let live = true;
    const hit = useCache ? (cache.get(key) as T | undefined) : undefined;
    setState({ key, data: hit, error: undefined, loading: hit === undefined });
    loadRef.current().then(
      (data) => { if (useCache) cache.set(key, data); if (live) setState({ key, data, error: undefined, loading: false }); },
      (e: unknown) => {
        const err = e instanceof ApiError ? e : new ApiError('NETWORK', String(e), String(e), 0);
        if (live) setState({ key, data: undefined, error: err, loading: false });
      },
    );
    return () => { live = false; };
  }, [key, nonce, useCache]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  // While a new key loads, never show the previous key's data under the new filters.
  const current = state.key === key ? state : { data: cached, error: undefined, loading: cached === undefined };
  return { data: current.data, error: current.error, loading: current.loading, reload };
}

export function clearApiCache(): void {
  cache.clear();
}
