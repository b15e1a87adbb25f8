import type { AnalysisResult } from '../api/types';
import type { ChartOption } from '../components/chart';
import type { Lang } from '../i18n/dict';
import { formatValue, toNumber } from './format';

/** The funnel analysis' steps, in order: the traffic funnel, then the orders' lifecycle. */
const FUNNELS = [
  { table: 'traffic', steps: ['visitors', 'add_to_cart_users', 'buyers'], left: '2%' },
  { table: 'lifecycle', steps: ['created', 'paid', 'shipped', 'received', 'kept'], left: '52%' },
] as const;

/**
 * Two funnels side by side: visitors → add to cart → buyers, and orders created → paid →
 * shipped → received → kept, each step the sum over the table's groups, named by the
 * result's fields. Steps keep a readable width (minSize): the numbers tell the sizes.
 */
export function funnelChart(r: AnalysisResult, lang: Lang): ChartOption | null {
  const series = FUNNELS.flatMap(({ table, steps, left }) => {
    const rows = r.tables[table]?.rows ?? [];
    if (rows.length === 0) return [];
    const fields = r.fields?.[`tables.${table}`] ?? {};
    const data = steps.map((step) => {
      const value = rows.reduce((a, row) => a + (toNumber(row[step] as number) ?? 0), 0);
      const name = fields[step]?.[lang] ?? step;
      return { name, value, label: { formatter: `${name} ${formatValue(value, 'count', lang)}` } };
    });
    return [{ type: 'funnel', name: table, sort: 'none', left, width: '46%', minSize: '28%', top: 10, bottom: 10, label: { position: 'inside' }, data }];
  });
  return series.length === 0 ? null : { tooltip: { trigger: 'item' }, series };
}
