import { metric } from './define.js';

/** Shop-level traffic rows have an empty sku_id; SKU rows serve splits by SKU or category. Never both at once. */
const trafficMeasure = (column: string) => [
  { fact: 'traffic' as const, agg: 'sum' as const, sql: column, filter: `sku_id = ''`, dimensions: ['platform' as const, 'shop' as const, 'source' as const] },
  { fact: 'traffic' as const, agg: 'sum' as const, sql: column, filter: `sku_id <> ''` },
];

export const trafficMetrics = [
  metric('visitors', ['访客数 UV', 'visitors (UV)'], 'tactical', ['流量数据中的访客数之和(按平台口径逐日相加)', 'sum of distinct visitors from traffic rows (days summed as the platform reports them)'],
    'count', 'higher_better', { measure: trafficMeasure('visitors') }),
  metric('page_views', ['浏览量 PV', 'page views (PV)'], 'execution', ['浏览量之和', 'sum of page views'], 'count', 'higher_better', { measure: trafficMeasure('page_views') }),
  metric('bounced_visitors', ['跳失访客数', 'bounced visitors'], 'execution', ['只浏览一页即离开的访客数之和', 'sum of visitors who left after one page'],
    'count', 'lower_better', { hidden: true, measure: trafficMeasure('bounced_visitors') }),
  metric('add_to_cart_users', ['加购人数', 'add-to-cart users'], 'execution', ['加购人数之和', 'sum of add-to-cart users'],
    'count', 'higher_better', { measure: trafficMeasure('add_to_cart_users') }),
  metric('pv_per_visitor', ['人均浏览量', 'page views per visitor'], 'execution', ['浏览量 / 访客数', 'page_views / visitors'], 'number', 'higher_better', { expr: '{page_views} / {visitors}' }),
  metric('bounce_rate', ['跳出率', 'bounce rate'], 'execution', ['跳失访客数 / 访客数', 'bounced visitors / visitors'], 'ratio', 'lower_better', { expr: '{bounced_visitors} / {visitors}' }),
  metric('conversion_rate', ['支付转化率', 'conversion rate'], 'tactical', ['支付买家数 / 访客数', 'paying_buyers / visitors'], 'ratio', 'higher_better', { expr: '{paying_buyers} / {visitors}' }),
  metric('add_to_cart_rate', ['加购率', 'add-to-cart rate'], 'execution', ['加购人数 / 访客数', 'add-to-cart users / visitors'], 'ratio', 'higher_better', { expr: '{add_to_cart_users} / {visitors}' }),
  metric('cart_abandon_rate', ['购物车放弃率', 'cart abandonment rate'], 'execution', ['1 − 支付买家数 / 加购人数', '1 − paying_buyers / add-to-cart users'],
    'ratio', 'lower_better', { expr: '1 - {paying_buyers} / {add_to_cart_users}' }),
];
