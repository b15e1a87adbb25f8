/**
 * What a rule saw of one alert's entity, day by day: the value it judged, the baseline it
 * judged it against and whether that day breached. The same series and the same check as the
 * evaluation (engine.ts), narrowed to the entity, so the chart of an alert agrees with the
 * message that announced it: on the day it opened the point is the alert's own value.
 */
import { addDays } from '../core/time.js';
import type { Catalog, Scope } from '../metrics/index.js';
import { loadCampaignDays } from './campaign-days.js';
import { checkCondition } from './detect/check.js';
import { lookback, loadRuleSeries, type MetricRunner } from './source.js';
import { ruleScope } from './engine.js';
import type { AlertEvent } from './lifecycle.js';
import type { AlertRule } from './rules/schema.js';
import type { Warehouse } from '../warehouse/index.js';

export interface HistoryPoint {
  /** the day evaluated (as alerts are dated) */
  readonly day: string;
  /** the last day of the window judged that day (earlier than `day` by the rule's lag) */
  readonly judged: string;
  readonly value: number | null;
  readonly baseline: number | null;
  readonly breached: boolean;
  /** a campaign day the rule skips: not judged */
  readonly skipped?: true;
}

/** Days shown around an alert: four weeks before it opened, and a week past its last breach (or until it recovered), never past `today`. */
export function historySpan(ev: AlertEvent, today: string): { from: string; to: string } {
  const last = ev.resolvedDay && ev.resolvedDay > ev.lastBreachDay ? ev.resolvedDay : addDays(ev.lastBreachDay, 7);
  const to = last < today ? last : today;
  return { from: addDays(ev.openedDay, -27), to: to < ev.openedDay ? ev.openedDay : to };
}

export async function alertHistory(
  wh: Warehouse, run: MetricRunner, catalog: Catalog, rule: AlertRule, ev: AlertEvent, span: { from: string; to: string }, reader: Scope,
): Promise<HistoryPoint[]> {
  // the entity's own values: its dimension values become filters, so one entity is loaded, not all
  const entityFilters = Object.fromEntries(Object.entries(ev.entity).map(([d, v]) => [d, [v]]));
  const narrowed: AlertRule = { ...rule, filters: { ...rule.filters, ...entityFilters } };
  const lag = (d: string) => addDays(d, -rule.lagDays);
  const series = await loadRuleSeries(run, catalog, narrowed, { from: lag(span.from), to: lag(span.to) }, ruleScope(rule, reader));
  const s = series.find((x) => x.key === ev.entityKey);
  const campaignDays = rule.skipCampaignDays ? await loadCampaignDays(wh, addDays(lag(span.from), -lookback(rule)), lag(span.to)) : new Set<string>();
  const skip = (d: string) => campaignDays.has(d);
  const out: HistoryPoint[] = [];
  for (let day = span.from; day <= span.to; day = addDays(day, 1)) {
    const judged = lag(day);
    if (skip(judged)) { out.push({ day, judged, value: s?.points.get(judged)?.value ?? null, baseline: null, breached: false, skipped: true }); continue; }
    if (!s || !s.points.has(judged)) { out.push({ day, judged, value: null, baseline: null, breached: false }); continue; }
    const c = checkCondition(rule, s, judged, skip);
    out.push({ day, judged, value: c.value, baseline: c.baseline, breached: c.breached });
  }
  return out;
}
