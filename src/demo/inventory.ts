/**
 * Stock of every shop SKU, day by day. Each SKU starts with about a month of cover; when on
 * hand plus in transit falls below the expected demand of the lead time plus a week, a
 * purchase order for about a month (demand known from the calendar, so stock builds up before
 * 618 and 双11) is placed and arrives after 5–12 days. Sales only happen from stock, so a SKU
 * can run out and lose sales. For the stock-out incident, replenishment of the hit SKU is cut
 * to what it needs up to the incident's first day and the next delivery is held until the day
 * after the incident: the SKU sells out, shows available 0 and sells nothing in the window.
 */
import type { InventoryDailyRow, PurchaseRow } from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { World } from './state.js';

const DAY = 86_400_000;
/** lines per order × units per line × share of orders paid, on average */
const UNITS_PER_ORDER = 1.34 * 1.2 * 0.965;

/** a few units of safety stock so slow movers do not sit at zero for a whole lead time */
const SAFETY_UNITS = 3;

interface Arrival {
  shop: number;
  sku: number;
  qty: number;
}

export class Inventory {
  private readonly inTransit: Int32Array[];
  private readonly arrivals = new Map<number, Arrival[]>();
  private readonly prefix: Float64Array;
  private readonly share: Float64Array[];
  private readonly tailDemand: number;
  private purchaseSeq = 0;

  constructor(private readonly w: World) {
    const n = w.days.length;
    this.prefix = new Float64Array(n + 1);
    w.days.forEach((d, i) => (this.prefix[i + 1] = this.prefix[i]! + d.demand));
    this.tailDemand = (this.prefix[n]! - this.prefix[Math.max(0, n - 30)]!) / Math.min(30, n);
    this.share = w.catalogs.map((c) => {
      const total = c.cumulative[c.cumulative.length - 1]!;
      return Float64Array.from(c.cumulative, (cum, k) => (cum - (k > 0 ? c.cumulative[k - 1]! : 0)) / total);
    });
    this.inTransit = w.catalogs.map((c) => new Int32Array(c.skus.length));
    w.catalogs.forEach((c, s) => c.skus.forEach((_, k) => (w.stock[s]![k] = Math.ceil(this.expected(s, k, 0, 30)) + 5)));
  }

  /** expected units of SKU k in shop s over days [from, to) */
  private expected(s: number, k: number, from: number, to: number): number {
    const n = this.w.days.length;
    const inside = this.prefix[Math.min(to, n)]! - this.prefix[Math.min(from, n)]!;
    const beyond = Math.max(0, to - Math.max(from, n)) * this.tailDemand;
    return (inside + beyond) * this.w.baseOrders[s]! * this.share[s]![k]! * UNITS_PER_ORDER;
  }

  /** Deliveries due today land before the day's first order. */
  receive(day: DayInfo): void {
    for (const a of this.arrivals.get(day.index) ?? []) {
      this.w.stock[a.shop]![a.sku]! += a.qty;
      this.inTransit[a.shop]![a.sku]! -= a.qty;
    }
    this.arrivals.delete(day.index);
  }

  /** End of day: reorder what runs low, then snapshot every SKU. */
  close(day: DayInfo, dayStartMs: number): { snapshots: InventoryDailyRow[]; purchases: PurchaseRow[] } {
    const { w } = this;
    const stockout = w.incidents.find('stockout');
    const snapshots: InventoryDailyRow[] = [];
    const purchases: PurchaseRow[] = [];
    const d = day.index;
    w.catalogs.forEach((cat, s) => {
      const shop = w.shops[s]!;
      const stock = w.stock[s]!;
      const transit = this.inTransit[s]!;
      cat.skus.forEach((sku, k) => {
        const watched = stockout.shopIndex === s && stockout.skuIndex === k && d >= stockout.startIndex - 45 && d <= stockout.endIndex;
        const lead = shop.platform === 'jd' ? w.rng.between(4, 8) : w.rng.between(5, 12);
        let qty = 0;
        let arriveIndex = d + 1 + lead;
        if (!watched) {
          const position = stock[k]! + transit[k]!;
          if (position < this.expected(s, k, d + 1, d + 1 + lead + 7) + SAFETY_UNITS) {
            qty = Math.max(10, Math.ceil((this.expected(s, k, d + 1, d + 1 + lead + 30) - position) / 10) * 10);
          }
        } else if (d === stockout.startIndex - 10) {
          // The delayed delivery: ordered ten days before, lands the day after the stock-out.
          arriveIndex = stockout.endIndex + 1;
          qty = Math.ceil(this.expected(s, k, arriveIndex, arriveIndex + 40) / 10) * 10;
        } else if (d < stockout.startIndex - 12) {
          // Just enough to last until the stock-out starts, arriving well before it.
          const need = this.expected(s, k, d + 1, stockout.startIndex) - stock[k]! - transit[k]!;
          arriveIndex = Math.min(arriveIndex, stockout.startIndex - 3);
          if (need > 0) qty = Math.ceil(need);
        }
        if (qty > 0) purchases.push(this.order(s, k, qty, day, dayStartMs, arriveIndex));
        const blocked = stockout.shopIndex === s && stockout.skuIndex === k && d >= stockout.startIndex && d <= stockout.endIndex;
        snapshots.push({
          shop_id: shop.id, sku_id: sku.skuId, warehouse: shop.warehouse, day: day.day, on_hand: stock[k]!,
          available: blocked ? 0 : stock[k]!, in_transit: transit[k]!, unit_cost: BigInt(sku.cost),
        });
      });
      w.soldToday[s]!.fill(0);
    });
    return { snapshots, purchases };
  }

  private order(s: number, k: number, qty: number, day: DayInfo, dayStartMs: number, arriveIndex: number): PurchaseRow {
    const { w } = this;
    const shop = w.shops[s]!;
    const sku = w.catalogs[s]!.skus[k]!;
    const orderedMs = dayStartMs + 18 * 3_600_000;
    const arrivedMs = dayStartMs + (arriveIndex - day.index) * DAY + 10 * 3_600_000;
    const arrives = arriveIndex < w.days.length && arrivedMs < w.endMs;
    this.inTransit[s]![k]! += qty;
    const list = this.arrivals.get(arriveIndex) ?? [];
    list.push({ shop: s, sku: k, qty });
    this.arrivals.set(arriveIndex, list);
    return {
      purchase_id: `PO${day.day.replaceAll('-', '')}${String(++this.purchaseSeq).padStart(6, '0')}`, shop_id: shop.id, sku_id: sku.skuId,
      warehouse: shop.warehouse, qty, cost: BigInt(qty * sku.cost), ordered_at: new Date(orderedMs),
      arrived_at: arrives ? new Date(arrivedMs) : null, arrived_day: arrives ? w.cut.ofMs(arrivedMs) : null,
    };
  }
}
