/**
 * Ad spend per shop, day, channel and plan. The platform attributes to its ads roughly the
 * orders that came in through paid traffic, plus a bit more (platforms claim orders that
 * merely touched an ad). Cost follows from the channel's ROI, clicks from its cost per click,
 * impressions from its click-through rate. Campaign days add a 大促 plan and raise CPC.
 */
import type { AdSpendDailyRow } from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopDay } from './orders.js';
import { addTo, type World } from './state.js';

export function adRows(w: World, s: number, day: DayInfo, result: ShopDay): AdSpendDailyRow[] {
  const shop = w.shops[s]!;
  const { rng } = w;
  const paidSrc = result.sources.find((x) => x.name === '付费推广');
  if (!paidSrc || paidSrc.paidOrders === 0) return [];
  const aov = paidSrc.paid / paidSrc.paidOrders;
  const rows: AdSpendDailyRow[] = [];
  const channelWeight = 1 / shop.adChannels.length;
  for (const ch of shop.adChannels) {
    const plans = day.campaignId ? [...ch.plans, `${day.campaignId}-大促冲刺`] : ch.plans;
    const planShare = plans.map((_, i) => (day.campaignId && i === plans.length - 1 ? 0.4 : (day.campaignId ? 0.6 : 1) / ch.plans.length));
    plans.forEach((plan, i) => {
      const orders = Math.round(paidSrc.paidOrders * channelWeight * planShare[i]! * 1.15 * rng.jitter(0.1));
      const gmv = Math.round(orders * aov * rng.jitter(0.05));
      const roi = ch.roi * rng.jitter(0.12) * (day.phase === 'burst' ? 1.25 : 1);
      const cost = Math.max(1000, Math.round(gmv / roi));
      const cpc = ch.cpc * rng.jitter(0.1) * (day.campaignId ? 1.35 : 1);
      const clicks = Math.max(1, Math.round(cost / cpc));
      const impressions = Math.max(clicks, Math.round(clicks / (ch.ctr * rng.jitter(0.1))));
      if (day.campaignId) addTo(w.tally.campaignAdCost, day.campaignId, cost);
      rows.push({
        shop_id: shop.id, day: day.day, channel: ch.channel, campaign: plan, impressions: BigInt(impressions), clicks: BigInt(clicks),
        cost: BigInt(cost), attributed_orders: orders, attributed_gmv: BigInt(gmv),
      });
    });
  }
  return rows;
}
