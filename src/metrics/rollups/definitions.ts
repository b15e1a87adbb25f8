/**
 * How each rollup is computed from the base tables, for the rows a change touched
 * (`where` restricts shop and day). Pure SQL text from the dialect's helpers.
 */
import type { Dialect } from '../../warehouse/index.js';
import { buyerKey } from '../facts/index.js';

export interface Slice {
  /** SQL condition on the base alias's shop and day columns, with bound placeholders */
  where: (shopCol: string, dayCol: string) => string;
}

/** Day-grained rollups: refreshed by deleting and recomputing the changed shop × day slice. */
export const dailyRollups: readonly { table: string; select: (d: Dialect, s: Slice) => string }[] = [
  {
    table: 'rollup_orders_daily',
    select: (d, s) => {
      const hours = d.hoursBetween('o.paid_at', 'o.shipped_at');
      return `SELECT o.shop_id, o.paid_day, coalesce(o.source, ''), count(*), sum(o.paid_amount), count(o.shipped_at),` +
        ` count(CASE WHEN o.shipped_at IS NOT NULL AND ${hours} <= 24 THEN 1 END), coalesce(sum(CASE WHEN o.shipped_at IS NOT NULL THEN ${hours} END), 0)` +
        ` FROM orders o WHERE o.paid_day IS NOT NULL AND ${s.where('o.shop_id', 'o.paid_day')} GROUP BY 1, 2, 3`;
    },
  },
  {
    table: 'rollup_orders_created_daily',
    select: (_d, s) =>
      `SELECT o.shop_id, o.created_day, coalesce(o.source, ''), sum(o.order_total) FROM orders o WHERE ${s.where('o.shop_id', 'o.created_day')} GROUP BY 1, 2, 3`,
  },
  {
    table: 'rollup_lines_daily',
    select: (_d, s) =>
      `SELECT l.shop_id, l.paid_day, l.sku_id, coalesce(o.source, ''), sum(l.qty), sum(l.paid_amount), sum(l.qty * coalesce(p.unit_cost, 0))` +
      ` FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id` +
      ` LEFT JOIN products p ON p.shop_id = l.shop_id AND p.sku_id = l.sku_id` +
      ` WHERE l.paid_day IS NOT NULL AND ${s.where('l.shop_id', 'l.paid_day')} GROUP BY 1, 2, 3, 4`,
  },
];

/**
 * Buyer rollups depend on every day of a buyer's history (first paid day), so a change
 * rebuilds them for the shops it touched, in one pass over orders: buyers per shop, day and
 * source with a dense buyer number continuing after the highest in use; the keys (with the
 * first paid day) come from that same pass.
 */
export function buyerRowsTemp(d: Dialect, shopWhere: (col: string) => string): string {
  return `CREATE TEMP TABLE rollup_buyer_rows AS SELECT shop_id, day, source, buyer, n,` +
    ` (SELECT coalesce(max(buyer_no), 0) FROM rollup_buyer_keys) + dense_rank() OVER (ORDER BY shop_id, buyer) AS buyer_no` +
    ` FROM (SELECT o.shop_id, o.paid_day AS day, coalesce(o.source, '') AS source, ${buyerKey(d, 'o')} AS buyer, count(*) AS n` +
    ` FROM orders o WHERE o.paid_day IS NOT NULL AND ${shopWhere('o.shop_id')} GROUP BY 1, 2, 3, 4) g`;
}

export const buyerKeysFromTemp = 'INSERT INTO rollup_buyer_keys SELECT shop_id, buyer, buyer_no, min(day) FROM rollup_buyer_rows GROUP BY 1, 2, 3';
export const buyersDailyFromTemp = 'INSERT INTO rollup_buyers_daily SELECT shop_id, day, source, buyer_no, n FROM rollup_buyer_rows';
