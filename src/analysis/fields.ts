/**
 * What each column and headline figure of an analysis is, in both languages, and how it is
 * shown: analyses return plain keys (`on_hand`, `kept_rate`), which no seller should have to read.
 * A key that is a catalog metric takes the catalog's name and unit; the rest are listed here,
 * with the few keys that mean different things in different analyses under that analysis.
 */
import type { Unit } from '../metrics/catalog/schema.js';
import type { Catalog } from '../metrics/catalog/load.js';
import type { AnalysisResult, Bilingual } from './result.js';
import { rfmSegments } from './rfm/segments.js';

/** Units of the metric catalog, plus: a day (YYYY-MM-DD), a yes/no flag, plain text or an id. */
export type FieldKind = Unit | 'day' | 'flag' | 'text';
export interface Field extends Bilingual {
  kind: FieldKind;
  /** names of a text field's codes (by: source → 流量来源) */
  values?: Record<string, Bilingual>;
}

const f = (zh: string, en: string, kind: FieldKind = 'text'): Field => ({ zh, en, kind });
const coded = (zh: string, en: string, values: Record<string, [string, string]>): Field =>
  ({ zh, en, kind: 'text', values: Object.fromEntries(Object.entries(values).map(([k, [vz, ve]]) => [k, { zh: vz, en: ve }])) });

const common: Record<string, Field> = {
  // who and what
  shop: f('店铺', 'Shop'), shop_id: f('店铺', 'Shop'), sku_id: f('SKU', 'SKU'), customer_id: f('买家', 'Buyer'), order_id: f('订单号', 'Order'),
  group: f('分组', 'Group'), entity: f('对象', 'Item'), label: f('名称', 'Name'), name: f('名称', 'Name'), channel: f('渠道', 'Channel'),
  campaign: f('活动', 'Campaign'), source: f('来源', 'Source'), segment: f('分群', 'Segment'), layer: f('分层', 'Layer'), class: f('分类', 'Class'),
  phase: f('阶段', 'Phase'), item_a: f('商品 A', 'Item A'), item_b: f('商品 B', 'Item B'),
  by: coded('分组依据', 'Grouped by', {
    source: ['流量来源', 'traffic source'], shop: ['店铺', 'shop'], sku: ['SKU', 'SKU'], none: ['不分组', 'none'],
    category: ['类目', 'category'], customer: ['买家', 'buyer'], month: ['月份', 'month'],
  }),
  item: coded('商品粒度', 'Item level', { sku: ['SKU', 'SKU'], category: ['类目', 'category'] }),
  within: coded('同购范围', 'Bought together within', { order: ['同一订单', 'one order'], buyer: ['同一买家', 'one buyer'] }),
  measure: coded('度量', 'Measure', { paid_amount: ['支付金额', 'paid amount'], gross_profit: ['毛利', 'gross profit'], units: ['件数', 'units'] }),
  scoring: coded('打分方式', 'Scoring', { quintiles: ['五分位', 'quintiles'], thresholds: ['自定义分界', 'thresholds'] }),
  grain: coded('时间粒度', 'Grain', { day: ['日', 'day'], week: ['周', 'week'], month: ['月', 'month'] }),
  time_unit: coded('时间单位', 'Time unit', { day: ['日', 'day'], week: ['周', 'week'], month: ['月', 'month'] }),
  suggestion: coded('建议', 'Suggestion', { 'increase / 加投': ['加投', 'increase'], 'decrease / 减投': ['减投', 'decrease'] }),
  boundary: f('分界', 'Boundary'), year: f('年份', 'Year'),
  // days
  as_of: f('截至', 'As of', 'day'), from: f('开始', 'From', 'day'), to: f('结束', 'To', 'day'), day: f('日期', 'Day', 'day'),
  previous: f('对比日', 'Compared with', 'day'), previous_from: f('上期开始', 'Previous from', 'day'), previous_to: f('上期结束', 'Previous to', 'day'),
  history_from: f('历史开始', 'History from', 'day'), history_to: f('历史结束', 'History to', 'day'), first_day: f('首购日', 'First purchase', 'day'),
  last_sale: f('最近销售日', 'Last sale', 'day'), stockout_day: f('预计断货日', 'Expected stock-out', 'day'), paid_day: f('支付日', 'Paid day', 'day'), settled_day: f('回款日', 'Settled on', 'day'),
  month: f('月份', 'Month', 'day'), sku: f('SKU', 'SKU'), start_day: f('开始日', 'Start', 'day'), end_day: f('结束日', 'End', 'day'), cohort: f('首购期', 'Cohort', 'day'),
  // counts
  buyers: f('买家数', 'Buyers', 'count'), orders: f('订单数', 'Orders', 'count'), units: f('件数', 'Units', 'count'), rows: f('行数', 'Rows', 'count'),
  entities: f('对象数', 'Items', 'count'), hit_count: f('A 类数', 'Class A items', 'count'), skus: f('SKU 数', 'SKUs', 'count'),
  skus_in_stock: f('有库存 SKU 数', 'SKUs in stock', 'count'), to_reorder: f('需补货 SKU 数', 'SKUs to reorder', 'count'),
  campaigns: f('活动数', 'Campaigns', 'count'), phases: f('阶段数', 'Phases', 'count'), channels: f('渠道数', 'Channels', 'count'), groups: f('分组数', 'Groups', 'count'),
  cohorts: f('队列数', 'Cohorts', 'count'), cohort_buyers: f('队列买家数', 'Cohort buyers', 'count'), repeat_buyers: f('复购买家数', 'Repeat buyers', 'count'),
  transactions: f('订单数', 'Orders', 'count'), pairs_shown: f('显示组合数', 'Pairs shown', 'count'), together: f('同购次数', 'Bought together', 'count'),
  with_a: f('含 A 订单数', 'Orders with A', 'count'), with_b: f('含 B 订单数', 'Orders with B', 'count'), rank: f('排名', 'Rank', 'count'),
  impressions: f('展现量', 'Impressions', 'count'), clicks: f('点击量', 'Clicks', 'count'), attributed_orders: f('成交订单数', 'Attributed orders', 'count'),
  on_hand: f('在库', 'On hand', 'count'), available: f('可售', 'Available', 'count'), in_transit: f('在途', 'In transit', 'count'),
  units_sold: f('销量', 'Units sold', 'count'), reorder_units: f('建议补货量', 'Reorder units', 'count'), high_score: f('高分阈值', 'High score', 'count'),
  repeat_purchases: f('复购次数', 'Repeat purchases', 'count'), unsettled_orders: f('未回款订单', 'Unsettled orders', 'count'),
  amount_mismatches: f('金额不符订单', 'Amount mismatches', 'count'), settled_without_order: f('有回款无订单', 'Settled without order', 'count'), erp_only_orders: f('仅 ERP 有的订单', 'ERP-only orders', 'count'),
  missing_in_erp_orders: f('ERP 缺失的订单', 'Orders missing in ERP', 'count'), settle_days: f('回款期限', 'Settlement term', 'days'),
  // funnel steps (orders created in the period → paid → shipped → received → kept, no successful refund)
  created: f('下单', 'Created', 'count'), paid: f('付款', 'Paid', 'count'), shipped: f('发货', 'Shipped', 'count'), received: f('签收', 'Received', 'count'),
  kept: f('未退款', 'Kept', 'count'),
  paid_rate: f('付款率', 'Paid rate', 'ratio'), shipped_rate: f('发货率', 'Shipped rate', 'ratio'), received_rate: f('签收率', 'Received rate', 'ratio'),
  kept_rate: f('未退款率', 'Kept rate', 'ratio'), paid_drop_off: f('未付款流失', 'Lost before paying', 'ratio'),
  shipped_drop_off: f('未发货流失', 'Lost before shipping', 'ratio'), received_drop_off: f('未签收流失', 'Lost before receipt', 'ratio'),
  kept_drop_off: f('退款流失', 'Lost to refunds', 'ratio'),
  paid_rate_change: f('付款率变化', 'Paid rate change', 'ratio'), shipped_rate_change: f('发货率变化', 'Shipped rate change', 'ratio'),
  received_rate_change: f('签收率变化', 'Received rate change', 'ratio'), kept_rate_change: f('未退款率变化', 'Kept rate change', 'ratio'),
  add_to_cart_users: f('加购人数', 'Add-to-cart users', 'count'), cart_to_buyer_rate: f('加购到支付', 'Cart to buyer', 'ratio'),
  // shares and rates
  share: f('占比', 'Share', 'ratio'), cumulative_share: f('累计占比', 'Cumulative share', 'ratio'), buyer_share: f('买家占比', 'Buyer share', 'ratio'),
  revenue_share: f('金额占比', 'Revenue share', 'ratio'), entity_share: f('对象占比', 'Item share', 'ratio'), value_share: f('金额占比', 'Value share', 'ratio'),
  retention: f('留存率', 'Retention', 'ratio'), sell_through: f('售罄率', 'Sell-through', 'ratio'), support: f('支持度', 'Support', 'ratio'),
  confidence_a_to_b: f('置信度 A→B', 'Confidence A→B', 'ratio'), confidence_b_to_a: f('置信度 B→A', 'Confidence B→A', 'ratio'),
  attainment: f('目标达成率', 'Attainment', 'ratio'), refund_rate_after: f('活动后退款率', 'Refund rate after', 'ratio'),
  uplift_vs_4_weeks_before: f('较前 4 周提升', 'Uplift vs 4 weeks before', 'ratio'), vs_last_year: f('同比', 'vs last year', 'ratio'),
  mape: f('回测误差 MAPE', 'Backtest MAPE', 'ratio'), p_alive: f('仍活跃概率', 'Probability alive', 'ratio'), avg_p_alive: f('平均活跃概率', 'Mean probability alive', 'ratio'),
  // money (exact decimal text)
  cost: f('花费', 'Cost', 'money'), stock_value: f('库存金额(成本)', 'Stock value at cost', 'money'), attributed_gmv: f('成交金额', 'Attributed GMV', 'money'),
  cost_per_order: f('单笔成交花费', 'Cost per order', 'money'), target: f('目标金额', 'Target', 'money'), total: f('合计', 'Total', 'number'),
  cumulative_paid_per_buyer: f('人均累计支付', 'Cumulative paid per buyer', 'money'), monetary: f('金额', 'Monetary', 'money'),
  high_value_cutoff: f('高价值门槛', 'High-value cutoff', 'money'), unsettled_amount: f('未回款金额', 'Unsettled amount', 'money'),
  mismatch_amount: f('不符金额', 'Mismatched amount', 'money'), due: f('应回款', 'Due', 'money'), settled: f('已回款', 'Settled', 'money'),
  fee: f('扣费', 'Fee', 'money'), difference: f('差额', 'Difference', 'money'), cogs: f('商品成本', 'COGS', 'money'), commission: f('佣金', 'Commission', 'money'),
  shipping: f('运费', 'Shipping', 'money'), packaging: f('包装', 'Packaging', 'money'), labour: f('人工', 'Labour', 'money'),
  marketing: f('营销', 'Marketing', 'money'), other: f('其他', 'Other', 'money'),
  predicted_6m: f('预测 6 个月金额', 'Predicted 6 months', 'money'), predicted_12m: f('预测 12 个月金额', 'Predicted 12 months', 'money'),
  predicted_12m_per_buyer: f('人均预测 12 个月', 'Predicted 12 months per buyer', 'money'),
  // days and other numbers
  recency_days: f('最近购买距今', 'Recency', 'days'), avg_recency_days: f('平均最近购买距今', 'Mean recency', 'days'),
  days_since_last: f('距上次购买', 'Since last order', 'days'), days_of_cover: f('可售天数', 'Days of cover', 'days'),
  turnover_days: f('周转天数', 'Turnover days', 'days'), horizon_days: f('预测期', 'Horizon', 'days'), backtest_days: f('回测期', 'Backtest period', 'days'),
  daily_rate_14d: f('近 14 天日均销量', 'Daily units, last 14 days', 'number'),
  r_score: f('R 分', 'R score', 'count'), f_score: f('F 分', 'F score', 'count'), m_score: f('M 分', 'M score', 'count'),
  frequency: f('购买次数', 'Frequency', 'number'), avg_frequency: f('平均购买次数', 'Mean frequency', 'number'), lift: f('提升度', 'Lift', 'number'),
  marginal_roi: f('边际 ROI', 'Marginal ROI', 'number'), purchases_6m: f('预测 6 个月购买次数', 'Predicted purchases, 6 months', 'number'),
  purchases_12m: f('预测 12 个月购买次数', 'Predicted purchases, 12 months', 'number'),
  alpha: f('水平平滑 α', 'Level smoothing α', 'number'), beta: f('趋势平滑 β', 'Trend smoothing β', 'number'), gamma: f('季节平滑 γ', 'Season smoothing γ', 'number'),
  bgnbd_r: f('BG/NBD r', 'BG/NBD r', 'number'), bgnbd_alpha: f('BG/NBD α', 'BG/NBD α', 'number'), bgnbd_a: f('BG/NBD a', 'BG/NBD a', 'number'),
  bgnbd_b: f('BG/NBD b', 'BG/NBD b', 'number'), bgnbd_ll: f('BG/NBD 对数似然', 'BG/NBD log-likelihood', 'number'),
  gg_p: f('Gamma-Gamma p', 'Gamma-Gamma p', 'number'), gg_q: f('Gamma-Gamma q', 'Gamma-Gamma q', 'number'), gg_v: f('Gamma-Gamma v', 'Gamma-Gamma v', 'number'),
  slow_mover: f('滞销', 'Slow mover', 'flag'), campaign_phase: coded('大促阶段', 'Campaign phase', { warmup: ['预热', 'warm-up'], burst: ['爆发', 'burst'], encore: ['返场', 'encore'] }), shift_from: f('建议减投渠道', 'Shift budget from'),
  shift_to: f('建议加投渠道', 'Shift budget to'),
};

/** Keys that mean something else in one analysis (or one of its tables) than in the others. */
const own: Record<string, Record<string, Field>> = {
  members: { from: f('从', 'From'), to: f('到', 'To') },
  'cohort.matrix': { period: f('距首购期数', 'Periods since first', 'count') },
  'cohort.periods': { period: f('期', 'Period', 'day') },
  'cohort.intervals': { days: f('首购到再购间隔(天)', 'Days from first to second purchase') },
  'reconcile.unsettled': { days: f('付款后', 'Since paid', 'days') },
  ltv: { cohort: f('首购期', 'Cohort', 'day') },
  // the buyer list carries the segment's code alone (the segments table has its names beside it)
  'rfm.buyers': { segment: coded('分群', 'Segment', Object.fromEntries(rfmSegments.map((x) => [x.code, [x.zh, x.en]]))) },
};

/** Where a result's figures are: its headline figures, or one of its tables. */
export type FieldPlace = 'summary' | `tables.${string}`;

/**
 * The fields of the keys a result holds, by place: `summary` and `tables.<name>`. A key with a
 * `_zh` / `_en` pair is named by its own field and shown in the reader's language; a catalog
 * metric (and its `_prev` / `_change`) takes the catalog's name and unit. A key no one has
 * described is left out (and shown as it is).
 */
export function fieldsOf(result: AnalysisResult, catalog: Catalog): Record<FieldPlace, Record<string, Field>> {
  const out: Record<FieldPlace, Record<string, Field>> = { summary: describe(result.analysis, undefined, Object.keys(result.summary), catalog) };
  for (const [name, t] of Object.entries(result.tables)) out[`tables.${name}`] = describe(result.analysis, name, Object.keys(t.rows[0] ?? {}), catalog);
  return out;
}

function describe(analysis: string, table: string | undefined, keys: readonly string[], catalog: Catalog): Record<string, Field> {
  const out: Record<string, Field> = {};
  for (const key of keys) {
    const field = fieldOf(analysis, table, key, catalog);
    if (field) out[key] = field;
  }
  return out;
}

export function fieldOf(analysis: string, table: string | undefined, key: string, catalog: Catalog): Field | undefined {
  const pair = /^(.+)_(zh|en)$/.exec(key);
  if (pair) return fieldOf(analysis, table, pair[1]!, catalog);
  const listed = (table ? own[`${analysis}.${table}`]?.[key] : undefined) ?? own[analysis]?.[key] ?? common[key];
  if (listed) return listed;
  const compared = /^(.+)_(prev|change)$/.exec(key);
  const m = catalog.metrics.get(compared ? compared[1]! : key);
  if (!m) return undefined;
  if (!compared) return { ...m.name, kind: m.unit };
  return compared[2] === 'prev'
    ? { zh: `上期${m.name.zh}`, en: `${m.name.en}, previous`, kind: m.unit }
    : { zh: `${m.name.zh}变化`, en: `${m.name.en} change`, kind: m.unit };
}
