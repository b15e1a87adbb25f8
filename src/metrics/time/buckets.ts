/**
 * Time buckets in SQL, built from the dialect's semantic helpers. A comparison row is put in
 * the bucket of the current period it compares with ("aligned"), so current and previous
 * values meet in one GROUP BY without a join.
 */
import { assertUnreachable } from '../../core/errors.js';
import type { Dialect } from '../../warehouse/index.js';
import type { TimeGrain } from '../dimensions.js';

export function bucketSql(d: Dialect, grain: TimeGrain, day: string): string {
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return d.weekStart(day);
    case 'month':
      return d.monthStart(day);
    case 'quarter':
      return d.quarterStart(day);
    case 'year':
      return d.yearStart(day);
    default:
      return assertUnreachable(grain, 'no bucket for grain');
  }
}

export type Alignment = { kind: 'mom' } | { kind: 'yoy' } | { kind: 'offset'; days: number };

const grainMonths: Record<TimeGrain, number | undefined> = { day: undefined, week: undefined, month: 1, quarter: 3, year: 12 };

/**
 * The current-period bucket a previous-period day lands in, and a condition excluding days
 * with no counterpart (29 February for a daily 同比; ISO week 53 when the next year has none).
 */
export function alignedBucketSql(d: Dialect, grain: TimeGrain, day: string, align: Alignment): { expr: string; keep?: string } {
  if (align.kind === 'offset') return { expr: bucketSql(d, grain, d.addDays(day, String(align.days))) };
  if (align.kind === 'mom') {
    const months = grainMonths[grain];
    if (months !== undefined) return { expr: bucketSql(d, grain, d.addMonths(day, months)) };
    return { expr: grain === 'week' ? d.addDays(d.weekStart(day), '7') : d.addDays(day, '1') };
  }
  if (grain === 'day') return { expr: d.addMonths(day, 12), keep: `NOT ${d.isLeapDay(day)}` };
  if (grain === 'week') {
    const next = d.isoWeekNextYear(d.weekStart(day));
    return { expr: next, keep: `${next} IS NOT NULL` };
  }
  return { expr: bucketSql(d, grain, d.addMonths(day, 12)) };
}

/** First day of the bucket after `bucket` (for next-period retention). */
export function nextBucketSql(d: Dialect, grain: TimeGrain, bucket: string, n: number): string {
  const months = grainMonths[grain];
  if (months !== undefined) return d.addMonths(bucket, months * n);
  return d.addDays(bucket, String((grain === 'week' ? 7 : 1) * n));
}
