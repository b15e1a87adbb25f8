/**
 * The one schema every catalog file (built-in or the user's) is validated with. Raw metrics
 * (`Metric`, z.infer) become `CompiledMetric`s in resolve.ts.
 */
import { z } from 'zod';
import { factNames } from '../facts/types.js';
import { dimensionNames } from '../dimensions.js';

export const tiers = ['strategic', 'tactical', 'execution'] as const;
export const units = ['money', 'count', 'ratio', 'hours', 'seconds', 'days', 'number'] as const;
export type Unit = (typeof units)[number];
export const directions = ['higher_better', 'lower_better', 'neutral'] as const;
/**
 * sum/count/count_distinct/min/max aggregate rows of the group. The two-level kinds group by
 * `key` first: count_having counts keys with at least `min` distinct `sql` values;
 * first_by_day / last_by_day sum each key's value on its first / last day; abc_top_count counts
 * the keys that make up the top `share` of the summed `sql`; retained_distinct counts keys that
 * appear again in the next period.
 */
export const aggregations = [
  'sum', 'count', 'count_distinct', 'min', 'max', 'count_having', 'first_by_day', 'last_by_day', 'abc_top_count', 'retained_distinct',
] as const;
export type Aggregation = (typeof aggregations)[number];

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();

export const measureFormSchema = z.object({
  fact: z.enum(factNames),
  agg: z.enum(aggregations),
  sql: z.string().min(1).optional(),
  filter: z.string().min(1).optional(),
  time: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
  min: z.number().int().positive().optional(),
  /** count_having: count distinct `sql` values (default) or sum them (a rollup's per-day counts) */
  count: z.enum(['distinct', 'sum']).optional(),
  share: z.number().gt(0).lt(1).optional(),
  /** this form only serves these dimensions (e.g. shop-level traffic rows) */
  dimensions: z.array(z.enum(dimensionNames)).optional(),
}).strict();
export type MeasureForm = z.infer<typeof measureFormSchema>;

export const driversSchema = z.object({
  /** product: metric = Π terms (e.g. visitors × conversion × AOV); sum: metric = Σ sign·term */
  kind: z.enum(['product', 'sum']),
  terms: z.array(z.object({ metric: z.string(), sign: z.union([z.literal(1), z.literal(-1)]).optional() }).strict()).min(2),
}).strict();

export const metricSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower_snake_case id'),
  name: bilingual,
  tier: z.enum(tiers),
  definition: bilingual,
  unit: z.enum(units),
  direction: z.enum(directions),
  /** forms in order of preference: the first whose fact carries the query's dimensions is used */
  measure: z.union([measureFormSchema, z.array(measureFormSchema).min(1)]).optional(),
  /** derived: arithmetic over other metrics, `{paid_amount} / {paying_buyers}` */
  expr: z.string().min(1).optional(),
  /** allowed dimensions; default every dimension the metric's facts carry */
  dimensions: z.array(z.enum(dimensionNames)).optional(),
  drivers: driversSchema.optional(),
  hidden: z.boolean().optional(),
}).strict().refine((m) => (m.measure === undefined) !== (m.expr === undefined), {
  message: 'a metric has exactly one of "measure" or "expr"',
});
export type Metric = z.infer<typeof metricSchema>;
/** What catalog data modules write (checked again by the schema at load). */
export type MetricInput = z.input<typeof metricSchema>;

export const catalogFileSchema = z.object({ metrics: z.array(z.unknown()) }).strict();
