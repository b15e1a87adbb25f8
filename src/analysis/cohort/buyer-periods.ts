/**
 * The buyer × period relation cohorts and repurchase rates are built on: one row per known
 * buyer and month (or ISO week) with a paid order, as (period, cohort, k, orders, amount,
 * next) — the buyer's first period (earlier history counts: a buyer is new only once), the
 * periods since it, and whether the buyer paid again in the following period.
 *
 * Whole months are read straight from rollup_buyers_monthly, which keeps the first month and
 * the next-month flag per row, so the matrix is a GROUP BY over one table. Weeks, or a period
 * cut mid-month, group the buyer-day rollup into a temp table and join it to itself.
 */
import { addDays } from '../../core/time.js';
import type { Warehouse } from '../../warehouse/index.js';
import { knownBuyers } from '../buyer-rollups.js';
import { Params, type ShopScope } from '../sql.js';
import { withTempTable } from '../temp-table.js';

export type Grain = 'month' | 'week';

/** A Monday long before any shop's data: week indexes count from it. */
const EPOCH_MONDAY = '2000-01-03';

export function periodIndexSql(wh: Warehouse, grain: Grain, dayExpr: string): string {
  const d = wh.dialect;
  return grain === 'month'
    ? d.monthsBetween(`DATE '${EPOCH_MONDAY.slice(0, 8)}01'`, d.monthStart(dayExpr))
    : `CAST(${d.daysBetween(`DATE '${EPOCH_MONDAY}'`, d.weekStart(dayExpr))} / 7 AS INTEGER)`;
}

/** The relation as SQL; call it once per statement so each statement numbers its own placeholders. */
export type BuyerPeriods = (p: Params) => string;

export async function withBuyerPeriods<T>(
  wh: Warehouse, grain: Grain, scope: ShopScope | undefined, to: string | undefined, fn: (rel: BuyerPeriods) => Promise<T>,
): Promise<T> {
  const d = wh.dialect;
  const wholeMonths = grain === 'month' && (to === undefined || addDays(to, 1).endsWith('-01'));
  if (wholeMonths) {
    return fn((p) => `SELECT m.month AS period, m.first_month AS cohort, ${d.monthsBetween('m.first_month', 'm.month')} AS k,
        m.orders, m.paid_amount AS amount, m.next_month AS next
      FROM rollup_buyers_monthly m WHERE ${p.scope(scope, 'm.shop_id')} AND ${p.days('m.month', undefined, to)}`);
  }
  const p = new Params(wh);
  const start = (e: string) => (grain === 'month' ? d.monthStart(e) : d.weekStart(e));
  const grouped = `SELECT buyer_no, ${periodIndexSql(wh, grain, 'day')} AS pi, min(${start('day')}) AS period, sum(orders) AS orders, sum(paid_amount) AS amount
    FROM rollup_buyers_daily WHERE ${p.scope(scope)} AND ${p.days('day', undefined, to)} GROUP BY buyer_no, pi`;
  const select = `SELECT g.buyer_no, g.pi, g.period, ${start('k.first_day')} AS cohort, g.pi - ${periodIndexSql(wh, grain, 'k.first_day')} AS k, g.orders, g.amount
    FROM (${grouped}) g JOIN rollup_buyer_keys k ON k.buyer_no = g.buyer_no WHERE ${knownBuyers(p, scope)}`;
  return withTempTable(wh, 'cohort', select, p.values, (t) =>
    fn(() => `SELECT b.period, b.cohort, b.k, b.orders, b.amount, nx.buyer_no IS NOT NULL AS next
      FROM ${t} b LEFT JOIN ${t} nx ON nx.buyer_no = b.buyer_no AND nx.pi = b.pi + 1`));
}
