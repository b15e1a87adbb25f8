/**
 * Rollup tables as facts: the same measures at a coarser grain. Forms on these facts come
 * first in the catalog; the compiler falls back to the base facts when a query needs a
 * dimension a rollup does not keep (campaign, province, member tier …).
 */
import { categoryDims, col, productsJoin, shopsJoin, type FactDef } from './types.js';

const dims = (a: string) => ({ platform: col('s.platform', 's'), shop: col(`${a}.shop_id`), source: col(`NULLIF(${a}.source, '')`) });

export const ordersDailyFact: FactDef = {
  name: 'orders_daily',
  alias: 'ro',
  rollup: true,
  doc: 'rollup_orders_daily: paid orders per shop, day, source',
  from: () => 'rollup_orders_daily ro',
  joins: { s: shopsJoin('ro') },
  columns: {
    paid_orders: col('ro.paid_orders'), paid_amount: col('ro.paid_amount'), shipped_orders: col('ro.shipped_orders'),
    shipped_24h_orders: col('ro.shipped_24h_orders'), ship_hours_total: col('ro.ship_hours_total'),
  },
  dims: dims('ro'),
  times: { default: col('ro.day') },
};

export const ordersCreatedDailyFact: FactDef = {
  name: 'orders_created_daily',
  alias: 'rc',
  rollup: true,
  doc: 'rollup_orders_created_daily: order totals per shop, created day, source',
  from: () => 'rollup_orders_created_daily rc',
  joins: { s: shopsJoin('rc') },
  columns: { gmv: col('rc.gmv') },
  dims: dims('rc'),
  times: { default: col('rc.day') },
};

export const linesDailyFact: FactDef = {
  name: 'lines_daily',
  alias: 'rl',
  rollup: true,
  doc: 'rollup_lines_daily: paid lines per shop, day, SKU, source',
  from: () => 'rollup_lines_daily rl',
  joins: { s: shopsJoin('rl'), p: productsJoin('rl') },
  columns: {
    qty: col('rl.qty'), paid_amount: col('rl.paid_amount'), cogs: col('rl.cogs'),
    sku_key: col((c) => c.d.concat(['rl.shop_id', `'|'`, 'rl.sku_id'])),
  },
  dims: { ...dims('rl'), sku: col('rl.sku_id'), ...categoryDims },
  times: { default: col('rl.day') },
};

export const buyersDailyFact: FactDef = {
  name: 'buyers_daily',
  alias: 'rb',
  rollup: true,
  doc: 'rollup_buyers_daily: paid orders per shop, day, source and buyer number',
  from: () => 'rollup_buyers_daily rb',
  joins: { s: shopsJoin('rb') },
  columns: { buyer_no: col('rb.buyer_no'), orders: col('rb.orders') },
  dims: dims('rb'),
  times: { default: col('rb.day') },
};

export const buyerKeysFact: FactDef = {
  name: 'buyer_keys',
  alias: 'bk',
  rollup: true,
  doc: 'rollup_buyer_keys: one row per buyer with the first paid day',
  from: () => 'rollup_buyer_keys bk',
  joins: { s: shopsJoin('bk') },
  columns: { buyer_no: col('bk.buyer_no') },
  dims: { platform: col('s.platform', 's'), shop: col('bk.shop_id') },
  times: { default: col('bk.first_day') },
};
