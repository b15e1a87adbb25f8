/** Period options shared by analyses that compare with the previous period of the same length. */
import { z } from 'zod';
import { addDays, dayTextToNumber } from '../core/time.js';

export const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export interface Period {
  from: string;
  to: string;
}

/** The same number of days right before `p` (环比 base). */
export function previousPeriod(p: Period): Period {
  const days = dayTextToNumber(p.to)! - dayTextToNumber(p.from)! + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/** A period ending at `to` (default `last`) and `days` long when `from` is not given. */
export function resolvePeriod(o: { from?: string | undefined; to?: string | undefined }, last: string, days = 30): Period {
  const to = o.to ?? last;
  return { from: o.from ?? addDays(to, -(days - 1)), to };
}
