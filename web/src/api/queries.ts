import { getJson, postJson, type FetchOptions } from './client';
import type { AnalysisResult, Catalog, Explanation, FilterOptions, MetricQuery, QueryResult } from './types';
import { prefetch, useApi } from './use-api';

export const fetchCatalog = (opts?: FetchOptions) => getJson<Catalog>('/api/catalog', opts);
export const runQuery = (q: MetricQuery, opts?: FetchOptions) => postJson<QueryResult>('/api/query', q, 'POST', opts);

const CATALOG = 'catalog';
const FILTER_OPTIONS = 'filter-options';

/** The sign-in check: who the user is, or a 401. */
export const fetchSession = () => getJson<unknown>('/api/auth/me');

export const useFilterOptions = () => useApi(FILTER_OPTIONS, () => getJson<FilterOptions>('/api/filter-options'));
export const prefetchFilterOptions = () => prefetch(FILTER_OPTIONS, () => getJson<FilterOptions>('/api/filter-options', { quiet: true }));
const queryKey = (q: MetricQuery) => `q:${JSON.stringify(q)}`;

export function useCatalog() {
  return useApi(CATALOG, () => fetchCatalog());
}

export function useMetricQuery(q: MetricQuery | null) {
  return useApi(q === null ? null : queryKey(q), () => runQuery(q!));
}

/** The catalog, fetched once and shared with every `useCatalog()`. */
export const prefetchCatalog = () => prefetch(CATALOG, () => fetchCatalog({ quiet: true }));

/** Sends a page's query before the page renders; `useMetricQuery(q)` then joins it. */
export function prefetchMetricQuery(q: MetricQuery | null): void {
  if (q !== null) void prefetch(queryKey(q), () => runQuery(q, { quiet: true }));
}

export function useExplain(req: { metric: string; from: string; to: string; filters: Record<string, string[]>; compare: 'mom' | 'yoy' } | null) {
  const key = req === null ? null : `x:${JSON.stringify(req)}`;
  return useApi(key, () => postJson<Explanation>('/api/explain', req));
}

export function useAnalysis(name: string | null, body: { from: string; to: string; filters: Record<string, string[]>; options: Record<string, unknown> }) {
  return useApi(name === null ? null : `a:${name}:${JSON.stringify(body)}`, () => postJson<AnalysisResult>(`/api/analysis/${encodeURIComponent(name!)}`, body));
}

export function useAnalysisList() {
  return useApi('analyses', () => getJson<{ analyses: Array<{ name: string; title: { zh: string; en: string } }> }>('/api/analysis'));
}

/**
 * Product titles of the SKUs a chart shows, so its bars say 纯棉T恤 rather than a 19-digit id.
 * Two SKUs of one title (two variants, or one product in two shops) end in their ids' last
 * digits, so no two bars read the same.
 */
export function useSkuTitles(ids: readonly string[]): Record<string, string> {
  const sorted = [...new Set(ids)].sort();
  const key = sorted.length > 0 ? `sku-titles:${sorted.join(',')}` : null;
  const state = useApi(key, () => getJson<{ titles: Record<string, string> }>(`/api/products/titles?ids=${encodeURIComponent(sorted.join(','))}`));
  const titles = state.data?.titles ?? {};
  const seen = new Map<string, number>();
  for (const id of sorted) if (titles[id] !== undefined) seen.set(titles[id]!, (seen.get(titles[id]!) ?? 0) + 1);
  return Object.fromEntries(Object.entries(titles).map(([id, t]) => [id, (seen.get(t) ?? 0) > 1 ? `${t} ·${id.slice(-4)}` : t]));
}
