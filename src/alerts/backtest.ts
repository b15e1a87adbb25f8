/**
 * `shoplens alerts backtest`: the enabled rules evaluated over past days as if run on each day,
 * with no open alerts at the start; nothing is stored or sent. Same engine as live runs.
 */
import { addDays } from '../core/time.js';
import type { Catalog, Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { loadCampaignDays } from './campaign-days.js';
import { evaluateRule } from './engine.js';
import type { AlertEvent } from './lifecycle.js';
import type { AlertRule } from './rules/schema.js';
import { metricRunner } from './source.js';

export interface BacktestResult {
  readonly from: string;
  readonly to: string;
  readonly rules: { readonly id: string; readonly opened: number }[];
  /** alerts the rules would have raised, in day order */
  readonly alerts: AlertEvent[];
}

export async function backtest(wh: Warehouse, catalog: Catalog, rules: readonly AlertRule[], range: { from: string; to: string }, scope: Scope): Promise<BacktestResult> {
  const campaignDays = await loadCampaignDays(wh, addDays(range.from, -400), range.to);
  const ctx = { run: metricRunner(wh, catalog), catalog, scope, campaignDays };
  const alerts: AlertEvent[] = [];
  const summary: { id: string; opened: number }[] = [];
  for (const rule of rules.filter((r) => r.enabled)) {
    const out = await evaluateRule(ctx, rule, range);
    summary.push({ id: rule.id, opened: out.opened.length });
    alerts.push(...out.opened);
  }
  alerts.sort((a, b) => a.openedDay.localeCompare(b.openedDay) || a.ruleId.localeCompare(b.ruleId) || a.entityKey.localeCompare(b.entityKey));
  return { from: range.from, to: range.to, rules: summary, alerts };
}
