import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export interface ApiState<T> { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void }

/**
 * Answers cached by key for the session, so going back to a page shows it at once (and
 * refreshes behind it).
 */
const cache = new Map<string, unknown>();
/** When each cached answer arrived: one younger than FRESH_MS is shown without a refresh. */
const arrived = new Map<string, number>();
/**
 * A prefetched answer is usually seconds old when its page mounts; asking again at once would
 * double every request of the first screen for nothing (the store changes only through imports,
 * which clear the cache).
 */
const FRESH_MS = 5_000;
/**
 * Requests under way, by key: the layout, the filters and the page all ask for the catalog and
 * the filter options while they mount, and a page may be fetched ahead (`prefetch`) before it
 * renders. Every asker of a key joins the one request rather than sending its own.
 */
const inflight = new Map<string, Promise<unknown>>();
/** Bumped by clearApiCache so an answer started before it (e.g. before a login) is not kept. */
let generation = 0;

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  const running = inflight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const gen = generation;
  const p = load().then(
    (data) => {
      if (gen === generation) { cache.set(key, data); arrived.set(key, Date.now()); inflight.delete(key); }
      return data;
    },
    (e: unknown) => { if (gen === generation) inflight.delete(key); throw e; },
  );
  inflight.set(key, p);
  return p;
}

/** Starts loading `key` now so that a component asking for it later finds it under way or done. */
export function prefetch<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (cache.has(key)) return Promise.resolve(cache.get(key) as T);
  const p = shared(key, load);
  p.catch(() => undefined); // the component that asks for it shows the error
  return p;
}

/** Runs `load` whenever `key` changes and keeps the latest answer. */
export function useApi<T>(key: string | null, load: () => Promise<T>, opts: { cache?: boolean } = {}): ApiState<T> {
  const useCache = opts.cache ?? true;
  const cached = key !== null && useCache ? (cache.get(key) as T | undefined) : undefined;
  const [state, setState] = useState<{ key: string | null; data: T | undefined; error: ApiError | undefined; loading: boolean }>(
    { key, data: cached, error: undefined, loading: key !== null && cached === undefined },
  );
  const [nonce, setNonce] = useState(0);
  const seenNonce = useRef(nonce);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) { setState({ key, data: undefined, error: undefined, loading: false }); return; }
    let live = true;
    const hit = useCache ? (cache.get(key) as T | undefined) : undefined;
    // Unchanged state keeps its object: a component that mounted with its answer already
    // cached (prefetched) is not rendered a second time for nothing.
    setState((s) => (s.key === key && s.data === hit && s.error === undefined && s.loading === (hit === undefined)
      ? s : { key, data: hit, error: undefined, loading: hit === undefined }));
    const reloading = nonce !== seenNonce.current;
    seenNonce.current = nonce;
    if (hit !== undefined && !reloading && Date.now() - (arrived.get(key) ?? 0) < FRESH_MS) return;
    (useCache ? shared(key, () => loadRef.current()) : loadRef.current()).then(
      (data) => { if (live) setState({ key, data, error: undefined, loading: false }); },
      (e: unknown) => {
        const err = e instanceof ApiError ? e : new ApiError('NETWORK', String(e), String(e), 0);
        // A quiet prefetch this joined did not report the lost session: report it here.
        if (err.status === 401) window.dispatchEvent(new CustomEvent('shoplens:unauthenticated'));
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
  generation++;
  cache.clear();
  arrived.clear();
  inflight.clear();
}
