/** Facts of selling: orders, their lines, refunds, settlements and buyer cohorts. */
import { buyerColumn, buyerKey, categoryDims, col, productsJoin, shopKey, shopsJoin, type FactDef, type RelationContext } from './types.js';

const orderDims = (o: string) => ({
  platform: col('s.platform', 's'),
  shop: col(`${o}.shop_id`),
  source: col(`${o}.source`),
  campaign: col(`${o}.campaign_id`),
  province: col(`${o}.province`),
  member_tier: col('c.member_tier', 'c'),
  live_room: col(`${o}.live_session_id`),
});

const customersJoin = (o: string) => ({
  sql: (c: RelationContext) => `LEFT JOIN customers c ON c.shop_id = ${o}.shop_id AND c.customer_id = ${o}.customer_id${c.scope('c')}`,
});

export const ordersFact: FactDef = {
  name: 'orders',
  alias: 'o',
  doc: 'one row per order; paid measures by paid_day, GMV by created_day',
  from: (c) => `orders o`,
  joins: { s: shopsJoin('o'), c: customersJoin('o') },
  columns: {
    order_total: col('o.order_total'),
    paid_amount: col('o.paid_amount'),
    paid_day: col('o.paid_day'),
    status: col('o.status'),
    item_count: col('o.item_count'),
    order_key: shopKey('o', 'o.order_id'),
    buyer: buyerColumn('o'),
    paid_at: col('o.paid_at'),
    shipped_at: col('o.shipped_at'),
    ship_hours: col((c) => c.d.hoursBetween('o.paid_at', 'o.shipped_at')),
  },
  dims: orderDims('o'),
  times: { default: col('o.paid_day'), created: col('o.created_day') },
};

export const linesFact: FactDef = {
  name: 'lines',
  alias: 'l',
  doc: 'one row per order line; the line paid_amount allocation sums exactly to its order',
  from: () => `order_lines l`,
  joins: {
    o: { sql: (c) => `JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id${c.scope('o')}` },
    s: shopsJoin('l'),
    p: productsJoin('l'),
    c: { ...customersJoin('o'), needs: ['o'] },
  },
  columns: {
    qty: col('l.qty'),
    paid_amount: col('l.paid_amount'),
    paid_day: col('l.paid_day'),
    unit_cost: col('coalesce(p.unit_cost, 0)', 'p'),
    order_key: shopKey('l', 'l.order_id'),
    sku_key: shopKey('l', 'l.sku_id'),
    buyer: buyerColumn('o', 'o'),
  },
  dims: {
    ...orderDims('o'),
    platform: col('s.platform', 's'),
    shop: col('l.shop_id'),
    source: col('o.source', 'o'),
    campaign: col('o.campaign_id', 'o'),
    province: col('o.province', 'o'),
    live_room: col('o.live_session_id', 'o'),
    ...categoryDims,
    sku: col('l.sku_id'),
  },
  times: { default: col('l.paid_day') },
};

export const refundsFact: FactDef = {
  name: 'refunds',
  alias: 'r',
  doc: 'one row per refund case; dated by finished_day, or by the refunded order’s paid_day',
  from: () => `refunds r`,
  joins: {
    o: { sql: (c) => `LEFT JOIN orders o ON o.shop_id = r.shop_id AND o.order_id = r.order_id${c.scope('o')}` },
    s: shopsJoin('r'),
    p: productsJoin('r'),
    c: { ...customersJoin('o'), needs: ['o'] },
  },
  columns: {
    amount: col('r.amount'),
    qty: col('r.qty'),
    type: col('r.type'),
    status: col('r.status'),
    unit_cost: col('coalesce(p.unit_cost, 0)', 'p'),
  },
  dims: {
    platform: col('s.platform', 's'),
    shop: col('r.shop_id'),
    source: col('o.source', 'o'),
    campaign: col('o.campaign_id', 'o'),
    province: col('o.province', 'o'),
    member_tier: col('c.member_tier', 'c'),
    live_room: col('o.live_session_id', 'o'),
    ...categoryDims,
    sku: col('r.sku_id'),
  },
  times: { default: col('r.finished_day'), order_paid: col('o.paid_day', 'o') },
};

export const settlementsFact: FactDef = {
  name: 'settlements',
  alias: 'st',
  doc: 'one row per settled order, dated by the order’s paid_day (the period’s orders)',
  from: () => `settlements st`,
  joins: {
    o: { sql: (c) => `JOIN orders o ON o.shop_id = st.shop_id AND o.order_id = st.order_id${c.scope('o')}` },
    s: shopsJoin('st'),
  },
  columns: { amount: col('st.amount'), fee: col('st.fee') },
  dims: { platform: col('s.platform', 's'), shop: col('st.shop_id'), source: col('o.source', 'o'), province: col('o.province', 'o') },
  times: { default: col('o.paid_day', 'o'), settled: col('st.settled_day') },
};

/** First paid day of every buyer (per shop), to count new buyers and cohorts. */
const firstsSql = (c: RelationContext) =>
  `(SELECT o.shop_id, ${buyerKey(c.d, 'o')} AS buyer, min(o.paid_day) AS first_day FROM orders o WHERE o.paid_day IS NOT NULL${c.scope('o')} GROUP BY 1, 2)`;

export const buyerFirstsFact: FactDef = {
  name: 'buyer_firsts',
  alias: 'b',
  doc: 'one row per buyer and shop, dated by the first paid day',
  from: (c) => `${firstsSql(c)} b`,
  joins: { s: shopsJoin('b') },
  columns: { buyer: col('b.buyer') },
  dims: { platform: col('s.platform', 's'), shop: col('b.shop_id') },
  times: { default: col('b.first_day') },
};

export const ltvFact: FactDef = {
  name: 'ltv',
  alias: 'o',
  doc: 'paid orders within 180 days of their buyer’s first paid day, net of their successful refunds; dated by the first day',
  from: (c) =>
    `orders o JOIN ${firstsSql(c)} b ON b.shop_id = o.shop_id AND b.buyer = ${buyerKey(c.d, 'o')} ` +
    `AND o.paid_day >= b.first_day AND o.paid_day < ${c.d.addDays('b.first_day', '180')}` +
    ` LEFT JOIN (SELECT shop_id, order_id, sum(amount) AS refunded FROM refunds WHERE status = 'success'${c.scope('refunds')} GROUP BY 1, 2) rf` +
    ` ON rf.shop_id = o.shop_id AND rf.order_id = o.order_id`,
  joins: { s: shopsJoin('o') },
  columns: { net_amount: col('o.paid_amount - coalesce(rf.refunded, 0)'), buyer: col('b.buyer') },
  dims: { platform: col('s.platform', 's'), shop: col('o.shop_id') },
  times: { default: col('b.first_day') },
  wholeAfterDays: 179,
};

export const campaignOrdersFact: FactDef = {
  name: 'campaign_orders',
  alias: 'o',
  doc: 'paid orders of a campaign, in the phase whose dates hold the paid day',
  from: (c) => `orders o JOIN campaign_phases cp ON cp.campaign_id = o.campaign_id AND o.paid_day BETWEEN cp.start_day AND cp.end_day`,
  joins: { s: shopsJoin('o') },
  columns: { paid_amount: col('o.paid_amount') },
  dims: { platform: col('s.platform', 's'), shop: col('o.shop_id'), campaign: col('o.campaign_id'), phase: col('cp.phase') },
  times: { default: col('o.paid_day') },
};

export const campaignTargetsFact: FactDef = {
  name: 'campaign_targets',
  doc: 'campaign phase targets, dated by the phase start; a target for all shops is visible in any scope',
  from: (c) =>
    `campaign_phases cp JOIN campaigns cg ON cg.campaign_id = cp.campaign_id` +
    (c.scope('cg') ? ` AND (cg.shop_id IS NULL OR (TRUE${c.scope('cg')}))` : ''),
  joins: {},
  columns: { gmv_target: col('cp.gmv_target') },
  dims: { campaign: col('cp.campaign_id'), phase: col('cp.phase') },
  times: { default: col('cp.start_day') },
};
