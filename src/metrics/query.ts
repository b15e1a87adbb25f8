/**
 * A metric query: which metrics, split by which dimensions and time grain, over which days,
 * filtered how, compared with what. Validated here; names are checked against the catalog
 * by the compiler.
 */
import { z } from 'zod';
import { fail } from '../core/errors.js';
import { dayTextToNumber } from '../core/time.js';
import { MetricErrors as E } from './errors.js';
import { timeGrains, type TimeGrain } from './dimensions.js';

const day = z.string().refine((s) => dayTextToNumber(s) !== undefined, 'a calendar day YYYY-MM-DD');

/** yoy_campaign: 同比 aligned on last year's campaign of the same kind (双11 with 双11), resolved against the store */
export const compareKinds = ['mom', 'yoy', 'yoy_campaign'] as const;
export type CompareKind = (typeof compareKinds)[number];

export const metricQuerySchema = z.object({
  metrics: z.array(z.string()).min(1),
  dimensions: z.array(z.string()).optional(),
  grain: z.enum(timeGrains).optional(),
  /** first and last business day, inclusive, in the shop's time zone */
  from: day.optional(),
  to: day.optional(),
  /** dimension → value or values (IN) */
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
  /** mom: previous period (环比); yoy: same period last year (同比); or an explicit previous range (campaign-aligned 同比) */
  compare: z.union([z.enum(compareKinds), z.object({ from: day, to: day, label: z.string().optional() }).strict()]).optional(),
  sort: z.array(z.object({ by: z.string(), desc: z.boolean().optional() }).strict()).optional(),
  limit: z.number().int().positive().max(1_000_000).optional(),
}).strict();

export type MetricQuery = z.input<typeof metricQuerySchema>;
export type ValidQuery = z.output<typeof metricQuerySchema> & { grain?: TimeGrain };

export interface Scope {
  /** the shops a reader may see; 'all' for no restriction */
  shopIds: readonly string[] | 'all';
}

export function validateQuery(query: MetricQuery): ValidQuery {
  const r = metricQuerySchema.safeParse(query);
  if (!r.success) {
    fail(E.METRIC_QUERY_INVALID, { issue: r.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
  }
  const q = r.data;
  if ((q.from === undefined) !== (q.to === undefined)) fail(E.METRIC_QUERY_INVALID, { issue: 'give both from and to (or neither, for all days)' });
  if (q.from && q.to && q.from > q.to) fail(E.METRIC_QUERY_INVALID, { issue: `from ${q.from} is after to ${q.to}` });
  if (q.compare && (!q.from || !q.to)) fail(E.METRIC_QUERY_INVALID, { issue: 'a comparison needs both from and to' });
  return q;
}
