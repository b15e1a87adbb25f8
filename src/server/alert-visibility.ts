/**
 * An alert's figures are its rule's metric (and `per`): the metric rule of metric-visibility.ts
 * holds for them too. A reader who may not see a rule's metric (operations and 负毛利 or 回款异常,
 * which read cost and settlements) may not save or backtest such a rule, and sees its alerts
 * fire without their figures.
 */
import { AuthErrors } from '../auth/errors.js';
import type { Principal } from '../auth/principal.js';
import type { AlertEvent } from '../alerts/lifecycle.js';
import type { AlertRule } from '../alerts/rules/schema.js';
import { fail } from '../core/errors.js';
import type { Catalog } from '../metrics/index.js';
import { visibleId } from './metric-visibility.js';

type RuleMetrics = Pick<AlertRule, 'metric' | 'per'>;

export function mayReadRule(principal: Principal, catalog: Catalog, rule: RuleMetrics): boolean {
  return visibleId(principal, catalog, rule.metric) && (rule.per === undefined || visibleId(principal, catalog, rule.per));
}

export function assertMayReadRule(principal: Principal, catalog: Catalog, rule: RuleMetrics): void {
  if (!mayReadRule(principal, catalog, rule)) fail(AuthErrors.AUTH_FORBIDDEN, { permission: 'metrics:finance' });
}

export type ReaderAlert = AlertEvent | (Omit<AlertEvent, 'value' | 'baseline' | 'deltaRatio' | 'peakValue' | 'contributors' | 'z'> & {
  value: null; baseline: null; deltaRatio: null; peakValue: null; withheld: 'metrics:finance';
});

/**
 * The alert as this reader may see it. `rule` is undefined when the rule is gone: the event's
 * own metric is judged then.
 */
export function alertForReader(principal: Principal, catalog: Catalog, ev: AlertEvent, rule: RuleMetrics | undefined): ReaderAlert {
  if (mayReadRule(principal, catalog, rule ?? { metric: ev.metric })) return ev;
  const { contributors: _c, z: _z, ...rest } = ev;
  return { ...rest, value: null, baseline: null, deltaRatio: null, peakValue: null, withheld: 'metrics:finance' };
}
