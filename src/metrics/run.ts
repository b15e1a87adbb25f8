/**
 * Runs a metric query on a warehouse: refreshes stale rollups, resolves a campaign-aligned
 * comparison, compiles, runs the one statement and shapes the result for API, CLI and web.
 */
import { fail } from '../core/errors.js';
import { addDays, dayTextToNumber } from '../core/time.js';
import type { Warehouse } from '../warehouse/index.js';
import type { Catalog } from './catalog/load.js';
import { compileMetricQuery } from './compile/compile.js';
import { MetricErrors as E } from './errors.js';
import { change, formatValue, rawValue, type Cell } from './format.js';
import type { MetricQuery, Scope } from './query.js';
import type { Unit } from './catalog/schema.js';
import { hasYearAgoCounterpart } from './time/periods.js';
import { refreshRollups } from './rollups/refresh.js';
import { isShopLensError } from '../core/errors.js';

/** Brings rollups up to date; a store opened read-only cannot, and is answered from base tables. */
const hasRollupTables = new WeakMap<Warehouse, boolean>();

async function rollupsReady(wh: Warehouse): Promise<boolean> {
  // A store created before the rollup tables existed answers from base tables.
  let has = hasRollupTables.get(wh);
  if (has === undefined) {
    const [r] = await wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'rollup_state'`);
    has = (r?.n ?? 0n) > 0n;
    hasRollupTables.set(wh, has);
  }
  if (!has) return false;
  try {
    await refreshRollups(wh);
    return true;
  } catch (e) {
    if (isShopLensError(e) && /read-only|read only/i.test(e.messageEn)) return false;
    throw e;
  }
}

export interface ResultColumn {
  name: string;
  kind: 'dimension' | 'metric' | 'prev' | 'change' | 'change_pct';
  metric?: string;
  unit?: Unit;
}

export interface MetricResult {
  columns: ResultColumn[];
  rows: Record<string, Cell>[];
  sql: string;
  params: unknown[];
  /** the previous period compared with */
  previous?: { from: string; to: string };
}

export interface RunOptions {
  scope?: Scope;
  /** false: read base tables only (no rollup refresh) */
  rollups?: boolean;
}

/** Compiles and runs, returning the engine's rows unformatted (for explain and other layers' arithmetic). */
export async function executeMetricQuery(wh: Warehouse, catalog: Catalog, query: MetricQuery, options: RunOptions = {}) {
  const q = query.compare === 'yoy_campaign' ? { ...query, compare: await campaignAlignedRange(wh, query) } : query;
  const rollups = options.rollups !== false && (await rollupsReady(wh));
  const compiled = compileMetricQuery(catalog, q, wh.dialect, { ...(options.scope ? { scope: options.scope } : {}), rollups });
  return { compiled, rows: await wh.query(compiled.sql, compiled.params) };
}

export async function runMetricQuery(wh: Warehouse, catalog: Catalog, query: MetricQuery, options: RunOptions = {}): Promise<MetricResult> {
  const { compiled, rows } = await executeMetricQuery(wh, catalog, query, options);
  const keys = [...(compiled.query.grain ? [compiled.query.grain] : []), ...compiled.plan.dims];
  const comparing = compiled.previous !== undefined;
  const columns: ResultColumn[] = keys.map((name) => ({ name, kind: 'dimension' }));
  for (const m of compiled.plan.metrics) {
    const base = { metric: m.id, unit: m.unit };
    columns.push({ name: m.id, kind: 'metric', ...base });
    if (comparing) {
      columns.push({ name: `${m.id}_prev`, kind: 'prev', ...base });
      columns.push({ name: `${m.id}_change`, kind: 'change', ...base });
      columns.push({ name: `${m.id}_change_pct`, kind: 'change_pct', metric: m.id, unit: 'ratio' });
    }
  }
  const grain = compiled.query.grain;
  const yoy = query.compare === 'yoy';
  const out = rows.map((r) => {
    const row: Record<string, Cell> = {};
    const comparable = !(yoy && grain && !hasYearAgoCounterpart(String(r[grain]), grain));
    for (const k of keys) {
      const v = r[k];
      row[k] = v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
    }
    for (const m of compiled.plan.metrics) {
      const cur = rawValue(r[m.id], m.unit);
      row[m.id] = formatValue(cur, m.unit);
      if (comparing) {
        const prev = comparable ? rawValue(r[`${m.id}_prev`], m.unit) : null;
        const c = change(cur, prev);
        row[`${m.id}_prev`] = formatValue(prev, m.unit);
        row[`${m.id}_change`] = formatValue(c.abs, m.unit);
        row[`${m.id}_change_pct`] = c.pct;
      }
    }
    return row;
  });
  return { columns, rows: out, sql: compiled.sql, params: compiled.params.map((p) => (typeof p === 'bigint' ? p.toString() : p)), ...(compiled.previous ? { previous: compiled.previous } : {}) };
}

/**
 * 同比 aligned on campaigns: the campaign whose phases hold `from`, and last year's campaign of
 * the same kind; the previous range is the current one moved by the gap between their starts.
 */
export async function campaignAlignedRange(wh: Warehouse, query: MetricQuery): Promise<{ from: string; to: string }> {
  const { from, to } = query;
  if (!from || !to) fail(E.METRIC_QUERY_INVALID, { issue: 'a comparison needs both from and to' });
  const d = wh.dialect;
  const rows = await wh.query<{ kind: string; year: number; start_day: string }>(
    `SELECT c.kind, c.year, min(p.start_day) AS start_day FROM campaigns c JOIN campaign_phases p ON p.campaign_id = c.campaign_id` +
    ` GROUP BY 1, 2 HAVING min(p.start_day) <= ${d.dayParam(1)} AND max(p.end_day) >= ${d.dayParam(1)} ORDER BY 3 DESC LIMIT 1`,
    [from],
  );
  const current = rows[0];
  if (!current) fail(E.METRIC_COMPARE_UNAVAILABLE, { issue: `no campaign covers ${from}` });
  const last = await wh.query<{ start_day: string }>(
    `SELECT min(p.start_day) AS start_day FROM campaigns c JOIN campaign_phases p ON p.campaign_id = c.campaign_id WHERE c.kind = ${d.param(1)} AND c.year = ${d.param(2)}`,
    [current.kind, current.year - 1],
  );
  const lastStart = last[0]?.start_day;
  if (!lastStart) fail(E.METRIC_COMPARE_UNAVAILABLE, { issue: `no ${current.kind} campaign in ${current.year - 1}` });
  const gap = dayTextToNumber(current.start_day)! - dayTextToNumber(lastStart)!;
  return { from: addDays(from, -gap), to: addDays(to, -gap) };
}
