/**
 * Raw metrics → compiled metrics: fragments checked against their fact's columns, derived
 * expressions parsed and expanded with cycle detection, allowed dimensions worked out.
 * Every problem is collected (never the first only) with the metric's source line.
 */
import { facts, type FactName } from '../facts/index.js';
import type { DimensionName } from '../dimensions.js';
import { parseExpr, refsOf, type Expr } from './expression.js';
import { parseFragment, type FragmentPart } from './fragment.js';
import type { Aggregation, MeasureForm, Metric, Unit } from './schema.js';

export interface Problem {
  file: string;
  line?: number;
  metric?: string;
  message: string;
}

export interface SourceRef {
  file: string;
  line?: number;
}

export interface CompiledForm {
  fact: FactName;
  agg: Aggregation;
  time: string;
  sql?: FragmentPart[];
  filter?: FragmentPart[];
  key?: FragmentPart[];
  min?: number;
  count?: 'distinct' | 'sum';
  share?: number;
  dims: ReadonlySet<DimensionName>;
}

export interface CompiledMetric {
  id: string;
  name: Metric['name'];
  tier: Metric['tier'];
  definition: Metric['definition'];
  unit: Unit;
  direction: Metric['direction'];
  drivers?: Metric['drivers'];
  hidden: boolean;
  forms?: CompiledForm[];
  expr?: Expr;
  exprText?: string;
  /** measure metrics this one is computed from (itself for a measure) */
  leaves: string[];
  dimensions: ReadonlySet<DimensionName>;
  /** a sum over a split equals the total (sums, counts and their differences) */
  additive: boolean;
  /** as-of-period-end: no time grain */
  asOf: boolean;
  source: SourceRef;
}

export interface RawEntry {
  metric: Metric;
  source: SourceRef;
  /** line of a field inside the metric (user catalog files), for sharper error locations */
  lineOf?: (path: readonly (string | number)[]) => number | undefined;
}

/** The source narrowed to a field's line when the entry knows it. */
function at(e: RawEntry, path: readonly (string | number)[]): SourceRef {
  const line = e.lineOf?.(path);
  return line === undefined ? e.source : { ...e.source, line };
}

const ADDITIVE_AGGS: ReadonlySet<Aggregation> = new Set(['sum', 'count']);

function compileForm(m: Metric, f: MeasureForm, problems: Problem[], where: (field: string) => SourceRef): CompiledForm | undefined {
  const fact = facts[f.fact];
  const cols = new Set(Object.keys(fact.columns));
  const parse = (what: string, text: string | undefined): FragmentPart[] | undefined => {
    if (text === undefined) return undefined;
    try {
      return parseFragment(text, cols);
    } catch (e) {
      problems.push({ ...where(what), metric: m.id, message: `${what}: ${(e as Error).message}` });
      return undefined;
    }
  };
  const time = f.time ?? 'default';
  const src = where('fact');
  if (!(time in fact.times)) problems.push({ ...where('time'), metric: m.id, message: `time "${time}" is not a time of fact ${f.fact} (${Object.keys(fact.times).join(', ')})` });
  const needsSql = f.agg !== 'count';
  if (needsSql && f.sql === undefined) problems.push({ ...src, metric: m.id, message: `aggregation ${f.agg} needs "sql"` });
  const needsKey = ['count_having', 'first_by_day', 'last_by_day', 'abc_top_count', 'retained_distinct'].includes(f.agg);
  if (needsKey && f.key === undefined) problems.push({ ...src, metric: m.id, message: `aggregation ${f.agg} needs "key"` });
  let dims = new Set(Object.keys(fact.dims) as DimensionName[]);
  if (f.dimensions) dims = new Set(f.dimensions.filter((d) => dims.has(d)));
  const out: CompiledForm = { fact: f.fact, agg: f.agg, time, dims };
  const sql = parse('sql', f.sql);
  const filter = parse('filter', f.filter);
  const key = parse('key', f.key);
  if (sql) out.sql = sql;
  if (filter) out.filter = filter;
  if (key) out.key = key;
  if (f.min !== undefined) out.min = f.min;
  if (f.count !== undefined) out.count = f.count;
  if (f.share !== undefined) out.share = f.share;
  return out;
}

/** Compiles raw entries (later entries override earlier ones with the same id). */
export function resolveMetrics(entries: readonly RawEntry[], problems: Problem[]): Map<string, CompiledMetric> {
  const raw = new Map<string, RawEntry>();
  for (const e of entries) raw.set(e.metric.id, e);
  const out = new Map<string, CompiledMetric>();
  const state = new Map<string, 'visiting' | 'done'>();

  const visit = (id: string, path: string[]): CompiledMetric | undefined => {
    if (state.get(id) === 'done') return out.get(id);
    const entry = raw.get(id);
    if (!entry) return undefined;
    if (state.get(id) === 'visiting') {
      problems.push({ ...at(entry, ['expr']), metric: id, message: `circular definition: ${[...path, id].join(' → ')}` });
      return undefined;
    }
    state.set(id, 'visiting');
    const c = compileOne(entry, [...path, id]);
    state.set(id, 'done');
    if (c) out.set(id, c);
    return c;
  };

  const compileOne = (entry: RawEntry, path: string[]): CompiledMetric | undefined => {
    const { metric: m, source } = entry;
    const base = {
      id: m.id, name: m.name, tier: m.tier, definition: m.definition, unit: m.unit, direction: m.direction,
      hidden: m.hidden ?? false, source, ...(m.drivers ? { drivers: m.drivers } : {}),
    };
    const declared = m.dimensions ? new Set<DimensionName>(m.dimensions) : undefined;
    const restrict = (dims: Set<DimensionName>) => (declared ? new Set([...dims].filter((d) => declared.has(d))) : dims);
    if (m.measure) {
      const list = Array.isArray(m.measure) ? m.measure : [m.measure];
      const forms = list.map((f, i) => compileForm(m, f, problems, (field) => at(entry, Array.isArray(m.measure) ? ['measure', i, field] : ['measure', field])));
      if (forms.some((f) => f === undefined)) return undefined;
      const ok = forms as CompiledForm[];
      const dims = new Set(ok.flatMap((f) => [...f.dims]));
      return {
        ...base, forms: ok, leaves: [m.id], dimensions: restrict(dims),
        additive: ADDITIVE_AGGS.has(ok[0]!.agg), asOf: ok.some((f) => facts[f.fact].asOf === true),
      };
    }
    let expr: Expr;
    try {
      expr = parseExpr(m.expr!);
    } catch (e) {
      problems.push({ ...at(entry, ['expr']), metric: m.id, message: `expr: ${(e as Error).message}` });
      return undefined;
    }
    const parts: CompiledMetric[] = [];
    for (const ref of refsOf(expr)) {
      if (!raw.has(ref)) {
        problems.push({ ...at(entry, ['expr']), metric: m.id, message: `expr refers to unknown metric {${ref}}` });
        return undefined;
      }
      const c = visit(ref, path);
      if (!c) return undefined;
      parts.push(c);
    }
    let dims = new Set(parts[0]?.dimensions ?? []);
    for (const p of parts.slice(1)) dims = new Set([...dims].filter((d) => p.dimensions.has(d)));
    return {
      ...base, expr, exprText: m.expr!, leaves: [...new Set(parts.flatMap((p) => p.leaves))], dimensions: restrict(dims),
      additive: isLinear(expr, (id) => out.get(id)?.additive ?? false), asOf: parts.some((p) => p.asOf),
    };
  };

  for (const id of raw.keys()) visit(id, []);
  for (const [id, c] of out) {
    for (const t of c.drivers?.terms ?? []) {
      if (!raw.has(t.metric)) problems.push({ ...c.source, metric: id, message: `driver refers to unknown metric ${t.metric}` });
    }
  }
  return out;
}

function isLinear(e: Expr, additive: (id: string) => boolean): boolean {
  switch (e.k) {
    case 'ref':
      return additive(e.id);
    case 'num':
      return false;
    case 'neg':
      return isLinear(e.a, additive);
    case 'bin':
      return (e.op === '+' || e.op === '-') && isLinear(e.a, additive) && isLinear(e.b, additive);
  }
}
