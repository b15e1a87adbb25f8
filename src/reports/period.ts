/**
 * The business period a scheduled report covers, in shop-local days: a 日报 run on the morning
 * of the 2nd covers the 1st; a 周报 the last full ISO week (Mon–Sun); a 月报 the last full month.
 */
import { addDays, dayInZone } from '../core/time.js';

export const reportPeriods = ['yesterday', 'last_7_days', 'last_week', 'last_month', 'month_to_date'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** ISO weekday of a 'YYYY-MM-DD' day: 1 = Monday … 7 = Sunday. */
function isoWeekday(day: string): number {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function resolvePeriod(period: ReportPeriod, now: Date, timezone: string): DayRange {
  const today = dayInZone(now, timezone);
  const yesterday = addDays(today, -1);
  switch (period) {
    case 'yesterday':
      return { from: yesterday, to: yesterday };
    case 'last_7_days':
      return { from: addDays(today, -7), to: yesterday };
    case 'last_week': {
      const thisMonday = addDays(today, 1 - isoWeekday(today));
      return { from: addDays(thisMonday, -7), to: addDays(thisMonday, -1) };
    }
    case 'last_month': {
      const firstOfThis = `${today.slice(0, 7)}-01`;
      const lastOfPrev = addDays(firstOfThis, -1);
      return { from: `${lastOfPrev.slice(0, 7)}-01`, to: lastOfPrev };
    }
    case 'month_to_date': {
      // on the 1st there is no complete day this month yet: report the previous month instead
      const from = `${yesterday.slice(0, 7)}-01`;
      return { from, to: yesterday };
    }
  }
}
