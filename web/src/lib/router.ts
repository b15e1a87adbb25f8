import { useSyncExternalStore } from 'react';

/**
 * A tiny history router: the app has a flat list of pages, and the global filters live in the
 * query string, so a page change keeps the query string and a bookmark restores the view.
 */
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
window.addEventListener('popstate', notify);

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

const snapshot = () => window.location.pathname + window.location.search;

export function useLocation(): { path: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

/** Goes to `path`, keeping the current query string (the global filters) unless one is given. */
export function navigate(path: string, search?: URLSearchParams, replace = false): void {
  const qs = (search ?? new URLSearchParams(window.location.search)).toString();
  const href = path + (qs ? `?${qs}` : '');
  if (href === snapshot()) return;
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  notify();
}

/** Rewrites the query string in place (filters), one history entry per change. */
export function setSearch(update: (s: URLSearchParams) => void): void {
  const s = new URLSearchParams(window.location.search);
  update(s);
  navigate(window.location.pathname, s);
}
