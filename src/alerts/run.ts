/**
 * One evaluation round, as the scheduler (cron, after each import) and `shoplens alerts eval`
 * run it: every enabled rule for one day, open alerts carried from the store, new alerts
 * explained, stored and sent — each only to the channels whose shop scope covers it.
 */
import type { Catalog, Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { loadCampaignDays } from './campaign-days.js';
import { alertContributors } from './contributors.js';
import { evaluateRule, ruleScope } from './engine.js';
import { isMuted, type AlertEvent } from './lifecycle.js';
import { entityNames } from './entity-names.js';
import { alertMessage, ruleMetricInfo } from './message.js';
import { createNotifiers, deliver, type ChannelConfig, type DeliveryLog, type DeliveryRecord, type KeySource, type RetryPolicy } from './notify/index.js';
import type { AlertStore } from './store.js';
import { metricRunner } from './source.js';
import { addDays } from '../core/time.js';

export interface AlertRunContext {
  readonly wh: Warehouse;
  readonly catalog: Catalog;
  readonly store: AlertStore;
  readonly keys: KeySource;
  readonly log?: DeliveryLog;
  readonly retry?: RetryPolicy;
  /** the scope of whoever runs it (the server: everything; a user: their shops) */
  readonly scope: Scope;
  readonly baseUrl?: string;
  readonly now?: Date;
}

export interface AlertRunSummary {
  readonly day: string;
  readonly opened: AlertEvent[];
  readonly resolved: AlertEvent[];
  readonly deliveries: DeliveryRecord[];
}

/** A channel may carry an alert only if it may see every shop the alert is about. */
export function channelCovers(c: ChannelConfig, shopIds: readonly string[]): boolean {
  if (c.shopIds === undefined) return true;
  const allowed = new Set(c.shopIds);
  return shopIds.every((s) => s !== '*' && allowed.has(s));
}

export async function runAlerts(ctx: AlertRunContext, day: string, options: { ruleIds?: readonly string[]; notify?: boolean } = {}): Promise<AlertRunSummary> {
  const now = ctx.now ?? new Date();
  const rules = (await ctx.store.listRules()).filter((r) => r.enabled && (!options.ruleIds || options.ruleIds.includes(r.id)));
  const channels = await ctx.store.listChannels();
  const campaignDays = await loadCampaignDays(ctx.wh, addDays(day, -400), day);
  const run = metricRunner(ctx.wh, ctx.catalog);
  const opened: AlertEvent[] = [];
  const resolved: AlertEvent[] = [];
  const deliveries: DeliveryRecord[] = [];
  for (const rule of rules) {
    const before = await ctx.store.listEvents({ ruleId: rule.id, openOnly: true });
    const out = await evaluateRule({ run, catalog: ctx.catalog, scope: ctx.scope, campaignDays }, rule, { from: day, to: day }, before);
    for (const ev of out.open) await ctx.store.putEvent(ev);
    for (const ev of out.resolved) await ctx.store.putEvent(ev);
    resolved.push(...out.resolved);
    for (const ev of out.opened) {
      ev.contributors = await alertContributors(ctx.wh, ctx.catalog, rule, ev, ruleScope(rule, ctx.scope)).catch(() => []);
      await ctx.store.putEvent(ev);
      opened.push(ev);
      if (options.notify === false || isMuted(ev, now)) continue;
      const targets = channels.filter((c) => rule.channels.includes(c.id) && channelCovers(c, ev.shopIds));
      if (targets.length === 0) continue;
      const names = await entityNames(ctx.wh, [ev]);
      const msg = alertMessage(ev, rule, ruleMetricInfo(ctx.catalog, rule), { names, ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}) });
      deliveries.push(...(await deliver(msg, createNotifiers(targets, ctx.keys), { ...(ctx.log ? { log: ctx.log } : {}), ...(ctx.retry ? { retry: ctx.retry } : {}) })));
    }
  }
  return { day, opened, resolved, deliveries };
}
