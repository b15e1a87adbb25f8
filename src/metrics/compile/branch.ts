/**
 * One branch of the union: the aggregate of one fact group for one period, grouped by the
 * query's dimensions and time bucket. Every branch has the same columns (dims, bucket,
 * c0…cn, p0…pn) and NULL in the columns of other groups and periods.
 */
import { assertUnreachable } from '../../core/errors.js';
import type { Dialect } from '../../warehouse/index.js';
import type { TimeGrain } from '../dimensions.js';
import { facts, type RelationContext } from '../facts/index.js';
import type { DayRange } from '../time/periods.js';
import { daysInRange } from '../time/periods.js';
import { alignedBucketSql, bucketSql, nextBucketSql, type Alignment } from '../time/buckets.js';
import type { Params } from './params.js';
import type { FactGroup, Leaf, Plan } from './plan.js';
import { FactSql } from './relation.js';

export interface Period {
  tag: 'c' | 'p';
  range?: DayRange;
  /** previous periods: how their days map onto current buckets */
  align?: Alignment;
}

export interface BranchInput {
  d: Dialect;
  params: Params;
  plan: Plan;
  grain?: TimeGrain;
  scopeSql: (alias: string) => string;
  /** every leaf column in union order, as (tag, col) */
  columns: readonly { tag: 'c' | 'p'; col: number }[];
}

const q = (d: Dialect, name: string) => d.quoteIdent(name);

export function branchSql(input: BranchInput, group: FactGroup, period: Period): string {
  const { d, params, plan, grain } = input;
  const first = group.leaves[0]!;
  const fact = facts[first.form.fact];
  // Placeholders are taken when first used, so a statement never declares a parameter it does not read.
  const range = period.range;
  // Keys drop their shop prefix when each group holds one shop — except where a key is matched
  // across rows outside the group (next-period retention).
  const singleShop = first.form.agg !== 'retained_distinct' &&
    (plan.dims.includes('shop') || plan.filters.some(([dim, v]) => dim === 'shop' && v.length === 1));
  const ctx: RelationContext = {
    d,
    scope: input.scopeSql,
    singleShop,
    get fromDay() {
      return range ? params.day(range.from) : 'NULL';
    },
    get toDay() {
      return range ? params.day(range.to) : 'NULL';
    },
  };
  const f = new FactSql(fact, ctx);
  const keys: string[] = plan.dims.map((dim) => `${f.dim(dim)} AS ${q(d, dim)}`);
  const time = f.time(first.form.time);
  const where: string[] = [];
  let rawBucket: string | undefined;
  if (grain) {
    rawBucket = bucketSql(d, grain, time);
    if (period.align) {
      const a = alignedBucketSql(d, grain, time, period.align);
      keys.push(`${a.expr} AS ${q(d, grain)}`);
      if (a.keep) where.push(a.keep);
    } else keys.push(`${rawBucket} AS ${q(d, grain)}`);
  }
  if (period.range) where.unshift(fact.asOf ? `${time} <= ${ctx.toDay}` : `${time} BETWEEN ${ctx.fromDay} AND ${ctx.toDay}`);
  for (const [dim, values] of plan.filters) where.push(`${f.dim(dim)} IN (${values.map((v) => params.value(v)).join(', ')})`);

  const filters = group.leaves.map((l) => (l.form.filter ? f.fragment(l.form.filter) : undefined));
  const shared = filters.every((x) => x === filters[0]) ? filters[0] : undefined;
  if (shared) where.push(shared);
  const own = (i: number) => (shared ? undefined : filters[i]);

  const groupBy = keys.length > 0 ? ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : '';
  const aliases = keys.map((k) => k.slice(k.lastIndexOf(' AS ') + 4));
  const measureCols = (values: Map<number, string>) =>
    input.columns.map(({ tag, col }) => `${tag === period.tag && values.has(col) ? values.get(col) : 'NULL'} AS ${q(d, `${tag}${col}`)}`);

  if (group.leaves.length > 1 || isSimple(first)) {
    const whole = fact.wholeAfterDays === undefined ? undefined : `${d.addDays(`max(${time})`, String(fact.wholeAfterDays))} <= ${observedThrough(ctx)}`;
    const values = new Map(group.leaves.map((l, i) => [l.col, onlyWhen(whole, simpleAgg(d, f, l, own(i)))]));
    const select = [...keys, ...measureCols(values)].join(', ');
    const whereSql = [...where, ...f.scopeWhere()];
    return `SELECT ${select} ${f.from()}${whereSql.length ? ` WHERE ${whereSql.join(' AND ')}` : ''}${groupBy}`;
  }
  return twoLevel(input, f, first, { keys, aliases, where, groupBy, rawBucket, time, period, ctx, measureCols });
}

/**
 * The last day the store's data runs to: its latest paid day in the query's scope. A value
 * that needs later days (the next period's buyers, a cohort's 180 days) is not known before.
 */
function observedThrough(ctx: RelationContext): string {
  return `(SELECT max(w.paid_day) FROM orders w WHERE w.paid_day IS NOT NULL${ctx.scope('w')})`;
}

/** A leaf whose branch answers null while the data cannot know it yet (see observedThrough). */
export const mayBeUnknown = (form: Leaf['form']): boolean => form.agg === 'retained_distinct' || facts[form.fact].wholeAfterDays !== undefined;

const onlyWhen = (condition: string | undefined, value: string) => (condition ? `CASE WHEN ${condition} THEN ${value} END` : value);

function isSimple(l: Leaf): boolean {
  return ['sum', 'count', 'count_distinct', 'min', 'max'].includes(l.form.agg);
}

function simpleAgg(d: Dialect, f: FactSql, l: Leaf, filter: string | undefined): string {
  const x = l.form.sql ? f.fragment(l.form.sql) : '1';
  const v = filter ? `CASE WHEN ${filter} THEN ${x} END` : x;
  switch (l.form.agg) {
    case 'sum':
      return `sum(${v})`;
    case 'count':
      return filter ? `count(${v})` : 'count(*)';
    case 'count_distinct':
      return d.countDistinct(v);
    case 'min':
      return `min(${v})`;
    case 'max':
      return `max(${v})`;
    default:
      throw new Error(`not a simple aggregation: ${l.form.agg}`);
  }
}

interface TwoLevelParts {
  keys: string[];
  aliases: string[];
  where: string[];
  groupBy: string;
  rawBucket: string | undefined;
  time: string;
  period: Period;
  ctx: RelationContext;
  measureCols: (values: Map<number, string>) => string[];
}

/** Aggregations that group by a key (buyer, SKU) first, then aggregate the keys. */
function twoLevel(input: BranchInput, f: FactSql, leaf: Leaf, p: TwoLevelParts): string {
  const { d, params } = input;
  const form = leaf.form;
  const key = f.fragment(form.key!);
  const x = form.sql ? f.fragment(form.sql) : '1';
  const n = p.keys.length;
  const innerGroup = ` GROUP BY ${[...p.keys.map((_, i) => i + 1), n + 1].join(', ')}`;
  const outerKeys = p.aliases.map((a) => `h.${a}`);
  const outerGroup = n > 0 ? ` GROUP BY ${outerKeys.join(', ')}` : '';
  let inner: string;
  let value: string;
  let tail = '';
  switch (form.agg) {
    case 'count_having':
      inner = `SELECT ${[...p.keys, `${key} AS k`].join(', ')}`;
      tail = `${innerGroup} HAVING ${form.count === 'sum' ? `sum(${x})` : d.countDistinct(x)} >= ${params.value(form.min ?? 2)}`;
      value = 'count(*)';
      break;
    case 'first_by_day':
    case 'last_by_day': {
      const pick = form.agg === 'first_by_day' ? d.argMin(x, p.time) : d.argMax(x, p.time);
      inner = `SELECT ${[...p.keys, `${key} AS k`, `${pick} AS v`].join(', ')}`;
      tail = innerGroup;
      value = 'sum(h.v)';
      break;
    }
    case 'abc_top_count': {
      const part = n > 0 ? `PARTITION BY ${outerKeys.join(', ')} ` : '';
      const keyed = `SELECT ${[...p.keys, `${key} AS k`, `sum(${x}) AS v`].join(', ')} ${f.from()}${whereOf(p.where, f)}${innerGroup}`;
      // A key is in the top share when the keys ranked above it hold less than the share.
      inner = `SELECT h.*, sum(h.v) OVER (${part}ORDER BY h.v DESC, h.k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - h.v AS before, sum(h.v) OVER (${part.trim()}) AS total FROM (${keyed}) h`;
      value = `count(CASE WHEN h.before < ${params.value(form.share ?? 0.7)} * h.total THEN 1 END)`;
      const select = [...outerKeys.map((k, i) => `${k} AS ${p.aliases[i]}`), ...p.measureCols(new Map([[leaf.col, value]]))].join(', ');
      return `SELECT ${select} FROM (${inner}) h${outerGroup}`;
    }
    case 'retained_distinct': {
      inner = `SELECT ${[...p.keys, `${key} AS k`, `${p.rawBucket ?? 'NULL'} AS rb`].join(', ')}`;
      tail = ` GROUP BY ${[...p.keys.map((_, i) => i + 1), n + 1, n + 2].join(', ')}`;
      const later = new FactSql(facts[form.fact], p.ctx);
      const laterKey = later.fragment(form.key!);
      const laterTime = later.time(form.time);
      const laterFilter = form.filter ? [later.fragment(form.filter)] : [];
      const window = input.grain
        ? `${laterTime} >= ${nextBucketSql(d, input.grain, 'h.rb', 1)} AND ${laterTime} < ${nextBucketSql(d, input.grain, 'h.rb', 2)}`
        : `${laterTime} > ${p.ctx.toDay} AND ${laterTime} <= ${d.addDays(p.ctx.toDay, String(p.period.range ? daysInRange(p.period.range) : 0))}`;
      const exists = `EXISTS (SELECT 1 ${later.from()} WHERE ${[`${laterKey} = h.k`, window, ...laterFilter, ...later.scopeWhere()].join(' AND ')})`;
      // Until the data has run through the whole next period, who comes back is not known.
      const whole = input.grain
        ? `${nextBucketSql(d, input.grain, 'max(h.rb)', 2)} <= ${d.addDays(observedThrough(p.ctx), '1')}`
        : p.period.range ? `${d.addDays(p.ctx.toDay, String(daysInRange(p.period.range)))} <= ${observedThrough(p.ctx)}` : 'FALSE';
      value = onlyWhen(whole, `count(CASE WHEN ${exists} THEN 1 END)`);
      break;
    }
    default:
      return assertUnreachable(form.agg as never, 'no SQL for aggregation');
  }
  const select = [...outerKeys.map((k, i) => `${k} AS ${p.aliases[i]}`), ...p.measureCols(new Map([[leaf.col, value]]))].join(', ');
  return `SELECT ${select} FROM (${inner} ${f.from()}${whereOf(p.where, f)}${tail}) h${outerGroup}`;
}

function whereOf(where: readonly string[], f: FactSql): string {
  const all = [...where, ...f.scopeWhere()];
  return all.length > 0 ? ` WHERE ${all.join(' AND ')}` : '';
}
