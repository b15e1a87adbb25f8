import type { AnalysisResult } from '../api/types';
import type { ChartOption } from '../components/chart';
import { toNumber } from './format';

/** A funnel chart from the funnel analysis' first table: one row per step with a count. */
export function funnelChart(r: AnalysisResult): ChartOption | null {
  const first = Object.values(r.tables)[0];
  if (!first || first.rows.length === 0) return null;
  const row0 = first.rows[0]!;
  const nameKey = Object.keys(row0).find((k) => typeof row0[k] === 'string');
  const valueKey = Object.keys(row0).find((k) => typeof row0[k] === 'number');
  if (!nameKey || !valueKey) return null;
  return {
    tooltip: { trigger: 'item' },
    series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { position: 'inside' },
      data: first.rows.map((x) => ({ name: String(x[nameKey]), value: toNumber(x[valueKey] as number) })) }],
  };
}
