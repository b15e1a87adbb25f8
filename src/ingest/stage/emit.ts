/**
 * What a normalizer hands over: canonical rows with only the fields the source knows;
 * defaults, business days and the shop are filled in by the collector.
 */
import type { OrderStatus } from '../../model/index.js';

export interface OrderInput {
  order_id: string;
  /** sub-order id whose amounts add up to the order; '' (default) when amounts repeat on every row */
  frag_id?: string;
  customer_id?: string | null;
  created_at: Date;
  paid_at?: Date | null;
  shipped_at?: Date | null;
  finished_at?: Date | null;
  status: OrderStatus;
  status_raw: string;
  goods_amount?: bigint;
  discount_platform?: bigint;
  discount_shop?: bigint;
  discount_creator?: bigint;
  shipping_fee?: bigint;
  order_total?: bigint;
  paid_amount?: bigint;
  source?: string | null;
  campaign_id?: string | null;
  province?: string | null;
  city?: string | null;
  live_session_id?: string | null;
  creator_id?: string | null;
  item_count?: number;
}

export interface LineInput {
  order_id: string;
  line_id: string;
  sku_id: string;
  qty: number;
  unit_price?: bigint;
  goods_amount?: bigint;
  discount_amount?: bigint;
  /** undefined: the source has no per-line paid amount; allocate from the order */
  paid_amount?: bigint;
  status: OrderStatus;
  status_raw: string;
  paid_at?: Date | null;
}

export interface RefundInput {
  refund_id: string;
  order_id: string;
  line_id?: string | null;
  sku_id?: string | null;
  type: 'refund_only' | 'return_refund' | 'exchange' | 'resend';
  reason?: string | null;
  amount: bigint;
  qty?: number;
  applied_at: Date;
  finished_at?: Date | null;
  status: 'pending' | 'success' | 'closed';
  status_raw: string;
  derived?: boolean;
}

export interface CustomerInput {
  customer_id: string;
  nickname?: string | null;
  receiver_name?: string | null;
  phone?: string | null;
  address?: string | null;
  province?: string | null;
  city?: string | null;
  member_tier?: string | null;
}

export interface ProductInput {
  sku_id: string;
  spu_id?: string;
  merchant_code?: string | null;
  title?: string;
  category_l1?: string;
  category_l2?: string;
  category_l3?: string;
  brand?: string | null;
  list_price?: bigint;
  unit_cost?: bigint | null;
}

export interface TrafficInput {
  day: Date; sku_id?: string; source: string;
  visitors: number; page_views?: number; bounced_visitors?: number; add_to_cart_users?: number; favourites?: number; buyers?: number;
}

export interface AdInput {
  day: Date; channel: string; campaign: string;
  impressions?: bigint; clicks?: bigint; cost: bigint; attributed_orders?: number; attributed_gmv?: bigint;
}

export interface InventoryInput {
  day: Date; sku_id: string; warehouse: string; on_hand: number; available?: number; in_transit?: number; unit_cost?: bigint;
}

/** A platform payout of one order (a bill may list an order on several rows: they add up). */
export interface SettlementInput {
  order_id: string; settled_at: Date; amount: bigint; fee?: bigint;
}

export type ExpenseKind = 'commission' | 'shipping' | 'packaging' | 'labour' | 'marketing' | 'other';

/** An expense of a day (several rows of a kind on a day add up). */
export interface ExpenseInput {
  day: Date; kind: ExpenseKind; amount: bigint;
}

/** One live stream (直播场次): its host, times and figures. */
export interface LiveInput {
  session_id: string; host: string; started_at: Date; ended_at: Date; views: number; peak_online: number; gmv: bigint; orders: number;
}

/** One customer-service conversation (接待): agent, buyer, start, seconds to the first answer, the order it led to. */
export interface CsInput {
  session_id: string; agent: string; customer_id: string | null; started_at: Date; first_response_s: number; converted_order_id: string | null;
}

/** A purchase line received into a warehouse (采购入库): lines of one order, SKU and warehouse add up. */
export interface PurchaseInput {
  purchase_id: string; sku_id: string; warehouse: string; qty: number; cost: bigint; ordered_at: Date; arrived_at: Date;
}

export interface Emit {
  order(o: OrderInput): void;
  line(l: LineInput): void;
  refund(r: RefundInput): void;
  customer(c: CustomerInput): void;
  product(p: ProductInput): void;
  traffic(t: TrafficInput): void;
  ad(a: AdInput): void;
  inventory(i: InventoryInput): void;
  settlement(s: SettlementInput): void;
  expense(e: ExpenseInput): void;
  live(l: LiveInput): void;
  cs(c: CsInput): void;
  purchase(p: PurchaseInput): void;
  /** a status wording the source's vocabulary does not know (quality report) */
  unknownStatus(raw: string): void;
}
