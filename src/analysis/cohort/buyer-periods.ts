/**
 * The buyer × period table cohorts and repurchase rates are built on: one row per buyer and
 * month (or ISO week) with a paid order, carrying the period's index on a fixed scale so
 * "the next period" is index + 1 and "periods since first purchase" is a subtraction —
 * equality joins and GROUP BY only, which every engine (ClickHouse 18.16 included) runs.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { buyerOrdersSql, Params, type ShopScope } from '../sql.js';

export type Grain = 'month' | 'week';

/** A Monday long before any shop's data: week indexes count from it. */
const EPOCH_MONDAY = '2000-01-03';

export function periodIndexSql(wh: Warehouse, grain: Grain, dayExpr: string): string {
  const d = wh.dialect;
  return grain === 'month'
    ? d.monthsBetween(`DATE '${EPOCH_MONDAY.slice(0, 8)}01'`, d.monthStart(dayExpr))
    : `CAST(${d.daysBetween(`DATE '${EPOCH_MONDAY}'`, d.weekStart(dayExpr))} / 7 AS INTEGER)`;
}

/**
 * SELECT of (shop_id, customer_id, pi, period, orders, amount, first_pi): `first_pi` is the
 * buyer's first paid period up to `to` (earlier history counts: a buyer is new only once).
 */
export function buyerPeriodsSql(wh: Warehouse, p: Params, grain: Grain, scope: ShopScope | undefined, to?: string): string {
  const d = wh.dialect;
  const start = grain === 'month' ? d.monthStart('paid_day') : d.weekStart('paid_day');
  const perPeriod = `SELECT shop_id, customer_id, ${periodIndexSql(wh, grain, 'paid_day')} AS pi, min(${start}) AS period,
      count(*) AS orders, sum(paid_amount) AS amount FROM (${buyerOrdersSql(p, scope, undefined, to)}) o
    GROUP BY shop_id, customer_id, pi`;
  return `SELECT bp.shop_id, bp.customer_id, bp.pi, bp.period, bp.orders, bp.amount, f.first_pi FROM (${perPeriod}) bp
    JOIN (SELECT shop_id, customer_id, min(pi) AS first_pi FROM (${perPeriod}) x GROUP BY shop_id, customer_id) f
      ON f.shop_id = bp.shop_id AND f.customer_id = bp.customer_id`;
}
