/**
 * "Sales fell: was it traffic or conversion, and where?" — a metric's change between two
 * periods split into its drivers (contributions adding up exactly to the change), and the
 * dimension values (shop, source, category, SKU) ranked by how much of the change they carry.
 */
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { Catalog } from '../catalog/load.js';
import type { CompiledMetric } from '../catalog/resolve.js';
import type { DimensionName } from '../dimensions.js';
import { MetricErrors as E } from '../errors.js';
import { formatValue, rawValue, type Cell } from '../format.js';
import type { Scope } from '../query.js';
import { executeMetricQuery } from '../run.js';
import { previousRange } from '../time/periods.js';
import { roundToTotal, settleFloat, shapleyProduct } from './decompose.js';
import type { ResultRow } from '../../warehouse/index.js';

export interface ExplainRequest {
  metric: string;
  from: string;
  to: string;
  vs: 'previous' | 'last-year';
  /** dimensions to rank; default shop, source, category_l1, sku where the metric has them */
  by?: string[];
  filters?: Record<string, string | string[]>;
  scope?: Scope;
  /** rows per dimension, default 10 */
  top?: number;
}

export interface DriverContribution {
  metric: string;
  sign: 1 | -1;
  current: Cell;
  previous: Cell;
  /** share of the metric's change this driver carries, in the metric's unit */
  contribution: Cell;
}

export interface Contributor {
  value: string | null;
  current: Cell;
  previous: Cell;
  change: Cell;
  drivers?: DriverContribution[];
}

export interface Explanation {
  metric: string;
  unit: CompiledMetric['unit'];
  period: { from: string; to: string };
  previous: { from: string; to: string };
  current: Cell;
  previousValue: Cell;
  change: Cell;
  changePct: number | null;
  /** null when the metric has no drivers or a driver is undefined (a zero denominator) in either period */
  drivers: DriverContribution[] | null;
  breakdowns: { dimension: string; additive: boolean; rows: Contributor[] }[];
}

const DEFAULT_BY: DimensionName[] = ['shop', 'source', 'category_l1', 'sku'];

type Raw = bigint | number | null;

/** Driver contributions of one row (current and previous raw values of metric and terms). */
function decompose(catalog: Catalog, m: CompiledMetric, row: ResultRow): DriverContribution[] | null {
  const terms = m.drivers?.terms ?? [];
  if (terms.length === 0) return null;
  const vals = terms.map((t) => {
    const tm = catalog.get(t.metric);
    return { t, tm, cur: rawValue(row[t.metric], tm.unit), prev: rawValue(row[`${t.metric}_prev`], tm.unit) };
  });
  if (vals.some((v) => v.cur === null || v.prev === null)) return null;
  const cur = rawValue(row[m.id], m.unit);
  const prev = rawValue(row[`${m.id}_prev`], m.unit);
  if (cur === null || prev === null) return null;
  const total: Raw = typeof cur === 'bigint' && typeof prev === 'bigint' ? cur - prev : Number(cur) - Number(prev);
  let parts: (bigint | number)[];
  if (m.drivers!.kind === 'sum') {
    parts = vals.map((v) => {
      const s = v.t.sign ?? 1;
      return typeof v.cur === 'bigint' && typeof v.prev === 'bigint' ? BigInt(s) * (v.cur - v.prev) : s * (Number(v.cur) - Number(v.prev));
    });
  } else {
    const shap = shapleyProduct(vals.map((v) => Number(v.prev)), vals.map((v) => Number(v.cur)));
    parts = m.unit === 'money' ? roundToTotal(shap, BigInt(total)) : settleFloat(shap, Number(total));
  }
  return vals.map((v, i) => ({
    metric: v.t.metric,
    sign: v.t.sign ?? 1,
    current: formatValue(v.cur, v.tm.unit),
    previous: formatValue(v.prev, v.tm.unit),
    contribution: formatValue(parts[i]!, m.unit),
  }));
}

export async function explainMetric(wh: Warehouse, catalog: Catalog, req: ExplainRequest): Promise<Explanation> {
  const m = catalog.get(req.metric);
  const prev = previousRange({ from: req.from, to: req.to }, req.vs === 'previous' ? 'mom' : 'yoy');
  const terms = (m.drivers?.terms ?? []).map((t) => t.metric);
  const base = { from: req.from, to: req.to, compare: prev, ...(req.filters ? { filters: req.filters } : {}) };
  const opts = req.scope ? { scope: req.scope } : {};
  const { rows } = await executeMetricQuery(wh, catalog, { ...base, metrics: [m.id, ...terms] }, opts);
  const row = rows[0] ?? {};
  const cur = rawValue(row[m.id], m.unit);
  const before = rawValue(row[`${m.id}_prev`], m.unit);
  const total = cur === null || before === null ? null : typeof cur === 'bigint' && typeof before === 'bigint' ? cur - before : Number(cur) - Number(before);

  const by = (req.by ?? DEFAULT_BY.filter((d) => m.dimensions.has(d))) as string[];
  const breakdowns: Explanation['breakdowns'] = [];
  for (const dim of by) {
    // Driver terms ride along only where every term can be split by this dimension.
    const withTerms = terms.every((t) => catalog.get(t).dimensions.has(dim as DimensionName));
    const r = await executeMetricQuery(wh, catalog, { ...base, metrics: [m.id, ...(withTerms ? terms : [])], dimensions: [dim] }, opts);
    const ranked = r.rows
      .map((x) => {
        const c = rawValue(x[m.id], m.unit);
        const p = rawValue(x[`${m.id}_prev`], m.unit);
        const delta = c === null || p === null ? null : typeof c === 'bigint' && typeof p === 'bigint' ? c - p : Number(c) - Number(p);
        const drivers = withTerms ? decompose(catalog, m, x) : null;
        return {
          value: x[dim] === null || x[dim] === undefined ? null : String(x[dim]),
          current: formatValue(c, m.unit), previous: formatValue(p, m.unit), change: formatValue(delta, m.unit),
          ...(drivers ? { drivers } : {}), weight: delta === null ? -1 : Math.abs(Number(delta)),
        };
      })
      .sort((a, b) => b.weight - a.weight)
      .slice(0, req.top ?? 10)
      .map(({ weight: _w, ...rest }) => rest);
    breakdowns.push({ dimension: dim, additive: m.additive, rows: ranked });
  }
  if (!m.drivers && breakdowns.length === 0) fail(E.METRIC_EXPLAIN_UNSUPPORTED, { metric: m.id });
  return {
    metric: m.id, unit: m.unit, period: { from: req.from, to: req.to }, previous: prev,
    current: formatValue(cur, m.unit), previousValue: formatValue(before, m.unit), change: formatValue(total, m.unit),
    changePct: total === null || before === null || Number(before) === 0 ? null : Number(total) / Math.abs(Number(before)),
    drivers: decompose(catalog, m, row), breakdowns,
  };
}
