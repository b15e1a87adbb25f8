/**
 * Built-in rule templates for the everyday scenarios. Each is a function of a few parameters
 * a seller understands (lead time, ROI target …) returning a rule input; `ruleFromTemplate`
 * validates it like any hand-written rule. Thresholds and why they are what they are:
 * - anomaly rules use the modified z-score cut-off 3.5 (Iglewicz & Hoaglin) on a weekly
 *   seasonal baseline of 8 weeks, plus a minimum relative move so steady series don't alert on
 *   trivia, and skip campaign days (a 618 peak is planned, not an incident);
 * - minimum volumes keep tiny SKUs from alerting on one refund or one missing buyer;
 * - two consecutive days for daily-grain rules, so one noisy day doesn't page anyone;
 * - refunds judged by the paid day of the refunded orders (`per` paid amount, lagged), not by
 *   the day they finished, so a bad batch's refunds land in its own window.
 * The demo-store precision/recall test (precision.integration.test.ts) holds these defaults.
 */
import { fail } from '../../core/errors.js';
import { AlertErrors } from '../errors.js';
import { parseRule } from '../rules/parse.js';
import type { AlertRule, AlertRuleInput } from '../rules/schema.js';

type L = { zh: string; en: string };

export interface TemplateParams {
  /** supplier lead time in days (stock-out risk) */
  leadTimeDays?: number;
  /** ROI (ROAS) the ads should reach */
  roiTarget?: number;
  /** expected share of a campaign target reached */
  attainmentTarget?: number;
  /** settlement rate expected for orders paid 15+ days ago */
  settlementTarget?: number;
  /** slow-moving share that is too much */
  slowShareLimit?: number;
}

export interface Template {
  readonly id: string;
  readonly name: L;
  readonly description: L;
  /** which demo incident kind it is meant to catch, if any */
  readonly catches?: 'stockout' | 'conversion_drop' | 'refund_spike' | 'data_gap';
  build(p: TemplateParams): Omit<AlertRuleInput, 'id'>;
}

export const templates: readonly Template[] = [
  {
    id: 'stock_out_risk', catches: 'stockout',
    name: { zh: '断货风险', en: 'Stock-out risk' },
    description: { zh: '可售天数低于供应商交期的在售 SKU', en: 'SKUs whose days of cover fall below the supplier lead time' },
    build: (p) => ({
      name: { zh: '断货风险', en: 'Stock-out risk' }, severity: 'critical', metric: 'days_of_cover', dimensions: ['shop', 'sku'],
      condition: { kind: 'threshold', op: 'below', value: p.leadTimeDays ?? 2 },
      // hit SKUs (≥ 5 units a day over 14 days): where a stock-out costs real sales; two days in
      // a row, because a one-day dip is usually a purchase order landing the next morning
      minVolume: { metric: 'closing_units_14', value: 70 }, consecutiveDays: 2, recoveryDays: 3,
    }),
  },
  {
    id: 'slow_movers',
    name: { zh: '滞销预警', en: 'Slow movers' },
    description: { zh: '有货但 30 天无销售的 SKU 占比过高', en: 'Too many SKUs in stock with no sale in 30 days' },
    build: (p) => ({
      name: { zh: '滞销预警', en: 'Slow movers' }, severity: 'info', metric: 'slow_moving_share', dimensions: ['shop'],
      condition: { kind: 'threshold', op: 'above', value: p.slowShareLimit ?? 0.3 }, schedule: '0 9 * * 1', recoveryDays: 7,
    }),
  },
  {
    id: 'refund_rate_spike', catches: 'refund_spike',
    name: { zh: '退款率飙升', en: 'Refund-rate spike' },
    description: { zh: 'SKU 近 7 天退款率明显高于自身基线', en: 'A SKU’s 7-day refund rate far above its own baseline' },
    // Judged on the window's own orders (refunds dated by the refunded order's paid day, per the
    // amount paid those days), 14 days late so their returns have come back: refund_rate by the
    // refund's finished day divides one week's refunds by another week's sales and spreads a bad
    // batch's returns thinly over the following weeks.
    build: () => ({
      name: { zh: '退款率飙升', en: 'Refund-rate spike' }, severity: 'critical', metric: 'period_orders_refunded', per: 'paid_amount', dimensions: ['shop', 'sku'],
      windowDays: 7, lagDays: 14, minVolume: { metric: 'paid_orders', value: 12 },
      // a jump of 20 points at least: one stray refund on a small SKU moves the rate less
      condition: { kind: 'anomaly', method: 'robust_z', direction: 'up', sensitivity: 3.5, historyDays: 56, minRelativeChange: 1, minAbsoluteChange: 0.2 },
      // one day: a cohort's rate is already settled when judged (the lag), not a noisy first reading
      skipCampaignDays: true, consecutiveDays: 1, recoveryDays: 7,
    }),
  },
  {
    id: 'conversion_drop', catches: 'conversion_drop',
    name: { zh: '转化率下跌', en: 'Conversion drop' },
    description: { zh: '店铺各流量来源的支付转化率低于自身季节性基线', en: 'A shop’s conversion by traffic source below its seasonal baseline' },
    build: () => ({
      name: { zh: '转化率下跌', en: 'Conversion drop' }, severity: 'warning', metric: 'conversion_rate', dimensions: ['shop', 'source'],
      windowDays: 3, minVolume: { metric: 'visitors', value: 600 },
      // a fall of 45 % at least: smaller dips are within the day-to-day noise of a few dozen buyers
      condition: { kind: 'anomaly', method: 'seasonal', direction: 'down', sensitivity: 3.5, historyDays: 56, minRelativeChange: 0.45 },
      skipCampaignDays: true, consecutiveDays: 1, recoveryDays: 3,
    }),
  },
  {
    id: 'roi_below_target',
    name: { zh: 'ROI 未达标', en: 'ROI below target' },
    description: { zh: '推广渠道近 7 天 ROI 低于目标', en: 'An ad channel’s 7-day ROI below target' },
    build: (p) => ({
      name: { zh: 'ROI 未达标', en: 'ROI below target' }, severity: 'warning', metric: 'roi', dimensions: ['shop', 'channel'],
      condition: { kind: 'threshold', op: 'below', value: p.roiTarget ?? 1.5 }, minVolume: { metric: 'ad_cost', value: 500 }, consecutiveDays: 3,
    }),
  },
  {
    id: 'negative_gross_margin',
    name: { zh: '负毛利 SKU', en: 'Negative gross margin' },
    description: { zh: '近 30 天毛利为负的 SKU', en: 'SKUs with a negative gross margin over 30 days' },
    build: () => ({
      name: { zh: '负毛利 SKU', en: 'Negative gross margin' }, severity: 'warning', metric: 'gross_margin', dimensions: ['shop', 'sku'],
      windowDays: 30, condition: { kind: 'threshold', op: 'below', value: 0 }, minVolume: { metric: 'paid_orders', value: 10 }, recoveryDays: 7,
    }),
  },
  {
    id: 'unsettled_orders',
    name: { zh: '回款异常', en: 'Unsettled orders' },
    description: { zh: '15 天前支付的订单回款率偏低', en: 'Orders paid 15 days ago still largely unsettled' },
    build: (p) => ({
      name: { zh: '回款异常', en: 'Unsettled orders' }, severity: 'warning', metric: 'settlement_rate', dimensions: ['shop'],
      lagDays: 15, condition: { kind: 'threshold', op: 'below', value: p.settlementTarget ?? 0.8 }, consecutiveDays: 2,
    }),
  },
  {
    id: 'campaign_behind_target',
    name: { zh: '活动进度落后', en: 'Campaign behind target' },
    description: { zh: '活动阶段目标达成率低于预期', en: 'A campaign phase’s target attainment below expectation' },
    build: (p) => ({
      name: { zh: '活动进度落后', en: 'Campaign behind target' }, severity: 'warning', metric: 'campaign_target_attainment', dimensions: ['campaign', 'phase'],
      windowDays: 1, condition: { kind: 'threshold', op: 'below', value: p.attainmentTarget ?? 0.8 }, consecutiveDays: 1,
    }),
  },
  {
    id: 'data_freshness', catches: 'data_gap',
    name: { zh: '数据未更新', en: 'Data not updated' },
    description: { zh: '店铺当天(10:00 前)没有导入任何订单', en: 'A shop has no orders imported for the day by 10:00' },
    build: () => ({
      name: { zh: '数据未更新', en: 'Data not updated' }, severity: 'critical', metric: 'paid_orders', dimensions: ['shop'],
      condition: { kind: 'freshness', at: '10:00', lookbackDays: 14, minTypical: 5 }, recoveryDays: 1,
    }),
  },
];

export function findTemplate(id: string): Template {
  return templates.find((t) => t.id === id) ?? fail(AlertErrors.ALERT_TEMPLATE_UNKNOWN, { template: id, known: templates.map((t) => t.id).join(', ') });
}

export function ruleFromTemplate(templateId: string, id: string, params: TemplateParams = {}, overrides: Partial<AlertRuleInput> = {}): AlertRule {
  const t = findTemplate(templateId);
  return parseRule({ ...t.build(params), ...overrides, id, template: t.id });
}
