/**
 * Runs rules over a span of business days, as if evaluated once on each day: load the rule's
 * series once, judge each entity on each day, and advance the open alerts. The scheduler calls
 * it for one day (today) with the open alerts from the store; a backtest calls it for months
 * with none. Both go through this one path.
 */
import { shiftDay as addDays } from './days.js';
import type { Catalog } from '../metrics/catalog/load.js';
import type { Scope } from '../metrics/query.js';
import { checkCondition } from './detect/check.js';
import { advance, type AlertEvent, type DayResult } from './lifecycle.js';
import type { AlertRule } from './rules/schema.js';
import { loadRuleSeries, type MetricRunner } from './source.js';

export interface EngineContext {
  readonly run: MetricRunner;
  readonly catalog: Catalog;
  /** the reader's scope (the rule owner's, intersected with the recipients' by the caller) */
  readonly scope: Scope;
  /** campaign days, for rules that skip them */
  readonly campaignDays?: ReadonlySet<string>;
}

export interface RuleOutcome {
  readonly rule: AlertRule;
  /** alerts opened in the span, in day order */
  readonly opened: AlertEvent[];
  /** alerts that recovered in the span */
  readonly resolved: AlertEvent[];
  /** still open at the end of the span */
  readonly open: AlertEvent[];
}

/** Intersection of two scopes; 'all' is the identity. */
export function intersectScopes(a: Scope, b: Scope): Scope {
  if (a.shopIds === 'all') return b;
  if (b.shopIds === 'all') return a;
  const keep = new Set(b.shopIds);
  return { shopIds: a.shopIds.filter((s) => keep.has(s)) };
}

export function ruleScope(rule: AlertRule, reader: Scope): Scope {
  return intersectScopes(reader, rule.ownerShopIds ? { shopIds: rule.ownerShopIds } : { shopIds: 'all' });
}

export async function evaluateRule(
  ctx: EngineContext,
  rule: AlertRule,
  span: { from: string; to: string },
  openBefore: readonly AlertEvent[] = [],
): Promise<RuleOutcome> {
  const scope = ruleScope(rule, ctx.scope);
  // with a lag, the day evaluated judges the window that ended `lagDays` earlier
  const lag = (d: string) => addDays(d, -rule.lagDays);
  const series = await loadRuleSeries(ctx.run, ctx.catalog, rule, { from: lag(span.from), to: lag(span.to) }, scope);
  const skip = (d: string) => rule.skipCampaignDays && (ctx.campaignDays?.has(d) ?? false);
  const open = new Map(openBefore.map((e) => [e.entityKey, { ...e }]));
  const streak = new Map<string, number>();
  const opened: AlertEvent[] = [];
  const resolved: AlertEvent[] = [];
  const shopsOf = (entity: Readonly<Record<string, string>>): string[] =>
    entity.shop !== undefined ? [entity.shop] : scope.shopIds === 'all' ? ['*'] : [...scope.shopIds];
  // warm-up days only build the consecutive-breach streaks
  const warm = addDays(span.from, -(rule.consecutiveDays - 1));
  for (let day = warm; day <= span.to; day = addDays(day, 1)) {
    const judged = lag(day);
    if (skip(judged)) continue;
    const results: DayResult[] = [];
    for (const s of series) {
      if (!s.points.has(judged)) continue;
      const check = checkCondition(rule, s, judged, skip);
      const n = check.breached ? (streak.get(s.key) ?? 0) + 1 : 0;
      streak.set(s.key, n);
      results.push({ entityKey: s.key, entity: s.entity, check, sustained: n >= rule.consecutiveDays, shopIds: shopsOf(s.entity) });
    }
    if (day < span.from) continue;
    const t = advance(rule, open, results, day, (key) => `${rule.id}:${key}:${day}`);
    opened.push(...t.opened);
    resolved.push(...t.resolved);
  }
  return { rule, opened, resolved, open: [...open.values()] };
}
