/**
 * Previous periods for comparisons, on 'YYYY-MM-DD' days. 环比 (mom): with a grain, each
 * bucket against the bucket before it; without one, the previous period of equal length —
 * or the same number of whole months before, when the range is whole months. 同比 (yoy): the
 * same days last year; a range ending on a month end ends on that month's end last year
 * (so February 2025 compares with all of February 2024, leap day included).
 */
import { addDays, dayNumberToText, dayTextToNumber } from '../../core/time.js';
import type { TimeGrain } from '../dimensions.js';

export interface DayRange {
  from: string;
  to: string;
}

const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const text = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function isMonthEnd(day: string): boolean {
  const [y, m, d] = parts(day);
  return d === lastOfMonth(y, m);
}

/** `day` moved by whole months; past the target month's end it clamps; a month end stays a month end when `keepEnd`. */
export function addMonthsToDay(day: string, months: number, keepEnd = false): string {
  const [y, m, d] = parts(day);
  const idx = y * 12 + (m - 1) + months;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  const last = lastOfMonth(ty, tm);
  return text(ty, tm, keepEnd && d === lastOfMonth(y, m) ? last : Math.min(d, last));
}

export function daysInRange(r: DayRange): number {
  return dayTextToNumber(r.to)! - dayTextToNumber(r.from)! + 1;
}

/** ISO year and week of a day. */
export function isoWeek(day: string): { year: number; week: number } {
  const n = dayTextToNumber(day)!;
  const dow = ((n + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday: Monday = 0
  const thursday = n - dow + 3;
  const year = Number(dayNumberToText(thursday).slice(0, 4));
  const jan1 = dayTextToNumber(`${year}-01-01`)!;
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export function isoWeekMonday(year: number, week: number): string {
  const jan4 = dayTextToNumber(`${year}-01-04`)!;
  const dow = ((jan4 + 3) % 7 + 7) % 7;
  return dayNumberToText(jan4 - dow + (week - 1) * 7);
}

export function isoWeeksInYear(year: number): number {
  return isoWeek(`${year}-12-28`).week;
}

function weekYearBack(day: string, end: boolean): string {
  const { year, week } = isoWeek(day);
  const offset = dayTextToNumber(day)! - dayTextToNumber(isoWeekMonday(year, week))!;
  const w = Math.min(week, isoWeeksInYear(year - 1));
  // A week 53 with no counterpart maps to the end of week 52 (for `to`) so the range stays ordered.
  return addDays(isoWeekMonday(year - 1, w), week > w && end ? 6 : offset);
}

export function previousRange(r: DayRange, kind: 'mom' | 'yoy', grain?: TimeGrain): DayRange {
  if (kind === 'yoy') {
    if (grain === 'week') return { from: weekYearBack(r.from, false), to: weekYearBack(r.to, true) };
    return { from: addMonthsToDay(r.from, -12), to: addMonthsToDay(r.to, -12, true) };
  }
  const months = grain === 'month' ? 1 : grain === 'quarter' ? 3 : grain === 'year' ? 12 : undefined;
  if (months !== undefined) return { from: addMonthsToDay(r.from, -months), to: addMonthsToDay(r.to, -months, true) };
  if (grain === 'week') return { from: addDays(r.from, -7), to: addDays(r.to, -7) };
  if (grain === 'day') return { from: addDays(r.from, -1), to: addDays(r.to, -1) };
  if (r.from.endsWith('-01') && isMonthEnd(r.to)) {
    const [fy, fm] = parts(r.from);
    const [ty, tm] = parts(r.to);
    const n = ty * 12 + tm - (fy * 12 + fm) + 1;
    return { from: addMonthsToDay(r.from, -n), to: addMonthsToDay(r.to, -n, true) };
  }
  const len = daysInRange(r);
  return { from: addDays(r.from, -len), to: addDays(r.from, -1) };
}

/**
 * Whether a current bucket has a same-period-last-year counterpart: 29 February and ISO week 53
 * (when last year had 52 weeks) do not, and show no previous value rather than a false 0.
 */
export function hasYearAgoCounterpart(bucket: string, grain: TimeGrain): boolean {
  if (grain === 'day') return !bucket.endsWith('-02-29');
  if (grain === 'week') {
    const { year, week } = isoWeek(bucket);
    return week < 53 || isoWeeksInYear(year - 1) === 53;
  }
  return true;
}
