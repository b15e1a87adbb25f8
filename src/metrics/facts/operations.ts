/** Facts of running the shops: traffic, ads, expenses, stock, service, live streams, market. */
import { categoryDims, col, productsJoin, shopsJoin, type FactDef, type RelationContext } from './types.js';

const shopDims = (a: string) => ({ platform: col('s.platform', 's'), shop: col(`${a}.shop_id`) });

export const trafficFact: FactDef = {
  name: 'traffic',
  alias: 't',
  doc: 'traffic rows as the platform reports them; shop-level rows have an empty sku_id',
  from: () => `traffic_daily t`,
  joins: { s: shopsJoin('t'), p: productsJoin('t') },
  columns: {
    visitors: col('t.visitors'), page_views: col('t.page_views'), bounced_visitors: col('t.bounced_visitors'),
    add_to_cart_users: col('t.add_to_cart_users'), favourites: col('t.favourites'), sku_id: col('t.sku_id'),
  },
  dims: { ...shopDims('t'), source: col('t.source'), sku: col(`NULLIF(t.sku_id, '')`), ...categoryDims },
  times: { default: col('t.day') },
};

export const adsFact: FactDef = {
  name: 'ads',
  alias: 'a',
  doc: 'ad spend per shop, day, channel and ad campaign',
  from: () => `ad_spend_daily a`,
  joins: { s: shopsJoin('a') },
  columns: {
    cost: col('a.cost'), impressions: col('a.impressions'), clicks: col('a.clicks'),
    attributed_orders: col('a.attributed_orders'), attributed_gmv: col('a.attributed_gmv'),
  },
  dims: { ...shopDims('a'), channel: col('a.channel'), ad_campaign: col('a.campaign') },
  times: { default: col('a.day') },
};

export const expensesFact: FactDef = {
  name: 'expenses',
  alias: 'e',
  doc: 'expenses per shop, day and kind',
  from: () => `expenses e`,
  joins: { s: shopsJoin('e') },
  columns: { amount: col('e.amount'), kind: col('e.kind') },
  dims: { ...shopDims('e'), expense_kind: col('e.kind') },
  times: { default: col('e.day') },
};

/**
 * Stock per shop, SKU and day (warehouses summed first, so the per-SKU sales look-backs
 * below are not repeated once per warehouse).
 */
const stockSql = (c: RelationContext) =>
  `(SELECT shop_id, sku_id, day, sum(on_hand) AS on_hand, sum(available) AS available, sum(on_hand * unit_cost) AS stock_value` +
  ` FROM inventory_daily WHERE TRUE${c.scope('inventory_daily')} GROUP BY 1, 2, 3)`;

const unitsSoldBefore = (c: RelationContext, days: number) =>
  `(SELECT coalesce(sum(l2.qty), 0) FROM order_lines l2 WHERE l2.shop_id = i.shop_id AND l2.sku_id = i.sku_id` +
  ` AND l2.paid_day BETWEEN ${c.d.addDays('i.day', String(1 - days))} AND i.day)`;

export const inventoryFact: FactDef = {
  name: 'inventory',
  alias: 'i',
  doc: 'end-of-day stock per shop, SKU and day, with units sold in the trailing 14 and 30 days',
  from: (c) => `${stockSql(c)} i`,
  joins: { s: shopsJoin('i'), p: productsJoin('i') },
  columns: {
    on_hand: col('i.on_hand'), available: col('i.available'), stock_value: col('i.stock_value'),
    sku_key: col((c) => c.d.concat(['i.shop_id', `'|'`, 'i.sku_id'])),
    on_sale: col(`p.status = 'on_sale'`, 'p'),
    units_14: col((c) => unitsSoldBefore(c, 14)),
    units_30: col((c) => unitsSoldBefore(c, 30)),
  },
  dims: { ...shopDims('i'), sku: col('i.sku_id'), ...categoryDims },
  times: { default: col('i.day') },
};

export const purchasesFact: FactDef = {
  name: 'purchases',
  alias: 'pu',
  doc: 'inbound purchase lines, dated by arrival',
  from: () => `purchases pu`,
  joins: { s: shopsJoin('pu'), p: productsJoin('pu') },
  columns: { qty: col('pu.qty'), cost: col('pu.cost') },
  dims: { ...shopDims('pu'), sku: col('pu.sku_id'), ...categoryDims },
  times: { default: col('pu.arrived_day') },
};

export const csFact: FactDef = {
  name: 'cs',
  alias: 'cs',
  doc: 'customer-service sessions',
  from: () => `cs_sessions cs`,
  joins: { s: shopsJoin('cs') },
  columns: {
    first_response_s: col('cs.first_response_s'),
    customer: col((c) => c.d.concat(['cs.shop_id', `'|'`, `coalesce(cs.customer_id, ${c.d.concat([`'session:'`, 'cs.session_id'])})`])),
    converted_order_id: col('cs.converted_order_id'),
  },
  dims: { ...shopDims('cs'), agent: col('cs.agent') },
  times: { default: col('cs.day') },
};

export const liveFact: FactDef = {
  name: 'live',
  alias: 'lv',
  doc: 'live streams',
  from: () => `live_sessions lv`,
  joins: { s: shopsJoin('lv') },
  columns: { gmv: col('lv.gmv'), views: col('lv.views'), orders: col('lv.orders') },
  dims: { ...shopDims('lv'), live_room: col('lv.session_id'), host: col('lv.host') },
  times: { default: col('lv.day') },
};

export const membersFact: FactDef = {
  name: 'members',
  alias: 'c',
  doc: 'members (customers with member_since) as of the period end, flagged when they paid in the 30 days to it',
  from: () => `customers c`,
  joins: { s: shopsJoin('c') },
  columns: {
    member: col(`c.member_since IS NOT NULL`),
    active_30: col((c) =>
      `EXISTS (SELECT 1 FROM orders o2 WHERE o2.shop_id = c.shop_id AND o2.customer_id = c.customer_id` +
      ` AND o2.paid_day BETWEEN ${c.d.addDays(c.toDay, '-29')} AND ${c.toDay})`),
  },
  dims: { ...shopDims('c'), member_tier: col('c.member_tier') },
  times: { default: col('CAST(c.member_since AS DATE)') },
  asOf: true,
};

export const marketFact: FactDef = {
  name: 'market',
  doc: 'user-supplied market size per platform, category and month',
  from: () => `market_sizes m`,
  joins: {},
  columns: { amount: col('m.amount') },
  dims: { platform: col('m.platform'), category_l1: col('m.category') },
  times: { default: col('m.month') },
};
