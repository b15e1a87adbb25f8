/**
 * An alert rule, validated with one zod schema. A rule watches one catalog metric, per entity
 * (each value of `dimensions`, e.g. each shop or each shop × SKU), evaluated once per business
 * day on the metric's value over the trailing `windowDays` days. Values are in display units:
 * money in yuan, ratios as fractions (0.05 = 5 %), days as days.
 */
import { z } from 'zod';
import { dimensionNames } from '../../metrics/dimensions.js';
import { languages, severities } from '../notify/types.js';

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const thresholdCondition = z.object({
  kind: z.literal('threshold'),
  op: z.enum(['above', 'below']),
  value: z.number(),
  /** compare against another metric of the same entity instead of a constant (e.g. ROI below the campaign's target) */
  againstMetric: z.string().optional(),
}).strict();

export const changeCondition = z.object({
  kind: z.literal('change'),
  /** previous_period: the window just before; same_period_last_year: 364 days back (same weekday) */
  basis: z.enum(['previous_period', 'same_period_last_year']),
  direction: z.enum(['up', 'down']),
  /** e.g. 30 = a move of at least 30 % against the basis */
  percent: z.number().positive(),
}).strict();

export const anomalyCondition = z.object({
  kind: z.literal('anomaly'),
  /**
   * robust_z: modified z-score against the median and MAD of the last `historyDays` days;
   * seasonal: the same on residuals after removing each weekday's median (weekly seasonality).
   */
  method: z.enum(['robust_z', 'seasonal']).default('seasonal'),
  direction: z.enum(['up', 'down', 'both']).default('both'),
  /** |z| needed to alert; 3.5 is Iglewicz & Hoaglin's cut-off for the modified z-score */
  sensitivity: z.number().positive().default(3.5),
  historyDays: z.number().int().min(14).max(400).default(56),
  /** a relative move smaller than this never alerts, however steady the history (0.2 = 20 %) */
  minRelativeChange: z.number().min(0).default(0.2),
  /** nor does a move smaller than this in the metric's unit (0.1 = 10 points of a ratio) */
  minAbsoluteChange: z.number().min(0).default(0),
}).strict();

export const freshnessCondition = z.object({
  kind: z.literal('freshness'),
  /** local time by which the day's data should have arrived; the scheduler evaluates then */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default('10:00'),
  /** only shops that usually have data: the median of the last `lookbackDays` days must reach `minTypical` */
  lookbackDays: z.number().int().min(3).max(90).default(14),
  minTypical: z.number().min(0).default(1),
}).strict();

export const conditionSchema = z.discriminatedUnion('kind', [thresholdCondition, changeCondition, anomalyCondition, freshnessCondition]);
export type Condition = z.infer<typeof conditionSchema>;

export const ruleSchema = z.object({
  id: z.string().regex(/^[\w.-]+$/),
  name: localized,
  description: localized.optional(),
  enabled: z.boolean().default(true),
  severity: z.enum(severities).default('warning'),
  /** the template it was made from, if any */
  template: z.string().optional(),
  metric: z.string().min(1),
  /**
   * judge `metric` ÷ `per` (both additive, each summed over the window) instead of `metric` alone —
   * a rate the catalog does not name, e.g. refunds of the window's orders per their paid amount
   */
  per: z.string().min(1).optional(),
  dimensions: z.array(z.enum(dimensionNames)).default([]),
  filters: z.record(z.string(), z.array(z.string())).default({}),
  windowDays: z.number().int().min(1).max(92).default(1),
  /** judge the window ending this many days before the evaluated day (settlement lags payment) */
  lagDays: z.number().int().min(0).max(90).default(0),
  condition: conditionSchema,
  /** skip entities too small to judge: `metric` over the window must reach `value` */
  minVolume: z.object({ metric: z.string(), value: z.number() }).optional(),
  /** days in a row the condition must hold before an alert opens */
  consecutiveDays: z.number().int().min(1).max(14).default(1),
  /** days in a row the condition must be clear before an open alert resolves by itself */
  recoveryDays: z.number().int().min(1).max(30).default(2),
  /** campaign days (预热/爆发/返场) are neither judged nor used as baseline */
  skipCampaignDays: z.boolean().default(false),
  /** cron in the shop time zone for scheduled evaluation; default: daily at 09:00 */
  schedule: z.string().default('0 9 * * *'),
  timezone: z.string().default('Asia/Shanghai'),
  channels: z.array(z.string()).default([]),
  language: z.enum(languages).default('zh'),
  /** the owner's shop scope when the rule was saved; absent = every shop */
  ownerShopIds: z.array(z.string()).optional(),
}).strict();

export type AlertRule = z.infer<typeof ruleSchema>;
export type AlertRuleInput = z.input<typeof ruleSchema>;
