/**
 * Metric query → one SQL statement with bound parameters. Each fact group is aggregated on its
 * own (one union branch per group and period), and the outer query adds the branches up per
 * dimension row and evaluates derived metrics from the summed numerators and denominators.
 * Nothing is joined row-to-row across facts, so nothing fans out.
 */
import { assertUnreachable } from '../../core/errors.js';
import type { Dialect, SqlValue } from '../../warehouse/index.js';
import type { Catalog } from '../catalog/load.js';
import type { CompiledMetric } from '../catalog/resolve.js';
import type { Expr } from '../catalog/expression.js';
import { MetricErrors as E } from '../errors.js';
import { fail } from '../../core/errors.js';
import { validateQuery, type MetricQuery, type Scope, type ValidQuery } from '../query.js';
import { previousRange, type DayRange } from '../time/periods.js';
import type { Alignment } from '../time/buckets.js';
import { dayTextToNumber } from '../../core/time.js';
import { branchSql, mayBeUnknown, type Period } from './branch.js';
import { Params } from './params.js';
import { planQuery, type Plan } from './plan.js';

export interface CompileOptions {
  scope?: Scope;
  /** read rollup tables where they serve the query (default true; the caller keeps them fresh) */
  rollups?: boolean;
}

export interface CompiledQuery {
  sql: string;
  params: SqlValue[];
  plan: Plan;
  query: ValidQuery;
  /** the previous period compared with, when the query compares */
  previous?: DayRange;
}

/** Pure: no I/O. Metric and dimension names only from the catalog; values only as parameters. */
export function compileMetricQuery(catalog: Catalog, query: MetricQuery, d: Dialect, options: CompileOptions = {}): CompiledQuery {
  const q = validateQuery(query);
  const plan = planQuery(catalog, q, { rollups: options.rollups !== false });
  const params = new Params(d);
  const scope = options.scope?.shopIds ?? 'all';
  // Scope placeholders first, so every table read shares them.
  const scopeList = scope === 'all' ? undefined : scope.length === 0 ? 'NULL' : scope.map((s) => params.value(s)).join(', ');
  const scopeSql = (alias: string) => (scopeList === undefined ? '' : ` AND ${alias}.shop_id IN (${scopeList})`);

  const range = q.from && q.to ? { from: q.from, to: q.to } : undefined;
  const periods: Period[] = [{ tag: 'c', ...(range ? { range } : {}) }];
  let previous: DayRange | undefined;
  if (q.compare && range) {
    const { prev, align } = comparison(q, range);
    previous = prev;
    periods.push({ tag: 'p', range: prev, align });
  }
  const tags = periods.map((p) => p.tag);
  const columns = tags.flatMap((tag) => [...plan.leaves.values()].map((l) => ({ tag, col: l.col })));
  const input = { d, params, plan, ...(q.grain ? { grain: q.grain } : {}), scopeSql, columns };
  const branches = periods.flatMap((p) => plan.groups.map((g) => branchSql(input, g, p)));

  const keyNames = [...(q.grain ? [q.grain] : []), ...plan.dims];
  const keys = keyNames.map((k) => `q.${d.quoteIdent(k)}`);
  const metricCols = plan.metrics.flatMap((m) => [
    `${metricSql(d, catalog, plan, m, 'c')} AS ${d.quoteIdent(m.id)}`,
    ...(previous ? [`${metricSql(d, catalog, plan, m, 'p')} AS ${d.quoteIdent(`${m.id}_prev`)}`] : []),
  ]);
  const select = [...keys.map((k, i) => `${k} AS ${d.quoteIdent(keyNames[i]!)}`), ...metricCols].join(', ');
  const union = branches.length === 1 ? branches[0]! : branches.join(' UNION ALL ');
  let sql = `SELECT ${select} FROM (${union}) q`;
  if (keys.length > 0) sql += ` GROUP BY ${keys.join(', ')}`;
  const order = orderBy(d, q, keyNames, plan);
  if (order) sql += ` ORDER BY ${order}`;
  if (q.limit !== undefined) sql += ` LIMIT ${params.value(q.limit)}`;
  return { sql, params: params.values, plan, query: q, ...(previous ? { previous } : {}) };
}

function comparison(q: ValidQuery, range: DayRange): { prev: DayRange; align: Alignment } {
  const c = q.compare!;
  if (typeof c === 'object') {
    const days = dayTextToNumber(range.from)! - dayTextToNumber(c.from)!;
    return { prev: { from: c.from, to: c.to }, align: { kind: 'offset', days } };
  }
  if (c === 'yoy_campaign') fail(E.METRIC_COMPARE_UNAVAILABLE, { issue: 'campaign-aligned 同比 is resolved against the store: use runMetricQuery' });
  return { prev: previousRange(range, c, q.grain), align: { kind: c } };
}

function orderBy(d: Dialect, q: ValidQuery, keyNames: string[], plan: Plan): string {
  if (q.sort && q.sort.length > 0) {
    const allowed = new Set([...keyNames, ...plan.metrics.map((m) => m.id)]);
    return q.sort
      .map((s) => {
        if (!allowed.has(s.by)) fail(E.METRIC_QUERY_INVALID, { issue: `sort by "${s.by}": not a column of this query (${[...allowed].join(', ')})` });
        return `${d.quoteIdent(s.by)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`;
      })
      .join(', ');
  }
  return keyNames.map((k) => d.quoteIdent(k)).join(', ');
}

/** SQL of a metric over the union's summed columns of one period. */
export function metricSql(d: Dialect, catalog: Catalog, plan: Plan, m: CompiledMetric, tag: 'c' | 'p'): string {
  if (m.forms) {
    const leaf = plan.leaves.get(m.id)!;
    const col = `q.${d.quoteIdent(`${tag}${leaf.col}`)}`;
    if (leaf.form.agg === 'min') return `min(${col})`;
    if (leaf.form.agg === 'max') return `max(${col})`;
    // No rows is 0; a value not known yet stays null.
    return mayBeUnknown(leaf.form) ? `sum(${col})` : `coalesce(sum(${col}), 0)`;
  }
  const walk = (e: Expr): string => {
    switch (e.k) {
      case 'ref':
        return metricSql(d, catalog, plan, catalog.get(e.id), tag);
      case 'num':
        return String(e.v);
      case 'neg':
        return `(-${walk(e.a)})`;
      case 'bin':
        return e.op === '/' ? d.safeDivide(walk(e.a), walk(e.b)) : `(${walk(e.a)} ${e.op} ${walk(e.b)})`;
      default:
        return assertUnreachable(e, 'no SQL for expression');
    }
  };
  return walk(m.expr!);
}
