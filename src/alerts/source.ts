/**
 * Loads what a rule needs from the metric layer as daily series per entity — one query for the
 * whole span, so a 24-month backtest costs one query per rule, not one per day. A window of
 * several days is summed from the daily parts: exact for additive metrics (sums, counts) and
 * for ratios of two additive metrics (Σnumerator / Σdenominator, the catalog's ratio rule).
 * As-of metrics (stock at the period end) have no daily grain and are queried day by day.
 */
import { dayNum as dayTextToNumber, shiftDay as addDays } from './days.js';
import type { Catalog } from '../metrics/catalog/load.js';
import type { Cell } from '../metrics/format.js';
import type { MetricQuery, Scope } from '../metrics/query.js';
import { runMetricQuery } from '../metrics/run.js';
import { fail } from '../core/errors.js';
import { AlertErrors } from './errors.js';
import type { Warehouse } from '../warehouse/index.js';
import type { DayPoint, EntitySeries } from './detect/series.js';
import { entityKey } from './detect/series.js';
import type { AlertRule } from './rules/schema.js';

type Row = Readonly<Record<string, Cell>>;

/** Runs one metric query with a reader's scope; backed by the metric layer. */
export type MetricRunner = (query: MetricQuery, scope: Scope) => Promise<Row[]>;

export function metricRunner(wh: Warehouse, catalog: Catalog): MetricRunner {
  return async (query, scope) => (await runMetricQuery(wh, catalog, query, { scope })).rows;
}

/** The metric layer gives money as decimal yuan text and the rest as numbers; rules work in those units. */
export function metricNumber(v: Cell | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** How a metric's window value is built from daily values. */
type Shape = { kind: 'additive'; id: string } | { kind: 'ratio'; num: string; den: string } | { kind: 'daily'; id: string } | { kind: 'perday'; id: string };

export function shapeOf(catalog: Catalog, id: string, windowDays: number): Shape {
  const m = catalog.get(id);
  if (windowDays === 1) return { kind: 'daily', id };
  // a stock snapshot over several days is the snapshot at the window's end: its own query
  if (m.asOf) return { kind: 'perday', id };
  if (m.additive) return { kind: 'additive', id };
  const e = m.expr;
  if (e && e.k === 'bin' && e.op === '/' && e.a.k === 'ref' && e.b.k === 'ref' && catalog.get(e.a.id).additive && catalog.get(e.b.id).additive) {
    return { kind: 'ratio', num: e.a.id, den: e.b.id };
  }
  // distinct counts (buyers) don't add up across days: each window is its own query
  return { kind: 'perday', id };
}

/** `rule.metric ÷ rule.per`: exact over a window only when both add up across days. */
function perShape(catalog: Catalog, rule: AlertRule, per: string): Shape {
  for (const id of [rule.metric, per]) {
    if (!catalog.get(id).additive) fail(AlertErrors.ALERT_METRIC_UNSUPPORTED, { rule: rule.id, metric: id, reason: '`per` 需要可按日相加的指标 / `per` needs metrics that add up across days' });
  }
  return { kind: 'ratio', num: rule.metric, den: per };
}

const leavesOf = (s: Shape) => (s.kind === 'ratio' ? [s.num, s.den] : [s.id]);

export interface SeriesSpan {
  /** first and last day judged */
  readonly from: string;
  readonly to: string;
}

/** Days of history a rule looks back on before the first judged day. */
export function lookback(rule: AlertRule): number {
  const c = rule.condition;
  const back = c.kind === 'anomaly' ? c.historyDays : c.kind === 'freshness' ? c.lookbackDays : c.kind === 'change' ? (c.basis === 'same_period_last_year' ? 364 : rule.windowDays) : 0;
  return back + rule.windowDays - 1 + rule.consecutiveDays - 1;
}

function* daysOf(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

export async function loadRuleSeries(run: MetricRunner, catalog: Catalog, rule: AlertRule, span: SeriesSpan, scope: Scope): Promise<EntitySeries[]> {
  const shapes: Record<'value' | 'volume' | 'against', Shape | undefined> = {
    value: rule.per ? perShape(catalog, rule, rule.per) : shapeOf(catalog, rule.metric, rule.windowDays),
    volume: rule.minVolume ? shapeOf(catalog, rule.minVolume.metric, rule.windowDays) : undefined,
    against: rule.condition.kind === 'threshold' && rule.condition.againstMetric ? shapeOf(catalog, rule.condition.againstMetric, rule.windowDays) : undefined,
  };
  const start = addDays(span.from, -lookback(rule));
  const dims = rule.dimensions;
  const filters = Object.keys(rule.filters).length > 0 ? { filters: rule.filters } : {};
  const daily = new Map<string, { entity: Record<string, string>; days: Map<string, Record<string, number | null>> }>();
  const put = (row: Row, day: string, ids: readonly string[]) => {
    const entity = Object.fromEntries(dims.map((d) => [d, String(row[d] ?? '')]));
    const key = entityKey(entity);
    let e = daily.get(key);
    if (!e) daily.set(key, (e = { entity, days: new Map() }));
    const vals = e.days.get(day) ?? {};
    for (const id of ids) vals[id] = metricNumber(row[id]);
    e.days.set(day, vals);
  };
  const all = Object.values(shapes).filter((s): s is Shape => s !== undefined);
  const graded = [...new Set(all.filter((s) => s.kind !== 'perday').flatMap(leavesOf))];
  const perDay = [...new Set(all.filter((s) => s.kind === 'perday').map((s) => s.id))];
  if (graded.length > 0) {
    const rows = await run({ metrics: graded, dimensions: dims, grain: 'day', from: start, to: span.to, ...filters }, scope);
    for (const r of rows) put(r, String(r.day), graded);
  }
  if (perDay.length > 0) {
    // one query per judged day over its whole window (as-of metrics read the snapshot at its end)
    for (const day of daysOf(start, span.to)) {
      const rows = await run({ metrics: perDay, dimensions: dims, from: addDays(day, 1 - rule.windowDays), to: day, ...filters }, scope);
      for (const r of rows) put(r, day, perDay);
    }
  }
  const zeroFill = (id: string) => catalog.get(id).additive;
  const windowValue = (days: Map<string, Record<string, number | null>>, day: string, s: Shape | undefined): number | null | undefined => {
    if (s === undefined) return undefined;
    const get = (d: string, id: string) => { const v = days.get(d)?.[id]; return v === undefined ? (zeroFill(id) ? 0 : null) : v; };
    if (s.kind === 'daily' || s.kind === 'perday') return get(day, s.id);
    const sum = (id: string) => { let t = 0; for (let i = 0; i < rule.windowDays; i++) t += get(addDays(day, -i), id) ?? 0; return t; };
    if (s.kind === 'additive') return sum(s.id);
    const den = sum(s.den);
    return den === 0 ? null : sum(s.num) / den;
  };
  const firstDay = dayTextToNumber(start)!;
  const out: EntitySeries[] = [];
  for (const [key, e] of daily) {
    const points = new Map<string, DayPoint>();
    for (const day of daysOf(start, span.to)) {
      // days before the window is complete cannot be judged
      if (dayTextToNumber(day)! - firstDay < rule.windowDays - 1) continue;
      const value = windowValue(e.days, day, shapes.value) ?? null;
      const volume = windowValue(e.days, day, shapes.volume);
      const against = windowValue(e.days, day, shapes.against);
      points.set(day, { value, ...(volume !== undefined ? { volume } : {}), ...(against !== undefined ? { against } : {}) });
    }
    out.push({ key, entity: e.entity, points });
  }
  return out;
}
