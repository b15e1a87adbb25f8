/**
 * One shop's orders of one day, with everything that hangs off each order: its lines, its
 * after-sales cases, its payout, the customer-service chat that led to it, and the status
 * snapshot of recent orders. Returns what the day's traffic, ads, live and expense rows are
 * derived from, so those tables agree with the orders.
 */
import type * as R from '../model/index.js';
import { HOUR_WEIGHTS, BURST_HOUR_WEIGHTS, type DayInfo } from './calendar.js';
import { pickLines, priceBasket } from './basket.js';
import { cumulativeOf, pickCumulative } from './prng.js';
import { refundForLine } from './refunds.js';
import { orderIdOf } from './shops.js';
import { csSessionFor, type LiveWindow } from './service.js';
import { addTo, type World } from './state.js';
import { PLACES } from './geo.js';

const HOUR = 3_600_000;
/** platform exports carry whole seconds */
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;
const hourCum = cumulativeOf(HOUR_WEIGHTS);
const burstHourCum = cumulativeOf(BURST_HOUR_WEIGHTS);
/** share of orders that come from a buyer who bought before (within a year) */
const RETURNING = 0.42;
const CREATORS = Array.from({ length: 24 }, (_, i) => `dr_${String(7_100_000 + i * 373)}`);

export interface SourceDay {
  name: string;
  /** orders the source would bring on this day without incidents (traffic is sized from it) */
  expected: number;
  paidOrders: number;
  buyers: number;
  paid: number;
}

export interface ShopDay {
  sources: SourceDay[];
  paidOrders: number;
  paid: number;
  units: number;
  fees: number;
  creatorOrders: number;
  live: { orders: number; gmv: number }[];
}

export function generateShopDay(w: World, s: number, day: DayInfo, dayStartMs: number, live: readonly LiveWindow[]): ShopDay {
  const { rng, cut } = w;
  const shop = w.shops[s]!;
  const cat = w.catalogs[s]!;
  const pool = w.pools[s]!;
  const stock = w.stock[s]!;
  const sold = w.soldToday[s]!;
  const stockout = w.incidents.active('stockout', s, day.index);
  const convDrop = w.incidents.active('conversion_drop', s, day.index);
  const spike = w.incidents.active('refund_spike', s, day.index);
  const statusRaw = shop.statusRaw;
  const orders: R.OrderRow[] = [];
  const lineRows: R.OrderLineRow[] = [];
  const refunds: R.RefundRow[] = [];
  const settlements: R.SettlementRow[] = [];
  const cs: R.CsSessionRow[] = [];
  const history: R.OrderStatusHistoryRow[] = [];
  const result: ShopDay = { sources: [], paidOrders: 0, paid: 0, units: 0, fees: 0, creatorOrders: 0, live: live.map(() => ({ orders: 0, gmv: 0 })) };
  const available = (k: number, qty: number) => stock[k]! >= qty && !(stockout && stockout.skuIndex === k);
  const refundId = () => `${s + 1}${String(++w.seq.refund[s]!).padStart(14, '0')}`;
  const historyFrom = w.endMs - 30 * 24 * HOUR;

  for (const src of shop.sources) {
    const expected = w.baseOrders[s]! * day.demand * src.share;
    const mean = expected * (convDrop && convDrop.source === src.name ? 0.45 : 1);
    const n = rng.poisson(mean);
    const sd: SourceDay = { name: src.name, expected, paidOrders: 0, buyers: 0, paid: 0 };
    const buyersSeen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const wantsToPay = rng.chance(day.phase === 'burst' ? 0.94 : 0.965);
      const picked = pickLines(cat, rng, available);
      if (picked.length === 0) continue; // nothing in stock: a lost sale, no order
      // Time of the order: live orders fall inside a live stream, others follow the day's rhythm.
      let createdMs: number;
      let liveIdx = -1;
      if (src.name === '直播' && live.length > 0) {
        liveIdx = rng.int(live.length);
        createdMs = live[liveIdx]!.startMs + rng.next() * (live[liveIdx]!.endMs - live[liveIdx]!.startMs);
      } else {
        const hour = pickCumulative(day.midnightRush ? burstHourCum : hourCum, rng);
        createdMs = dayStartMs + (hour + rng.next()) * HOUR;
      }
      createdMs = Math.floor(createdMs / 1000) * 1000;
      if (createdMs >= w.endMs) continue;
      // Payment follows within seconds to minutes; one that would land after the data ends is not yet made.
      const payAtMs = createdMs + Math.floor(5 + -Math.log(1 - rng.next()) * 240) * 1000;
      const isPaid = wantsToPay && payAtMs < w.endMs;
      const paidMs = isPaid ? payAtMs : NaN;
      const basket = priceBasket(shop, cat, picked, day, src.name, isPaid, rng);
      // The buyer: returning (drawn from last year's buyers) or new.
      let buyer = -1;
      let isNew = false;
      let customerId: string | null = null;
      let place: number;
      if (pool) {
        if (rng.chance(RETURNING)) buyer = pool.returning(day.index, rng);
        if (buyer < 0) {
          buyer = pool.add(isPaid ? paidMs : NaN, rng);
          isNew = true;
        } else if (isPaid) pool.notePaid(buyer, paidMs);
        customerId = pool.idOf(buyer);
        place = pool.placeOf(buyer);
        if (isPaid) pool.countOrder(buyer);
      } else {
        place = pickPlace(rng);
      }
      const seq = ++w.seq.order[s]!;
      const orderId = orderIdOf(shop, s, seq, day.day);
      const paidDay = isPaid ? cut.ofMs(paidMs) : null;
      const paidDayInfo = paidDay === null ? null : paidDay === day.day ? day : (w.days[day.index + 1] ?? day);
      // Fulfilment: JD ships from its own warehouses within hours, others within a day or two.
      let shippedMs = isPaid ? toSecond(paidMs + (shop.platform === 'jd' ? 2 + rng.next() * 10 : 3 + rng.next() * 30) * HOUR) : NaN;
      let finishedMs = toSecond(isPaid ? shippedMs + (40 + rng.next() * 130) * HOUR : createdMs + (0.5 + rng.next() * 23.5) * HOUR);
      if (shippedMs >= w.endMs) shippedMs = NaN;
      // After-sales cases, line by line.
      let refunded = 0;
      let cancelledLines = 0;
      let lastRefundMs = 0;
      const lineIds = basket.lines.map((_, j) => String(j + 1));
      if (isPaid) {
        basket.lines.forEach((l, j) => {
          const sku = cat.skus[l.sku]!;
          const inSpike = spike !== undefined && spike.skuIndex === l.sku;
          const rate = inSpike ? 0.4 : sku.refundRate * (day.phase === 'burst' ? 1.3 : 1);
          const out = refundForLine(shop, { orderId, lineId: lineIds[j]!, skuId: sku.skuId, qty: l.qty, paid: l.paid, paidMs, shippedMs }, rate, inSpike, refundId, w.endMs, rng);
          if (!out) return;
          if (out.row.finished_at) out.row.finished_day = cut.ofMs(out.row.finished_at.getTime());
          refunds.push(out.row);
          refunded += out.refunded;
          if (out.cancelled) {
            cancelledLines++;
            lastRefundMs = Math.max(lastRefundMs, out.row.finished_at!.getTime());
          }
        });
      }
      const cancelled = isPaid && cancelledLines === basket.lines.length;
      if (cancelled) {
        shippedMs = NaN;
        finishedMs = lastRefundMs;
      }
      let status: R.OrderStatus;
      if (!isPaid) status = finishedMs >= w.endMs ? 'unpaid' : 'closed';
      else if (cancelled) status = 'closed';
      else if (Number.isNaN(shippedMs)) status = 'paid';
      else status = finishedMs >= w.endMs ? 'shipped' : 'completed';
      if (status === 'unpaid' || status === 'paid' || status === 'shipped') finishedMs = NaN;
      const creatorId = src.name === '达人' ? rng.pick(CREATORS) : null;
      const campaignId = paidDayInfo?.campaignId ?? null;
      orders.push({
        shop_id: shop.id, order_id: orderId, customer_id: customerId, created_at: new Date(createdMs), created_day: day.day,
        paid_at: isPaid ? new Date(paidMs) : null, paid_day: paidDay, shipped_at: Number.isNaN(shippedMs) ? null : new Date(shippedMs),
        finished_at: Number.isNaN(finishedMs) ? null : new Date(finishedMs), status, status_raw: statusRaw[status],
        goods_amount: BigInt(basket.goods), discount_platform: BigInt(basket.discountPlatform), discount_shop: BigInt(basket.discountShop),
        discount_creator: BigInt(basket.discountCreator), shipping_fee: BigInt(basket.shipping), order_total: BigInt(basket.total),
        paid_amount: BigInt(isPaid ? basket.total : 0), source: src.name, campaign_id: campaignId, province: placeName(place, 0),
        city: placeName(place, 1), live_session_id: liveIdx >= 0 ? live[liveIdx]!.id : null, creator_id: creatorId,
        item_count: basket.lines.reduce((a, l) => a + l.qty, 0),
      });
      basket.lines.forEach((l, j) => {
        const sku = cat.skus[l.sku]!;
        const lineStatus = cancelled ? 'closed' : status;
        lineRows.push({
          shop_id: shop.id, order_id: orderId, line_id: lineIds[j]!, sku_id: sku.skuId, qty: l.qty, unit_price: BigInt(l.unitPrice),
          goods_amount: BigInt(l.goods), discount_amount: BigInt(l.discount), paid_amount: BigInt(l.paid), status: lineStatus,
          status_raw: statusRaw[lineStatus], paid_day: paidDay,
        });
        if (isPaid) {
          stock[l.sku]! -= l.qty;
          sold[l.sku]! += l.qty;
          result.units += l.qty;
          if (paidDay) addTo(w.tally.marketPaid, `${shop.platform}|${sku.row.category_l1}|${paidDay.slice(0, 8)}01`, l.paid);
        }
      });
      w.tally.orderLines += basket.lines.length;
      w.tally.orders++;
      if (createdMs >= historyFrom) {
        history.push({ shop_id: shop.id, order_id: orderId, seen_at: new Date(w.endMs - 1000), status, status_raw: statusRaw[status], run_id: null });
      }
      if (rng.chance(0.07)) cs.push(csSessionFor(w, s, createdMs - (2 + rng.next() * 58) * 60_000, customerId, isPaid ? orderId : null, day));
      if (!isPaid) continue;
      // Payout after the buyer confirms receipt, net of successful refunds and platform fees.
      const fee = Math.round(basket.total * shop.feeRate) + (creatorId ? Math.round(basket.total * 0.2) : 0);
      result.fees += fee;
      if (status === 'completed') {
        const settledMs = toSecond(finishedMs + rng.next() * 36 * HOUR);
        const net = basket.total - refunded;
        if (settledMs < w.endMs && net > 0) {
          const netFee = Math.round(net * shop.feeRate) + (creatorId ? Math.round(net * 0.2) : 0);
          settlements.push({
            shop_id: shop.id, order_id: orderId, settled_at: new Date(settledMs), settled_day: cut.ofMs(settledMs),
            amount: BigInt(net - netFee), fee: BigInt(netFee),
          });
        }
      }
      sd.paidOrders++;
      sd.paid += basket.total;
      result.paidOrders++;
      result.paid += basket.total;
      if (creatorId) result.creatorOrders++;
      if (liveIdx >= 0) {
        result.live[liveIdx]!.orders++;
        result.live[liveIdx]!.gmv += basket.total;
      }
      if (buyer >= 0) buyersSeen.add(buyer);
      if (campaignId) {
        addTo(w.tally.campaignPaid, campaignId, basket.total);
        addTo(w.tally.campaignPaid, `${campaignId}|${paidDayInfo!.phase}`, basket.total);
        if (isNew) addTo(w.tally.campaignNewBuyers, campaignId, 1);
      }
    }
    sd.buyers = pool ? buyersSeen.size : sd.paidOrders;
    result.sources.push(sd);
  }
  const tee = w.tee;
  tee.emit('orders', orders);
  tee.emit('order_lines', lineRows);
  tee.emit('refunds', refunds);
  tee.emit('settlements', settlements);
  tee.emit('cs_sessions', cs);
  tee.emit('order_status_history', history);
  return result;
}

const placeCum = cumulativeOf(PLACES.map((p) => p.weight));
function pickPlace(rng: World['rng']): number {
  return pickCumulative(placeCum, rng);
}
function placeName(place: number, part: 0 | 1): string {
  const p = PLACES[place]!;
  return part === 0 ? p.province : p.city;
}
