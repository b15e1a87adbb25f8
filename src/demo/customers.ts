/**
 * Buyers of one shop, kept as growable typed arrays (a few bytes per buyer) so ten million
 * order lines need no per-buyer objects. Buyers are numbered in order of their first paid
 * order; a returning buyer is drawn from those who first bought within the last year.
 */
import type { CustomerRow } from '../model/index.js';
import { PLACES, SURNAMES } from './geo.js';
import { cumulativeOf, pickCumulative, type Rng } from './prng.js';

const placeCumulative = cumulativeOf(PLACES.map((p) => p.weight));

class Grow<T extends Float64Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

export class CustomerPool {
  private readonly firstPaid = new Grow(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly place = new Grow(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly orders = new Grow(new Uint16Array(1024), (n) => new Uint16Array(n));
  /** index of the first buyer acquired on each calendar day */
  private readonly firstOfDay: number[] = [];

  constructor(private readonly shopId: string, private readonly idPrefix: string) {}

  get size(): number {
    return this.firstPaid.length;
  }

  startDay(dayIndex: number): void {
    this.firstOfDay[dayIndex] = this.size;
  }

  /** A returning buyer who first bought within the last 365 days, or -1 when there is none. */
  returning(dayIndex: number, rng: Rng): number {
    const lo = this.firstOfDay[Math.max(0, dayIndex - 365)] ?? 0;
    const hi = this.firstOfDay[dayIndex] ?? this.size;
    if (hi <= lo) return -1;
    // Recent buyers come back more often than those from eleven months ago.
    return hi - 1 - Math.floor((hi - lo) * Math.pow(rng.next(), 1.6));
  }

  add(firstPaidMs: number, rng: Rng): number {
    this.place.push(pickCumulative(placeCumulative, rng));
    this.orders.push(0);
    return this.firstPaid.push(firstPaidMs);
  }

  /** A buyer whose first order went unpaid gets their first paid time from this one. */
  notePaid(i: number, paidMs: number): void {
    if (Number.isNaN(this.firstPaid.data[i]!)) this.firstPaid.data[i] = paidMs;
  }

  countOrder(i: number): void {
    if (this.orders.data[i]! < 65535) this.orders.data[i]!++;
  }

  placeOf(i: number): number {
    return this.place.data[i]!;
  }

  idOf(i: number): string {
    return `${this.idPrefix}${String(i + 1).padStart(8, '0')}`;
  }

  /** The customers table; PII is masked the way platform exports mask it. */
  *rows(): Generator<CustomerRow> {
    for (let i = 0; i < this.size; i++) {
      const n = this.orders.data[i]!;
      const place = PLACES[this.place.data[i]!]!;
      const firstMs = this.firstPaid.data[i]!;
      const first = Number.isNaN(firstMs) ? null : new Date(firstMs);
      const tier = n >= 7 ? '钻石会员' : n >= 4 ? '金卡会员' : n >= 2 ? '银卡会员' : null;
      const digits = String((i * 7919 + 1234) % 10000).padStart(4, '0');
      yield {
        shop_id: this.shopId, customer_id: this.idOf(i), first_paid_at: first, member_tier: tier,
        member_since: tier && first ? first : null, nickname: `${this.idPrefix}${digits}***`, receiver_name: `${SURNAMES[i % SURNAMES.length]}**`,
        phone: `1${3 + (i % 6)}*******${digits.slice(2)}`, address: `${place.province}${place.city}****`,
        province: place.province, city: place.city,
      };
    }
  }
}
