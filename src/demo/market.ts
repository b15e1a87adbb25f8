/**
 * Market sizes (a user-supplied table in real use, e.g. from 生意参谋 市场大盘): one row per
 * platform, top category and month, sized so the brand holds a plausible 0.5–3 % share that
 * drifts from month to month.
 */
import type { MarketSizeRow } from '../model/index.js';
import type { Rng } from './prng.js';
import type { Tally } from './state.js';

export function marketRows(tally: Tally, rng: Rng): MarketSizeRow[] {
  const keys = [...tally.marketPaid.keys()].sort();
  const baseShare = new Map<string, number>();
  return keys.map((key) => {
    const [platform, category, month] = key.split('|') as [string, string, string];
    const series = `${platform}|${category}`;
    if (!baseShare.has(series)) baseShare.set(series, 0.005 + rng.next() * 0.025);
    const share = baseShare.get(series)! * rng.jitter(0.08);
    return { platform, category, month, amount: BigInt(Math.round(tally.marketPaid.get(key)! / share / 100) * 100) };
  });
}
