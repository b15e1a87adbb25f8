/**
 * How each rollup is computed from the base tables, for the rows a change touched
 * (`where` restricts shop and day). Pure SQL text from the dialect's helpers.
 */
import type { Dialect } from '../../warehouse/index.js';

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
