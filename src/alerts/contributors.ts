/**
 * Which dimension values carried an alert's move — the metric layer's explain, run on the
 * alert's window against the window before, inside the alert's entity (its filters) and scope.
 */
import { addDays } from '../core/time.js';
import { explainMetric, type Catalog, type Scope } from '../metrics/index.js';
import { dimensionNames, type DimensionName } from '../metrics/dimensions.js';
import type { Warehouse } from '../warehouse/index.js';
import type { AlertEvent, Contributor } from './lifecycle.js';
import type { AlertRule } from './rules/schema.js';

const num = (c: unknown): number | null => (c === null || c === undefined ? null : Number.isFinite(Number(c)) ? Number(c) : null);

export async function alertContributors(wh: Warehouse, catalog: Catalog, rule: AlertRule, ev: AlertEvent, scope: Scope, top = 3): Promise<Contributor[]> {
  const metric = catalog.get(rule.metric);
  const by = (['shop', 'source', 'category_l1', 'sku'] as DimensionName[])
    .filter((d) => !(d in ev.entity) && (dimensionNames as readonly string[]).includes(d) && metric.dimensions.has(d));
  if (by.length === 0) return [];
  const to = addDays(ev.openedDay, -rule.lagDays);
  const ex = await explainMetric(wh, catalog, {
    metric: rule.metric, from: addDays(to, 1 - rule.windowDays), to, vs: 'previous', by, top,
    filters: { ...rule.filters, ...ev.entity }, scope,
  });
  const total = num(ex.change);
  const out: Contributor[] = [];
  for (const b of ex.breakdowns) {
    for (const r of b.rows) {
      const change = num(r.change);
      if (r.value === null || change === null || !total) continue;
      out.push({ dimension: b.dimension, value: r.value, share: change / total, current: num(r.current), previous: num(r.previous) });
    }
  }
  // the largest shares of the move in the alert's direction first
  return out.filter((c) => c.share > 0).sort((a, b) => b.share - a.share).slice(0, top);
}
