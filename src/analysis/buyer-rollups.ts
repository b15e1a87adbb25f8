/**
 * Buyer analyses read the buyer rollups (src/metrics/rollups), integer-keyed by buyer_no, not
 * the raw orders grouped by (shop_id, customer_id) text. The caliber is the same as
 * `buyerOrdersSql`: paid orders by paid_day, buyers are (shop, customer_id), and buyers the
 * platform hides (Pinduoduo: every order its own buyer, `known` false in rollup_buyer_keys)
 * are left out and counted for the note. Every read carries the scope on its own shop_id column.
 */
import { refreshRollups } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { Params, type ShopScope } from './sql.js';

/** Brings the rollups up to date (nothing to do, and no write, when they already are). */
export async function ensureBuyerRollups(wh: Warehouse): Promise<void> {
  await refreshRollups(wh);
}

/** Condition on rollup_buyer_keys (alias `k`): known buyers in scope. */
export function knownBuyers(p: Params, scope: ShopScope | undefined, k = 'k'): string {
  return `${k}.known AND ${p.scope(scope, `${k}.shop_id`)}`;
}

/** Paid orders in scope whose buyer is hidden (each its own buyer): left out of buyer analyses, said so in a note. */
export async function hiddenBuyerOrders(wh: Warehouse, scope: ShopScope | undefined, from?: string, to?: string): Promise<number> {
  const p = new Params(wh);
  const sql = !from && !to
    ? `SELECT sum(k.orders) AS n FROM rollup_buyer_keys k WHERE NOT k.known AND ${p.scope(scope, 'k.shop_id')}`
    : `SELECT sum(d.orders) AS n FROM rollup_buyers_daily d JOIN rollup_buyer_keys k ON k.buyer_no = d.buyer_no
        WHERE NOT k.known AND ${p.scope(scope, 'd.shop_id')} AND ${p.days('d.day', from, to)}`;
  const [row] = await wh.query<{ n: bigint | null }>(sql, p.values);
  return Number(row?.n ?? 0n);
}

/**
 * SELECT of (buyer_no, day, orders, amount): a buyer's paid orders per paid day in the range,
 * from rollup_buyers_daily (one row per source there). Hidden buyers are still in: callers
 * join rollup_buyer_keys with `knownBuyers` once they have grouped.
 */
export function buyerDaysSql(p: Params, scope: ShopScope | undefined, from?: string, to?: string): string {
  return `SELECT buyer_no, day, sum(orders) AS orders, sum(paid_amount) AS amount FROM rollup_buyers_daily
    WHERE ${p.scope(scope)} AND ${p.days('day', from, to)} GROUP BY buyer_no, day`;
}
