/**
 * The canonical model: one caliber (统一口径) for every source. Grain and key are part of the
 * contract. Platform IDs are strings, money is integer fen, timestamps are UTC, and the
 * business day (`*_day`) is cut in the shop's time zone at load time so queries never pay
 * for time-zone conversion.
 */
import { bigint, bool, day, float, int, money, str, ts } from './columns.js';
import { defineTable, type TableDef } from './table.js';
import { dataChanges } from './ops-tables.js';
import { rollupTables } from './rollup-tables.js';
import { importTables } from './import-tables.js';

export const platforms = ['tmall', 'taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu', 'other'] as const;
export type Platform = (typeof platforms)[number];

/** Canonical order status; the platform's own wording is kept in status_raw. */
export const orderStatuses = ['unpaid', 'paid', 'shipped', 'completed', 'closed'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const refundTypes = ['refund_only', 'return_refund', 'exchange', 'resend'] as const;
export const refundStatuses = ['pending', 'success', 'closed'] as const;
export const expenseKinds = ['commission', 'shipping', 'packaging', 'labour', 'marketing', 'other'] as const;
export type ExpenseKind = (typeof expenseKinds)[number];
export const campaignPhases = ['warmup', 'burst', 'encore'] as const;
export type CampaignPhase = (typeof campaignPhases)[number];
export const campaignPhaseNames: Record<CampaignPhase, { zh: string; en: string }> = {
  warmup: { zh: '预热', en: 'warm-up' },
  burst: { zh: '爆发', en: 'burst' },
  encore: { zh: '返场', en: 'encore' },
};

export const shops = defineTable({
  name: 'shops',
  grain: 'one row per shop',
  key: ['shop_id'],
  columns: {
    shop_id: str('ShopLens shop id (the platform shop id where known)'),
    platform: str('tmall | taobao | jd | pdd | douyin | kuaishou | xiaohongshu | other'),
    name: str('shop name as the platform shows it'),
    timezone: str('IANA time zone that cuts business days, default Asia/Shanghai'),
    currency: str('ISO 4217 currency of all amounts, default CNY'),
    has_live: bool('the shop sells through live streams'),
  },
});

export const products = defineTable({
  name: 'products',
  grain: 'one row per SKU of a shop',
  key: ['shop_id', 'sku_id'],
  columns: {
    shop_id: str('shop'),
    sku_id: str('platform SKU id'),
    spu_id: str('platform item / SPU id'),
    merchant_code: str('商家编码, the seller’s own code that links ERP rows').nullable(),
    title: str('item title'),
    category_l1: str('top category'),
    category_l2: str('second-level category'),
    category_l3: str('leaf category'),
    brand: str('brand').nullable(),
    list_price: money('list price, fen'),
    unit_cost: money('unit cost of goods, fen').nullable(),
    status: str('on_sale | off_sale'),
    launched_at: ts('first on sale').nullable(),
  },
});

export const orders = defineTable({
  name: 'orders',
  grain: 'one row per platform order (主订单)',
  key: ['shop_id', 'order_id'],
  sortBy: ['created_at'],
  columns: {
    shop_id: str('shop'),
    order_id: str('platform order number, kept as text (19 digits on Taobao)'),
    customer_id: str('buyer key within the shop; null where the platform hides it (Pinduoduo)').nullable(),
    created_at: ts('order created (拍下), UTC'),
    created_day: day('business day of created_at in the shop time zone'),
    paid_at: ts('payment time, UTC; null while unpaid').nullable(),
    paid_day: day('business day of paid_at').nullable(),
    shipped_at: ts('shipped, UTC').nullable(),
    finished_at: ts('received / completed or closed, UTC').nullable(),
    status: str('unpaid | paid | shipped | completed | closed'),
    status_raw: str('status exactly as the source wrote it'),
    goods_amount: money('商品总价 before discounts, fen'),
    discount_platform: money('discount paid by the platform, fen'),
    discount_shop: money('discount paid by the shop, fen'),
    discount_creator: money('discount paid by a creator (达人), fen'),
    shipping_fee: money('shipping charged to the buyer, fen'),
    order_total: money('amount payable when ordered (拍下金额, the GMV base), fen'),
    paid_amount: money('amount the buyer paid (实付), fen; 0 when unpaid'),
    source: str('traffic source / channel of the order').nullable(),
    campaign_id: str('campaign the order was paid in').nullable(),
    province: str('province').nullable(),
    city: str('city').nullable(),
    live_session_id: str('live session the order came from').nullable(),
    creator_id: str('creator (达人) id').nullable(),
    item_count: int('units in the order'),
  },
});

export const orderLines = defineTable({
  name: 'order_lines',
  grain: 'one row per item line (子订单) of an order',
  key: ['shop_id', 'order_id', 'line_id'],
  sortBy: ['paid_day'],
  columns: {
    shop_id: str('shop'),
    order_id: str('order'),
    line_id: str('sub-order id, or the line number where the source has none'),
    sku_id: str('SKU'),
    qty: int('units'),
    unit_price: money('unit price before discounts, fen'),
    goods_amount: money('qty × unit price, fen'),
    discount_amount: money('this line’s share of all discounts, fen'),
    paid_amount: money('this line’s share of the paid amount, fen; lines of an order add up to the order'),
    status: str('canonical status of the line'),
    status_raw: str('status as the source wrote it'),
    paid_day: day('business day the order was paid; null while unpaid').nullable(),
  },
});

export const refunds = defineTable({
  name: 'refunds',
  grain: 'one row per refund / after-sales case',
  key: ['shop_id', 'refund_id'],
  columns: {
    shop_id: str('shop'),
    refund_id: str('refund number'),
    order_id: str('order refunded'),
    line_id: str('line refunded; null when the refund is for the whole order').nullable(),
    sku_id: str('SKU refunded').nullable(),
    type: str('refund_only | return_refund | exchange | resend'),
    reason: str('buyer’s reason').nullable(),
    amount: money('amount refunded (or asked, while pending), fen'),
    qty: int('units returned (0 for refund only)'),
    applied_at: ts('applied, UTC'),
    finished_at: ts('finished, UTC; null while open').nullable(),
    finished_day: day('business day of finished_at').nullable(),
    status: str('pending | success | closed'),
    status_raw: str('status as the source wrote it'),
  },
});

export const customers = defineTable({
  name: 'customers',
  grain: 'one row per buyer of a shop',
  key: ['shop_id', 'customer_id'],
  columns: {
    shop_id: str('shop'),
    customer_id: str('buyer key within the shop'),
    first_paid_at: ts('first paid order, UTC').nullable(),
    member_tier: str('member tier').nullable(),
    member_since: ts('joined the membership').nullable(),
    nickname: str('buyer nickname / account name').nullable().personal('account'),
    receiver_name: str('receiver name').nullable().personal('name'),
    phone: str('phone, masked where the source masks it').nullable().personal('phone'),
    address: str('address').nullable().personal('address'),
    province: str('province').nullable(),
    city: str('city').nullable(),
  },
});

export const trafficDaily = defineTable({
  name: 'traffic_daily',
  grain: 'one row per shop, day, SKU (empty for shop level) and traffic source',
  key: ['shop_id', 'day', 'sku_id', 'source'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('business day'),
    sku_id: str('SKU, or empty text for shop-level rows'),
    source: str('traffic source (搜索, 推荐, 直播, 广告 …)'),
    visitors: int('distinct visitors as the platform reports them (UV)'),
    page_views: int('page views (PV)'),
    bounced_visitors: int('visitors who left after one page'),
    add_to_cart_users: int('users who added to cart'),
    favourites: int('users who favourited'),
    buyers: int('paying buyers as the platform attributes them'),
  },
});

export const adSpendDaily = defineTable({
  name: 'ad_spend_daily',
  grain: 'one row per shop, day, ad channel and ad campaign',
  key: ['shop_id', 'day', 'channel', 'campaign'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('business day'),
    channel: str('直通车, 引力魔方, 京东快车, 多多搜索, 巨量千川 …'),
    campaign: str('ad campaign / plan name'),
    impressions: bigint('impressions'),
    clicks: bigint('clicks'),
    cost: money('spend, fen'),
    attributed_orders: int('orders the platform attributes to the ads'),
    attributed_gmv: money('GMV the platform attributes to the ads, fen'),
  },
});

export const inventoryDaily = defineTable({
  name: 'inventory_daily',
  grain: 'one row per SKU, warehouse and day (end-of-day snapshot)',
  key: ['shop_id', 'sku_id', 'warehouse', 'day'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop that sells the SKU'),
    sku_id: str('SKU'),
    warehouse: str('warehouse'),
    day: day('snapshot day'),
    on_hand: int('units on hand'),
    available: int('units available to sell'),
    in_transit: int('units ordered from suppliers, not yet arrived'),
    unit_cost: money('unit cost at the snapshot, fen'),
  },
});

export const purchases = defineTable({
  name: 'purchases',
  grain: 'one row per purchase (inbound) order line',
  key: ['purchase_id'],
  columns: {
    purchase_id: str('purchase order id'),
    shop_id: str('shop the stock is for'),
    sku_id: str('SKU'),
    warehouse: str('receiving warehouse'),
    qty: int('units'),
    cost: money('total cost, fen'),
    ordered_at: ts('ordered, UTC'),
    arrived_at: ts('arrived, UTC; null while in transit').nullable(),
    arrived_day: day('business day of arrival').nullable(),
  },
});

export const campaigns = defineTable({
  name: 'campaigns',
  grain: 'one row per sales campaign',
  key: ['campaign_id'],
  columns: {
    campaign_id: str('campaign id'),
    name: str('name (618, 双11 …)'),
    kind: str('618 | double11 | double12 | newyear | other — the same kind across years is comparable, except other'),
    year: int('calendar year of the campaign'),
    shop_id: str('shop; null when the campaign covers all shops').nullable(),
    gmv_target: money('paid amount target, fen'),
    new_buyer_target: int('new buyers target'),
    roi_target: float('ROI target (attributed GMV / ad cost)'),
    budget: money('marketing budget, fen'),
  },
});

export const campaignPhasesTable = defineTable({
  name: 'campaign_phases',
  grain: 'one row per phase (预热/爆发/返场) of a campaign',
  key: ['campaign_id', 'phase'],
  columns: {
    campaign_id: str('campaign'),
    phase: str('warmup | burst | encore'),
    start_day: day('first day'),
    end_day: day('last day, inclusive'),
    gmv_target: money('paid amount target of the phase, fen'),
  },
});

export const expenses = defineTable({
  name: 'expenses',
  grain: 'one row per shop, day and expense kind',
  key: ['shop_id', 'day', 'kind'],
  sortBy: ['day'],
  columns: {
    shop_id: str('shop'),
    day: day('business day'),
    kind: str('commission | shipping | packaging | labour | marketing | other'),
    amount: money('amount, fen'),
  },
});

export const settlements = defineTable({
  name: 'settlements',
  grain: 'one row per settled order',
  key: ['shop_id', 'order_id'],
  columns: {
    shop_id: str('shop'),
    order_id: str('order settled'),
    settled_at: ts('payout time, UTC'),
    settled_day: day('business day of the payout'),
    amount: money('amount paid out to the seller, fen'),
    fee: money('platform fees withheld, fen'),
  },
});

export const csSessions = defineTable({
  name: 'cs_sessions',
  grain: 'one row per customer-service conversation',
  key: ['shop_id', 'session_id'],
  columns: {
    shop_id: str('shop'),
    session_id: str('session id'),
    agent: str('agent'),
    customer_id: str('buyer').nullable(),
    started_at: ts('started, UTC'),
    day: day('business day'),
    first_response_s: int('seconds to first response'),
    converted_order_id: str('order the buyer paid within 24 h, if any').nullable(),
  },
});

export const liveSessions = defineTable({
  name: 'live_sessions',
  grain: 'one row per live stream',
  key: ['shop_id', 'session_id'],
  columns: {
    shop_id: str('shop'),
    session_id: str('live session id'),
    host: str('host (主播)'),
    started_at: ts('start, UTC'),
    ended_at: ts('end, UTC'),
    day: day('business day of the start'),
    views: int('views (观看次数)'),
    peak_online: int('peak concurrent viewers'),
    gmv: money('GMV during the stream, fen'),
    orders: int('orders during the stream'),
  },
});

export const marketSizes = defineTable({
  name: 'market_sizes',
  grain: 'one row per platform, category and month (user supplied)',
  key: ['platform', 'category', 'month'],
  columns: {
    platform: str('platform'),
    category: str('category name, as in products.category_l1/l2/l3'),
    month: day('first day of the month'),
    amount: money('market size, fen'),
  },
});

export const incidents = defineTable({
  name: 'incidents',
  grain: 'one row per known incident (planted by the demo, or recorded by a user)',
  key: ['incident_id'],
  columns: {
    incident_id: str('incident id'),
    kind: str('stockout | conversion_drop | refund_spike | data_gap …'),
    shop_id: str('shop'),
    sku_id: str('SKU').nullable(),
    source: str('traffic source').nullable(),
    start_day: day('first day'),
    end_day: day('last day, inclusive'),
    description: str('what happened'),
  },
});

export const orderStatusHistory = defineTable({
  name: 'order_status_history',
  grain: 'one row per order and status change seen',
  key: ['shop_id', 'order_id', 'seen_at'],
  columns: {
    shop_id: str('shop'),
    order_id: str('order'),
    seen_at: ts('when the status was observed (import time or export time), UTC'),
    status: str('canonical status'),
    status_raw: str('status as the source wrote it'),
    run_id: str('import run that saw it').nullable(),
  },
});

/** Every canonical table, in load order (referenced tables first). */
export const canonicalTables = [
  shops, products, campaigns, campaignPhasesTable, customers, orders, orderLines, refunds,
  trafficDaily, adSpendDaily, inventoryDaily, purchases, expenses, settlements, csSessions,
  liveSessions, marketSizes, incidents, orderStatusHistory,
] as const;

export type CanonicalTable = (typeof canonicalTables)[number];
export type CanonicalTableName = CanonicalTable['name'];



/** Every table of the warehouse schema; migrations are derived from this list. */
export const warehouseTables: readonly TableDef[] = [...canonicalTables, dataChanges, ...importTables, ...rollupTables];
