import { metric } from './define.js';

const ads = (sql: string) => ({ measure: { fact: 'ads' as const, agg: 'sum' as const, sql } });

export const marketingMetrics = [
  metric('ad_cost', ['推广花费', 'ad cost'], 'tactical', ['广告花费之和', 'sum of ad cost'], 'money', 'lower_better', ads('cost')),
  metric('ad_impressions', ['展现量', 'ad impressions'], 'execution', ['广告展现量之和', 'sum of ad impressions'], 'count', 'higher_better', { ...ads('impressions'), hidden: true }),
  metric('ad_clicks', ['点击量', 'ad clicks'], 'execution', ['广告点击量之和', 'sum of ad clicks'], 'count', 'higher_better', { ...ads('clicks'), hidden: true }),
  metric('attributed_orders', ['广告成交订单数', 'ad-attributed orders'], 'execution', ['平台归因于广告的订单数', 'orders the platform attributes to ads'], 'count', 'higher_better', { ...ads('attributed_orders'), hidden: true }),
  metric('attributed_gmv', ['广告成交金额', 'ad-attributed GMV'], 'execution', ['平台归因于广告的成交金额', 'GMV the platform attributes to ads'], 'money', 'higher_better', { ...ads('attributed_gmv'), hidden: true }),
  metric('ad_conversion_rate', ['广告转化率', 'ad conversion rate'], 'execution', ['广告成交订单数 / 点击量', 'attributed orders / clicks'], 'ratio', 'higher_better', { expr: '{attributed_orders} / {ad_clicks}', hidden: true }),
  metric('attributed_order_value', ['广告笔单价', 'ad value per order'], 'execution', ['广告成交金额 / 广告成交订单数', 'attributed GMV / attributed orders'], 'money', 'higher_better', { expr: '{attributed_gmv} / {attributed_orders}', hidden: true }),
  metric('clicks_per_cost', ['单位花费点击数', 'clicks per fen spent'], 'execution', ['点击量 / 推广花费(即 1 / CPC)', 'clicks / ad cost (1 / CPC)'], 'number', 'higher_better', { expr: '{ad_clicks} / {ad_cost}', hidden: true }),
  metric('roi', ['投产比 ROI', 'ROI (ROAS)'], 'tactical', ['广告成交金额 / 推广花费(平台口径,即 ROAS)', 'attributed GMV / ad_cost (platform convention, i.e. ROAS)'], 'number', 'higher_better', {
    expr: '{attributed_gmv} / {ad_cost}',
    drivers: { kind: 'product', terms: [{ metric: 'ad_conversion_rate' }, { metric: 'attributed_order_value' }, { metric: 'clicks_per_cost' }] },
  }),
  metric('marketing_expense', ['其他营销费用', 'other marketing expenses'], 'execution', ['费用表中类型为营销的费用', 'expenses of kind marketing'],
    'money', 'lower_better', { hidden: true, measure: { fact: 'expenses', agg: 'sum', sql: 'amount', filter: `kind = 'marketing'` } }),
  metric('overall_roi', ['整体ROI', 'overall ROI'], 'tactical', ['支付金额 / (推广花费 + 其他营销费用)', 'paid_amount / (ad_cost + other marketing expenses)'],
    'number', 'higher_better', { expr: '{paid_amount} / ({ad_cost} + {marketing_expense})' }),
  metric('cac', ['获客成本', 'customer acquisition cost'], 'tactical', ['推广花费 / 新客数', 'ad_cost / new_buyers'], 'money', 'lower_better', { expr: '{ad_cost} / {new_buyers}' }),
  metric('ctr', ['点击率', 'click-through rate'], 'execution', ['点击量 / 展现量', 'clicks / impressions'], 'ratio', 'higher_better', { expr: '{ad_clicks} / {ad_impressions}' }),
  metric('cpc', ['平均点击花费', 'cost per click'], 'execution', ['推广花费 / 点击量', 'ad_cost / clicks'], 'money', 'lower_better', { expr: '{ad_cost} / {ad_clicks}' }),
  metric('live_gmv', ['直播成交额', 'live GMV'], 'execution', ['直播场次成交额之和', 'sum of live-stream GMV'], 'money', 'higher_better', { measure: { fact: 'live', agg: 'sum', sql: 'gmv' } }),
  metric('live_views', ['直播观看次数', 'live views'], 'execution', ['直播观看次数之和', 'sum of live-stream views'], 'count', 'higher_better', { hidden: true, measure: { fact: 'live', agg: 'sum', sql: 'views' } }),
  metric('live_gpm', ['直播千次观看成交', 'live GMV per mille views (GPM)'], 'execution', ['直播成交额 / 观看次数 × 1000', 'live GMV / views × 1000'],
    'money', 'higher_better', { expr: '{live_gmv} / {live_views} * 1000' }),
];
