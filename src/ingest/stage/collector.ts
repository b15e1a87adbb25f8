/**
 * Collects the canonical rows a normalizer emits for the current source row. A row lands in
 * the batch only when it had no problem (otherwise it is quarantined whole: never half a row).
 * Fills defaults, business days (shop time zone) and the shop.
 */
import { dayNumberInZone, dayNumberToText } from '../../core/time.js';
import type { Emit, OrderInput, LineInput, RefundInput, CustomerInput, ProductInput, TrafficInput, AdInput, InventoryInput, SettlementInput, ExpenseInput, LiveInput, CsInput, PurchaseInput } from './emit.js';
import type { StageName } from './staging-tables.js';

type Row = Record<string, unknown>;

export class Collector implements Emit {
  shopId = '';
  srcRow = 0;
  readonly batch: Record<StageName, Row[]> = emptyBatch();
  private pending: [StageName, Row][] = [];
  readonly unknownStatuses = new Map<string, number>();
  private pendingUnknown: string[] = [];
  /** per shop: first and last business day touched (data_changes) */
  readonly dayRange = new Map<string, { from: string; to: string }>();
  private readonly dayText = new Map<number, string>();

  constructor(private readonly tz: string) {}

  day(d: Date): string {
    const n = dayNumberInZone(d.getTime(), this.tz);
    let t = this.dayText.get(n);
    if (t === undefined) { t = dayNumberToText(n); this.dayText.set(n, t); }
    return t;
  }

  private pendingDays: string[] = [];

  /** Days count only once the row is committed: a quarantined row changes nothing. */
  private touch(day: string): void {
    this.pendingDays.push(day);
  }

  private applyDay(day: string): void {
    const r = this.dayRange.get(this.shopId);
    if (!r) this.dayRange.set(this.shopId, { from: day, to: day });
    else { if (day < r.from) r.from = day; if (day > r.to) r.to = day; }
  }

  private add(table: StageName, row: Row): void {
    row.shop_id = this.shopId;
    row.src_row = this.srcRow;
    this.pending.push([table, row]);
  }

  order(o: OrderInput): void {
    const created_day = this.day(o.created_at);
    const paid_day = o.paid_at ? this.day(o.paid_at) : null;
    const paid = o.paid_amount ?? 0n;
    this.add('orders', {
      order_id: o.order_id, frag_id: o.frag_id ?? '', customer_id: o.customer_id ?? null,
      created_at: o.created_at, created_day, paid_at: o.paid_at ?? null, paid_day,
      shipped_at: o.shipped_at ?? null, finished_at: o.finished_at ?? null,
      status: o.status, status_raw: o.status_raw,
      goods_amount: o.goods_amount ?? paid, discount_platform: o.discount_platform ?? 0n, discount_shop: o.discount_shop ?? 0n,
      discount_creator: o.discount_creator ?? 0n, shipping_fee: o.shipping_fee ?? 0n, order_total: o.order_total ?? paid,
      paid_amount: paid, source: o.source ?? null, campaign_id: o.campaign_id ?? null, province: o.province ?? null,
      city: o.city ?? null, live_session_id: o.live_session_id ?? null, creator_id: o.creator_id ?? null, item_count: o.item_count ?? 0,
    });
    this.touch(created_day);
    if (paid_day) this.touch(paid_day);
  }

  line(l: LineInput): void {
    const goods = l.goods_amount ?? (l.unit_price ?? 0n) * BigInt(l.qty);
    const paid_day = l.paid_at ? this.day(l.paid_at) : null;
    this.add('order_lines', {
      order_id: l.order_id, line_id: l.line_id, sku_id: l.sku_id, qty: l.qty,
      unit_price: l.unit_price ?? (l.qty ? goods / BigInt(l.qty) : 0n), goods_amount: goods,
      discount_amount: l.discount_amount ?? 0n, paid_amount: l.paid_amount ?? 0n, paid_known: l.paid_amount !== undefined,
      status: l.status, status_raw: l.status_raw, paid_day,
    });
    if (paid_day) this.touch(paid_day);
  }

  refund(r: RefundInput): void {
    const finished_day = r.finished_at ? this.day(r.finished_at) : null;
    this.add('refunds', {
      refund_id: r.refund_id, order_id: r.order_id, line_id: r.line_id ?? null, sku_id: r.sku_id ?? null, type: r.type,
      reason: r.reason ?? null, amount: r.amount, qty: r.qty ?? 0, applied_at: r.applied_at, finished_at: r.finished_at ?? null,
      finished_day, status: r.status, status_raw: r.status_raw, derived: r.derived ?? false,
    });
    if (finished_day) this.touch(finished_day);
  }

  customer(c: CustomerInput): void {
    this.add('customers', {
      customer_id: c.customer_id, first_paid_at: null, member_tier: c.member_tier ?? null, member_since: null,
      nickname: c.nickname ?? null, receiver_name: c.receiver_name ?? null, phone: c.phone ?? null,
      address: c.address ?? null, province: c.province ?? null, city: c.city ?? null,
    });
  }

  product(p: ProductInput): void {
    this.add('products', {
      sku_id: p.sku_id, spu_id: p.spu_id ?? '', merchant_code: p.merchant_code ?? null, title: p.title ?? '',
      category_l1: p.category_l1 ?? '', category_l2: p.category_l2 ?? '', category_l3: p.category_l3 ?? '',
      brand: p.brand ?? null, list_price: p.list_price ?? 0n, unit_cost: p.unit_cost ?? null, status: 'on_sale', launched_at: null,
    });
  }

  traffic(t: TrafficInput): void {
    const day = this.day(t.day);
    this.add('traffic_daily', {
      day, sku_id: t.sku_id ?? '', source: t.source, visitors: t.visitors, page_views: t.page_views ?? 0,
      bounced_visitors: t.bounced_visitors ?? 0, add_to_cart_users: t.add_to_cart_users ?? 0, favourites: t.favourites ?? 0, buyers: t.buyers ?? 0,
    });
    this.touch(day);
  }

  ad(a: AdInput): void {
    const day = this.day(a.day);
    this.add('ad_spend_daily', {
      day, channel: a.channel, campaign: a.campaign, impressions: a.impressions ?? 0n, clicks: a.clicks ?? 0n, cost: a.cost,
      attributed_orders: a.attributed_orders ?? 0, attributed_gmv: a.attributed_gmv ?? 0n,
    });
    this.touch(day);
  }

  inventory(i: InventoryInput): void {
    const day = this.day(i.day);
    this.add('inventory_daily', {
      sku_id: i.sku_id, warehouse: i.warehouse, day, on_hand: i.on_hand, available: i.available ?? i.on_hand,
      in_transit: i.in_transit ?? 0, unit_cost: i.unit_cost ?? 0n,
    });
    this.touch(day);
  }

  settlement(x: SettlementInput): void {
    this.add('settlements', { order_id: x.order_id, settled_at: x.settled_at, settled_day: this.day(x.settled_at), amount: x.amount, fee: x.fee ?? 0n });
    this.touch(this.day(x.settled_at));
  }

  expense(e: ExpenseInput): void {
    const day = this.day(e.day);
    this.add('expenses', { day, kind: e.kind, amount: e.amount });
    this.touch(day);
  }

  live(l: LiveInput): void {
    const day = this.day(l.started_at);
    this.add('live_sessions', { ...l, day });
    this.touch(day);
  }

  cs(c: CsInput): void {
    const day = this.day(c.started_at);
    this.add('cs_sessions', { ...c, day });
    this.touch(day);
  }

  purchase(x: PurchaseInput): void {
    const day = this.day(x.arrived_at);
    // a line of the table is one purchase order, SKU and warehouse
    this.add('purchases', { ...x, purchase_id: `${x.purchase_id}|${x.sku_id}|${x.warehouse}`, arrived_day: day });
    this.touch(day);
  }

  unknownStatus(raw: string): void {
    this.pendingUnknown.push(raw);
  }

  /** The row was clean: its rows join the batch. */
  commitRow(): void {
    for (const [t, r] of this.pending) {
      if (t === 'products' || t === 'customers') this.keepMaster(t, r);
      else this.batch[t].push(r);
    }
    for (const s of this.pendingUnknown) this.unknownStatuses.set(s, (this.unknownStatuses.get(s) ?? 0) + 1);
    for (const d of this.pendingDays) this.applyDay(d);
    this.pending = [];
    this.pendingUnknown = [];
    this.pendingDays = [];
  }

  dropRow(): void {
    this.pending = [];
    this.pendingUnknown = [];
    this.pendingDays = [];
  }

  batchSize(): number {
    let n = 0;
    for (const rows of Object.values(this.batch)) n += rows.length;
    return n;
  }

  /**
   * SKUs and buyers repeat on many rows (a product on every order line): keep the last row per
   * key in a bounded map instead of staging every copy.
   */
  private readonly masters = { products: new Map<string, Row>(), customers: new Map<string, Row>() };

  private keepMaster(t: 'products' | 'customers', r: Row): void {
    const m = this.masters[t];
    const key = `${r.shop_id as string}\u0000${(t === 'products' ? r.sku_id : r.customer_id) as string}`;
    m.delete(key); // re-insert so the map keeps the last occurrence last
    m.set(key, r);
    if (m.size >= 20_000) this.drainMasters(t);
  }

  private drainMasters(t: 'products' | 'customers'): void {
    for (const r of this.masters[t].values()) this.batch[t].push(r);
    this.masters[t].clear();
  }

  /** `final`: also hand over the SKUs and buyers still held back. */
  takeBatch(final = false): Record<StageName, Row[]> {
    if (final) { this.drainMasters('products'); this.drainMasters('customers'); }
    const b = { ...this.batch };
    Object.assign(this.batch, emptyBatch());
    return b;
  }
}

function emptyBatch(): Record<StageName, Row[]> {
  return { orders: [], order_lines: [], refunds: [], customers: [], products: [], traffic_daily: [], ad_spend_daily: [], inventory_daily: [], settlements: [], expenses: [], live_sessions: [], cs_sessions: [], purchases: [] };
}
