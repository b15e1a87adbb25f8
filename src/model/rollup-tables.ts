/**
 * Daily rollups the metric layer keeps fresh from data_changes (src/metrics/rollups/), so an
 * overview reads thousands of rows instead of millions. They hold exactly what the base tables
 * give: a missing source is stored as '' (read back as null). Derived data: never loaded directly.
 */
import { bigint, bool, day, int, money, float, str, ts } from './columns.js';
import { defineTable } from './table.js';

export const rollupState = defineTable({
  name: 'rollup_state',
  grain: 'one row: how far the rollups are refreshed',
  key: ['id'],
  columns: {
    id: int('always 1'),
    change_id: int('last data_changes.change_id applied'),
    orders_rows: bigint('orders row count at the refresh (catches loads that did not record a change)'),
    lines_rows: bigint('order_lines row count at the refresh'),
    refreshed_at: ts('when, UTC'),
    // Columns added after version 1 are nullable (DuckDB adds no NOT NULL column); a store
    // migrated from version 1 has a null version here, so its first refresh rebuilds.
    version: int('version of the rollup definitions the rows were built with').nullable().addedIn(2),
  },
});

export const rollupOrdersDaily = defineTable({
  name: 'rollup_orders_daily',
  grain: 'paid orders per shop, paid day and source',
  key: ['shop_id', 'day', 'source'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('paid day'),
    source: str('order source, empty text when unknown'),
    paid_orders: bigint('paid orders'),
    paid_amount: money('paid amount, fen'),
    shipped_orders: bigint('paid orders shipped'),
    shipped_24h_orders: bigint('paid orders shipped within 24 h of payment'),
    ship_hours_total: float('hours from payment to shipping, summed over shipped orders'),
  },
});

export const rollupOrdersCreatedDaily = defineTable({
  name: 'rollup_orders_created_daily',
  grain: 'orders per shop, created day and source (GMV)',
  key: ['shop_id', 'day', 'source'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('created day'),
    source: str('order source, empty text when unknown'),
    gmv: money('order totals, fen'),
  },
});

export const rollupLinesDaily = defineTable({
  name: 'rollup_lines_daily',
  grain: 'paid order lines per shop, paid day, SKU and source',
  key: ['shop_id', 'day', 'sku_id', 'source'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('paid day'),
    sku_id: str('SKU'),
    source: str('order source, empty text when unknown'),
    qty: bigint('units'),
    paid_amount: money('line paid amounts, fen'),
    cogs: money('units × unit cost, fen'),
  },
});

/**
 * One row per buyer with the whole-history summary buyer analyses start from (RFM, LTV, the
 * first-to-second purchase interval), so they read one integer-keyed row per buyer.
 */
export const rollupBuyerKeys = defineTable({
  name: 'rollup_buyer_keys',
  grain: 'one row per buyer of a shop (each Pinduoduo order is its own buyer)',
  key: ['buyer_no'],
  columns: {
    shop_id: str('shop'),
    buyer: str('buyer key, unique across shops'),
    buyer_no: bigint('dense number of the buyer, so distinct counts compare integers'),
    first_day: day('first paid day'),
    customer_id: str('the buyer id; null when the platform hides the buyer (each order its own buyer)').nullable().addedIn(2),
    last_day: day('last paid day').nullable().addedIn(2),
    second_day: day('first paid day after first_day; null for one-day buyers').nullable().addedIn(2),
    orders: bigint('paid orders').nullable().addedIn(2),
    paid_days: bigint('distinct paid days').nullable().addedIn(2),
    paid_amount: money('paid amount, fen').nullable().addedIn(2),
    first_day_amount: money('paid amount of the first paid day, fen').nullable().addedIn(2),
    // Buyer analyses filter on this flag, not on customer_id: a BOOLEAN scans far faster than text.
    known: bool('the platform shows the buyer (false: each order its own buyer, as on Pinduoduo)').nullable().addedIn(3),
  },
});

export const rollupBuyersDaily = defineTable({
  name: 'rollup_buyers_daily',
  grain: 'paid orders per shop, paid day, source and buyer',
  key: ['shop_id', 'day', 'source', 'buyer_no'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('paid day'),
    source: str('order source, empty text when unknown'),
    buyer_no: bigint('buyer (rollup_buyer_keys)'),
    orders: bigint('paid orders'),
    paid_amount: money('paid amount, fen').nullable().addedIn(2),
  },
});

/**
 * Monthly cohorts as group-bys over one table: each row carries the buyer's first paid month
 * and whether the buyer paid again the month after, both maintained per touched buyer.
 */
export const rollupBuyersMonthly = defineTable({
  name: 'rollup_buyers_monthly',
  grain: 'paid orders per buyer with a known id and paid month',
  key: ['buyer_no', 'month'],
  since: 2,
  columns: {
    shop_id: str('shop'),
    month: day('first day of the paid month'),
    buyer_no: bigint('buyer (rollup_buyer_keys); buyers the platform hides are left out'),
    first_month: day("first day of the buyer's first paid month"),
    orders: bigint('paid orders'),
    paid_amount: money('paid amount, fen'),
    next_month: bool('the buyer also paid in the following month'),
  },
});

export const rollupTables = [rollupState, rollupOrdersDaily, rollupOrdersCreatedDaily, rollupLinesDaily, rollupBuyerKeys, rollupBuyersDaily, rollupBuyersMonthly] as const;
