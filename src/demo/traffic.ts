/**
 * Daily traffic per shop and source, sized from the orders the source would bring on the day
 * at its normal conversion rate — so a conversion drop shows as steady visitors with fewer
 * buyers, and campaign warm-ups show as more visitors and add-to-carts than orders. `buyers`
 * is the count of distinct paying buyers of the day's orders from the source.
 */
import type { TrafficDailyRow } from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopDay } from './orders.js';
import type { World } from './state.js';

export function trafficRows(w: World, s: number, day: DayInfo, result: ShopDay): TrafficDailyRow[] {
  const shop = w.shops[s]!;
  const { rng } = w;
  return result.sources.map((sd) => {
    const conversion = shop.sources.find((x) => x.name === sd.name)!.conversion;
    const visitors = Math.max(sd.buyers, Math.round((sd.expected / conversion) * day.trafficBoost * rng.jitter(0.06)) + rng.between(2, 8));
    const warm = day.phase === 'warmup';
    return {
      shop_id: shop.id, day: day.day, sku_id: '', source: sd.name, visitors,
      page_views: Math.round(visitors * (2.2 + rng.next() * 1.4)),
      bounced_visitors: Math.round(visitors * (0.35 + rng.next() * 0.15)),
      add_to_cart_users: Math.max(sd.buyers, Math.round(visitors * 0.085 * (warm ? 2 : 1) * rng.jitter(0.08))),
      favourites: Math.round(visitors * 0.04 * (warm ? 1.5 : 1) * rng.jitter(0.1)),
      buyers: sd.buyers,
    };
  });
}
