/**
 * Customer service and live streaming. Chats: about 7 % of orders start with a chat (the
 * converted ones), plus enquiries that never turn into an order; first response slows down
 * on burst days. Live streams: the live shop streams every evening, and also in the
 * afternoon on weekends and campaign days; its 直播 orders fall inside the streams, and each
 * stream's GMV and order count are the sums of those orders.
 */
import type * as R from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopDay } from './orders.js';
import type { World } from './state.js';

const HOUR = 3_600_000;
const HOSTS = ['主播-安然', '主播-小鹿', '主播-阿杰'];

export interface LiveWindow {
  id: string;
  startMs: number;
  endMs: number;
  host: string;
}

export function liveWindows(w: World, s: number, day: DayInfo, dayStartMs: number): LiveWindow[] {
  if (!w.shops[s]!.hasLive) return [];
  const weekday = (new Date(day.dayNumber * 86_400_000).getUTCDay() + 6) % 7;
  const out: LiveWindow[] = [];
  const compact = day.day.replaceAll('-', '');
  if (weekday >= 5 || day.campaignId) {
    out.push({ id: `LS${compact}1`, startMs: dayStartMs + 14 * HOUR, endMs: dayStartMs + 17 * HOUR, host: HOSTS[(day.index + 1) % 3]! });
  }
  out.push({ id: `LS${compact}2`, startMs: dayStartMs + 19.5 * HOUR, endMs: dayStartMs + 23.5 * HOUR, host: HOSTS[day.index % 3]! });
  return out;
}

export function liveRows(w: World, s: number, day: DayInfo, windows: readonly LiveWindow[], result: ShopDay): R.LiveSessionRow[] {
  return windows.map((win, i) => {
    const { orders, gmv } = result.live[i]!;
    // About 1.2 % of views convert in a home-goods live room; peak online is a few % of views.
    const views = Math.max(orders * 20, Math.round((orders / 0.012) * w.rng.jitter(0.15)) + w.rng.between(200, 800));
    return {
      shop_id: w.shops[s]!.id, session_id: win.id, host: win.host, started_at: new Date(win.startMs), ended_at: new Date(win.endMs),
      day: day.day, views, peak_online: Math.max(1, Math.round(views * 0.035 * w.rng.jitter(0.2))), gmv: BigInt(gmv), orders,
    };
  });
}

export function csSessionFor(w: World, s: number, startedMs: number, customerId: string | null, orderId: string | null, day: DayInfo): R.CsSessionRow {
  const shop = w.shops[s]!;
  const ms = Math.floor(startedMs / 1000) * 1000;
  const slow = day.phase === 'burst' ? 4 : 1;
  return {
    shop_id: shop.id, session_id: `${s + 1}${String(++w.seq.cs[s]!).padStart(11, '0')}`, agent: w.rng.pick(shop.agents),
    customer_id: customerId, started_at: new Date(ms), day: w.cut.ofMs(ms),
    first_response_s: Math.max(1, Math.round(slow * 8 * Math.exp(0.8 * w.rng.normal()))), converted_order_id: orderId,
  };
}

/** Enquiries that did not end in an order (about one per eight paid orders). */
export function idleSessions(w: World, s: number, day: DayInfo, dayStartMs: number, result: ShopDay): R.CsSessionRow[] {
  const pool = w.pools[s];
  const n = w.rng.poisson(result.paidOrders * 0.12);
  const out: R.CsSessionRow[] = [];
  for (let i = 0; i < n; i++) {
    const started = dayStartMs + (9 + w.rng.next() * 14) * HOUR;
    const who = pool ? pool.returning(day.index + 1, w.rng) : -1;
    out.push(csSessionFor(w, s, Math.min(started, w.endMs - 1000), pool && who >= 0 ? pool.idOf(who) : null, null, day));
  }
  return out;
}

