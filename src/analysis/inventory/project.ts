/**
 * Projects a SKU's stock forward day by day at its recent daily rate, multiplied on known
 * campaign burst days: the day it runs out and the demand over a lead time. Pure functions.
 */
import { addDays } from '../../core/time.js';

export interface Projection {
  /** first day cumulative demand reaches the available units; null beyond the horizon or with no demand */
  stockoutDay: string | null;
  leadDemand: number;
}

export function project(o: {
  asOf: string; available: number; dailyRate: number; peakDays: ReadonlySet<string>; peakFactor: number; leadDays: number; horizonDays: number;
}): Projection {
  let left = o.available;
  let stockoutDay: string | null = null;
  let leadDemand = 0;
  for (let i = 1; i <= Math.max(o.horizonDays, o.leadDays); i++) {
    const day = addDays(o.asOf, i);
    const demand = o.dailyRate * (o.peakDays.has(day) ? o.peakFactor : 1);
    if (i <= o.leadDays) leadDemand += demand;
    if (stockoutDay === null && i <= o.horizonDays && demand > 0) {
      left -= demand;
      if (left <= 0) stockoutDay = day;
    }
  }
  return { stockoutDay: o.available <= 0 ? o.asOf : stockoutDay, leadDemand };
}
