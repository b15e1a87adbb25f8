/**
 * Daily expenses per shop, dated by the day orders were paid: platform commission (the same
 * rates the settlements withhold, creator commission included on Douyin), courier fees per
 * shipped order, packaging per unit and order, the team's daily labour cost, non-ad marketing
 * (creator samples, content), and other costs (the ERP subscription on the 1st). Ad spend
 * lives in ad_spend_daily, not here, so nothing is counted twice.
 */
import type { ExpenseRow } from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopDay } from './orders.js';
import type { World } from './state.js';

export function expenseRows(w: World, s: number, day: DayInfo, result: ShopDay): ExpenseRow[] {
  const shop = w.shops[s]!;
  const base = w.baseOrders[s]!;
  const amounts: [ExpenseRow['kind'], number][] = [
    ['commission', result.fees],
    ['shipping', result.paidOrders * (shop.platform === 'jd' ? 0 : 480)],
    ['packaging', result.units * 60 + result.paidOrders * 40],
    // A team sized to the shop: ~¥300 per agent-day plus operations staff.
    ['labour', shop.agents.length * 30_000 + Math.round(base * 150)],
    ['marketing', shop.platform === 'douyin' ? result.creatorOrders * 300 + 20_000 : 5_000],
    ['other', day.day.endsWith('-01') ? 99_900 : 0],
  ];
  return amounts
    .filter(([, amount]) => amount > 0)
    .map(([kind, amount]) => ({ shop_id: shop.id, day: day.day, kind, amount: BigInt(amount) }));
}
