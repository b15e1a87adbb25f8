/**
 * Plans a query: which measures (leaves) the requested metrics need, which form (fact) of
 * each measure serves the query's dimensions and filters, and how measures are grouped into
 * one aggregate per fact and time. Pure; every name comes from the catalog.
 */
import { fail } from '../../core/errors.js';
import type { Catalog } from '../catalog/load.js';
import type { CompiledForm, CompiledMetric } from '../catalog/resolve.js';
import type { Aggregation } from '../catalog/schema.js';
import { dimensionNames, isDimension, type DimensionName } from '../dimensions.js';
import { MetricErrors as E } from '../errors.js';
import type { ValidQuery } from '../query.js';
import { facts } from '../facts/index.js';

export interface Leaf {
  metric: CompiledMetric;
  form: CompiledForm;
  /** column index in the union: c<i> current, p<i> previous */
  col: number;
}

export interface FactGroup {
  leaves: Leaf[];
}

export interface Plan {
  metrics: CompiledMetric[];
  dims: DimensionName[];
  filters: [DimensionName, string[]][];
  leaves: Map<string, Leaf>;
  groups: FactGroup[];
}

/** Aggregations that share one grouped scan with others of the same fact and time. */
export const SIMPLE_AGGS: ReadonlySet<Aggregation> = new Set(['sum', 'count', 'count_distinct', 'min', 'max']);

const known = () => dimensionNames.join(', ');

export function planQuery(catalog: Catalog, q: ValidQuery, options: { rollups?: boolean } = {}): Plan {
  const dims = (q.dimensions ?? []).map((d) => {
    if (!isDimension(d)) fail(E.METRIC_DIMENSION_UNKNOWN, { name: d, known: known() });
    return d;
  });
  if (new Set(dims).size !== dims.length) fail(E.METRIC_QUERY_INVALID, { issue: 'a dimension is listed twice' });
  const filters = Object.entries(q.filters ?? {}).map(([d, v]): [DimensionName, string[]] => {
    if (!isDimension(d)) fail(E.METRIC_DIMENSION_UNKNOWN, { name: d, known: known() });
    return [d, Array.isArray(v) ? v : [v]];
  });
  const needed = new Set<DimensionName>([...dims, ...filters.map(([d]) => d)]);
  const metrics = [...new Set(q.metrics)].map((id) => catalog.get(id));
  for (const m of metrics) {
    for (const d of needed) if (!m.dimensions.has(d)) fail(E.METRIC_DIMENSION_UNSUPPORTED, { metric: m.id, dimension: d });
    if (m.asOf && q.grain) fail(E.METRIC_GRAIN_UNSUPPORTED, { metric: m.id });
    if (m.asOf && !q.to) fail(E.METRIC_QUERY_INVALID, { issue: `${m.id} is measured at the period end: give "to"` });
  }
  const leaves = new Map<string, Leaf>();
  for (const m of metrics) {
    for (const id of m.leaves) {
      if (leaves.has(id)) continue;
      const leaf = catalog.get(id);
      const usable = leaf.forms!.filter((f) => options.rollups !== false || !facts[f.fact].rollup);
      const form = usable.find((f) => [...needed].every((d) => f.dims.has(d)));
      if (!form) {
        const missing = [...needed].find((d) => !leaf.forms!.some((f) => f.dims.has(d)))!;
        fail(E.METRIC_DIMENSION_UNSUPPORTED, { metric: m.id, dimension: missing });
      }
      leaves.set(id, { metric: leaf, form, col: leaves.size });
    }
  }
  const groups: FactGroup[] = [];
  const byKey = new Map<string, FactGroup>();
  for (const leaf of leaves.values()) {
    if (!SIMPLE_AGGS.has(leaf.form.agg)) {
      groups.push({ leaves: [leaf] });
      continue;
    }
    const key = `${leaf.form.fact}/${leaf.form.time}`;
    let g = byKey.get(key);
    if (!g) {
      g = { leaves: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.leaves.push(leaf);
  }
  return { metrics, dims, filters, leaves, groups };
}
