/**
 * Cost, profit and settlement metrics are for finance and the owner by default. A metric is
 * "finance" when it is named here or when its expression reads a finance column (unit cost,
 * expenses, settlements), so a user-defined metric over unit_cost is covered without a list.
 */
import type { Principal } from './principal.js';

export const financeMetricIds: ReadonlySet<string> = new Set([
  'gross_profit', 'gross_margin', 'net_profit', 'net_margin', 'cogs', 'settlement_rate', 'settlement_amount',
  'settlement_gap', 'inventory_turnover_days', 'inventory_value', 'expense_total', 'contribution_margin',
]);

/** Columns and tables whose use makes a metric a finance metric. */
export const financeColumns: ReadonlySet<string> = new Set(['unit_cost', 'cost_amount', 'cogs', 'stock_value']);
export const financeTables: ReadonlySet<string> = new Set(['settlements', 'expenses', 'purchases']);

export interface MetricRef {
  readonly id: string;
  /** columns the compiled expression reads, when the caller knows them */
  readonly columns?: readonly string[];
  readonly tables?: readonly string[];
}

export function isFinanceMetric(metric: string | MetricRef): boolean {
  const m = typeof metric === 'string' ? { id: metric } : metric;
  if (financeMetricIds.has(m.id)) return true;
  if (m.columns?.some((c) => financeColumns.has(c.replace(/^.*\./, '')))) return true;
  return m.tables?.some((t) => financeTables.has(t)) ?? false;
}

export function canSeeMetric(principal: Principal, metric: string | MetricRef): boolean {
  if (!principal.permissions.has('metrics:read')) return false;
  return !isFinanceMetric(metric) || principal.permissions.has('metrics:finance');
}
