/**
 * Links the server sends out — an alert's 在 ShopLens 中查看 in DingTalk, Feishu, WeCom or mail
 * (`/alerts/<id>`), a scheduled report's 查看报表 (`/reports/<id>?from=…&to=…`) — name one thing by
 * path. The app's pages are flat and keep their state in the query string, so the path is
 * rewritten to the page and its parameter before anything renders: `/alerts?alert=<id>`,
 * `/reports?view=<id>&from=…&to=…` (the report's period is the page's date filter too).
 */
const DEEP = [
  { prefix: '/alerts/', page: '/alerts', param: 'alert' },
  { prefix: '/reports/', page: '/reports', param: 'view' },
] as const;

export function resolveDeepLink(path: string, search: string): { path: string; search: URLSearchParams } | undefined {
  for (const d of DEEP) {
    if (!path.startsWith(d.prefix) || path.length === d.prefix.length) continue;
    const q = new URLSearchParams(search);
    let id = path.slice(d.prefix.length);
    try { id = decodeURIComponent(id); } catch { /* a malformed escape: the id as written */ }
    q.set(d.param, id);
    return { path: d.page, search: q };
  }
  return undefined;
}

/** Rewrites the address in place (no history entry) when it is a deep link. */
export function followDeepLink(): void {
  const to = resolveDeepLink(window.location.pathname, window.location.search);
  if (to) window.history.replaceState(null, '', `${to.path}?${to.search.toString()}`);
}
