import { getJson, postJson } from './client';
import type { AnalysisResult, Catalog, Explanation, MetricQuery, QueryResult } from './types';
import { useApi } from './use-api';

export const fetchCatalog = () => getJson<Catalog>('/api/catalog');
export const runQuery = (q: MetricQuery) => postJson<QueryResult>('/api/query', q);

export function useCatalog() {
  return useApi('catalog', fetchCatalog);
}

export function useMetricQuery(q: MetricQuery | null) {
  const key = q === null ? null : `q:${JSON.stringify(q)}`;
  return useApi(key, () => runQuery(q!));
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
