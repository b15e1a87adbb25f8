/**
 * stage/collector.ts in SQL: a SQL normalizer names the fields its source knows (as SQL over
 * the cleaned row) and these fill the rest of the staging row with the collector's defaults,
 * business days included. Times come in as UTC epoch milliseconds (BIGINT SQL).
 */
import type { StageName } from '../stage/staging-tables.js';
import type { ZoneSql } from './zone-sql.js';

/** SQL per staging column */
export type StageRowSql = Record<string, string>;

const or = (v: string | undefined, d: string) => (v === undefined ? d : `coalesce(${v}, ${d})`);
const orNull = (v: string | undefined) => v ?? 'NULL';

export interface OrderSql {
  order_id: string; frag_id?: string; customer_id?: string; created_at: string; paid_at?: string; shipped_at?: string; finished_at?: string;
  status: string; status_raw: string; goods_amount?: string; discount_platform?: string; discount_shop?: string; discount_creator?: string;
  shipping_fee?: string; order_total?: string; paid_amount?: string; source?: string; campaign_id?: string; province?: string; city?: string;
  live_session_id?: string; creator_id?: string; item_count?: string;
}

export interface LineSql {
  order_id: string; line_id: string; sku_id: string; qty: string; unit_price?: string; goods_amount?: string; discount_amount?: string;
  /** undefined: the source has no per-line paid amount */
  paid_amount?: string; status: string; status_raw: string; paid_at?: string;
}

export interface RefundSql {
  refund_id: string; order_id: string; line_id?: string; sku_id?: string; type: string; reason?: string; amount: string; qty?: string;
  applied_at: string; finished_at?: string; status: string; status_raw: string; derived?: string;
}

export interface CustomerSql {
  customer_id: string; nickname?: string; receiver_name?: string; phone?: string; address?: string; province?: string; city?: string; member_tier?: string;
}

export interface ProductSql {
  sku_id: string; spu_id?: string; merchant_code?: string; title?: string; category_l1?: string; category_l2?: string; category_l3?: string;
  brand?: string; list_price?: string; unit_cost?: string;
}

export class CollectorSql {
  constructor(private readonly z: ZoneSql) {}

  private ts = (ms: string | undefined) => (ms === undefined ? 'NULL' : `CASE WHEN ${ms} IS NOT NULL THEN ${this.z.timestamp(ms)} END`);
  /** `ms`: a column (the zone's CASE repeats it) */
  private day = (ms: string | undefined) => (ms === undefined ? 'NULL' : `CASE WHEN ${ms} IS NOT NULL THEN ${this.z.day(ms)} END`);

  order(o: OrderSql): StageRowSql {
    const paid = or(o.paid_amount, '0');
    return {
      order_id: o.order_id, frag_id: or(o.frag_id, "''"), customer_id: orNull(o.customer_id),
      created_at: this.ts(o.created_at), created_day: this.day(o.created_at), paid_at: this.ts(o.paid_at), paid_day: this.day(o.paid_at),
      shipped_at: this.ts(o.shipped_at), finished_at: this.ts(o.finished_at), status: o.status, status_raw: o.status_raw,
      goods_amount: or(o.goods_amount, paid), discount_platform: or(o.discount_platform, '0'), discount_shop: or(o.discount_shop, '0'),
      discount_creator: or(o.discount_creator, '0'), shipping_fee: or(o.shipping_fee, '0'), order_total: or(o.order_total, paid),
      paid_amount: paid, source: orNull(o.source), campaign_id: orNull(o.campaign_id), province: orNull(o.province), city: orNull(o.city),
      live_session_id: orNull(o.live_session_id), creator_id: orNull(o.creator_id), item_count: or(o.item_count, '0'),
    };
  }

  line(l: LineSql): StageRowSql {
    const goods = or(l.goods_amount, `${or(l.unit_price, '0')} * ${l.qty}`);
    // BigInt division truncates toward zero, as DuckDB's // does.
    const unit = or(l.unit_price, `CASE WHEN ${l.qty} <> 0 THEN (${goods}) // ${l.qty} ELSE 0 END`);
    return {
      order_id: l.order_id, line_id: l.line_id, sku_id: l.sku_id, qty: l.qty, unit_price: unit, goods_amount: goods,
      discount_amount: or(l.discount_amount, '0'), paid_amount: or(l.paid_amount, '0'),
      paid_known: l.paid_amount === undefined ? 'false' : `(${l.paid_amount}) IS NOT NULL`,
      status: l.status, status_raw: l.status_raw, paid_day: this.day(l.paid_at),
    };
  }

  refund(r: RefundSql): StageRowSql {
    return {
      refund_id: r.refund_id, order_id: r.order_id, line_id: orNull(r.line_id), sku_id: orNull(r.sku_id), type: r.type,
      reason: orNull(r.reason), amount: r.amount, qty: or(r.qty, '0'), applied_at: this.ts(r.applied_at), finished_at: this.ts(r.finished_at),
      finished_day: this.day(r.finished_at), status: r.status, status_raw: r.status_raw, derived: or(r.derived, 'false'),
    };
  }

  customer(c: CustomerSql): StageRowSql {
    return {
      customer_id: c.customer_id, first_paid_at: 'NULL', member_tier: orNull(c.member_tier), member_since: 'NULL',
      nickname: orNull(c.nickname), receiver_name: orNull(c.receiver_name), phone: orNull(c.phone), address: orNull(c.address),
      province: orNull(c.province), city: orNull(c.city),
    };
  }

  product(p: ProductSql): StageRowSql {
    return {
      sku_id: p.sku_id, spu_id: or(p.spu_id, "''"), merchant_code: orNull(p.merchant_code), title: or(p.title, "''"),
      category_l1: or(p.category_l1, "''"), category_l2: or(p.category_l2, "''"), category_l3: or(p.category_l3, "''"),
      brand: orNull(p.brand), list_price: or(p.list_price, '0'), unit_cost: orNull(p.unit_cost), status: "'on_sale'", launched_at: 'NULL',
    };
  }
}

/** One staging insert of a SQL normalizer: the row's columns and when the normalizer emits it. */
export interface StageInsert {
  table: StageName;
  row: StageRowSql;
  /** SQL condition over the cleaned row (besides "clean and not stopped") */
  when?: string;
}
