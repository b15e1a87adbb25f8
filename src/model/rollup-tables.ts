/**
 * Daily rollups the metric layer keeps fresh from data_changes (src/metrics/rollups/), so an
 * overview reads thousands of rows instead of millions. They hold exactly what the base tables
 * give: a missing source is stored as '' (read back as null). Derived data: never loaded directly.
 */
import { bigint, day, int, money, float, str, ts } from './columns.js';
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

export const rollupBuyerKeys = defineTable({
  name: 'rollup_buyer_keys',
  grain: 'one row per buyer of a shop (each Pinduoduo order is its own buyer)',
  key: ['buyer_no'],
  columns: {
    shop_id: str('shop'),
    buyer: str('buyer key, unique across shops'),
    buyer_no: bigint('dense number of the buyer, so distinct counts compare integers'),
    first_day: day('first paid day'),
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
  },
});

export const rollupTables = [rollupState, rollupOrdersDaily, rollupOrdersCreatedDaily, rollupLinesDaily, rollupBuyerKeys, rollupBuyersDaily] as const;
