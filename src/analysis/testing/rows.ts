/**
 * Small row builders for hand-checked analysis fixtures: a test states only what matters
 * (shop, buyer, day, amount) and gets a complete canonical row.
 */
import { startOfDayUtc } from '../../core/time.js';
import type { OrderLineRow, OrderRow, ProductRow, RefundRow, ShopRow } from '../../model/index.js';

export function shop(shopId: string, platform = 'tmall'): ShopRow {
  return { shop_id: shopId, platform, name: shopId, timezone: 'Asia/Shanghai', currency: 'CNY', has_live: false };
}

/** A paid order at 10:00 shop time on `day`; `paidDay: null` makes it unpaid. */
export function order(o: { shop?: string; id: string; customer: string | null; day: string; fen: bigint; paid?: boolean; source?: string; campaign?: string }): OrderRow {
  const at = new Date(startOfDayUtc(o.day, 'Asia/Shanghai').getTime() + 10 * 3600_000);
  const paid = o.paid ?? true;
  return {
    shop_id: o.shop ?? 's1', order_id: o.id, customer_id: o.customer, created_at: at, created_day: o.day,
    paid_at: paid ? at : null, paid_day: paid ? o.day : null, shipped_at: null, finished_at: null,
    status: paid ? 'paid' : 'unpaid', status_raw: paid ? '买家已付款' : '等待买家付款', goods_amount: o.fen,
    discount_platform: 0n, discount_shop: 0n, discount_creator: 0n, shipping_fee: 0n, order_total: o.fen,
    paid_amount: paid ? o.fen : 0n, source: o.source ?? null, campaign_id: o.campaign ?? null, province: null, city: null,
    live_session_id: null, creator_id: null, item_count: 1,
  };
}

export function line(o: { shop?: string; order: string; line?: string; sku: string; qty?: number; fen: bigint; day: string | null }): OrderLineRow {
  const qty = o.qty ?? 1;
  return {
    shop_id: o.shop ?? 's1', order_id: o.order, line_id: o.line ?? o.sku, sku_id: o.sku, qty, unit_price: o.fen / BigInt(qty),
    goods_amount: o.fen, discount_amount: 0n, paid_amount: o.fen, status: o.day ? 'paid' : 'unpaid', status_raw: '', paid_day: o.day,
  };
}

export function product(o: { shop?: string; sku: string; cat?: string; cost?: bigint | null; price?: bigint }): ProductRow {
  return {
    shop_id: o.shop ?? 's1', sku_id: o.sku, spu_id: o.sku, merchant_code: null, title: o.sku, category_l1: o.cat ?? 'c1',
    category_l2: o.cat ?? 'c1', category_l3: o.cat ?? 'c1', brand: null, list_price: o.price ?? 0n, unit_cost: o.cost ?? null,
    status: 'on_sale', launched_at: null,
  };
}

export function refund(o: { shop?: string; id: string; order: string; fen: bigint; day: string; sku?: string; qty?: number }): RefundRow {
  const at = startOfDayUtc(o.day, 'Asia/Shanghai');
  return {
    shop_id: o.shop ?? 's1', refund_id: o.id, order_id: o.order, line_id: null, sku_id: o.sku ?? null, type: 'refund_only', reason: null,
    amount: o.fen, qty: o.qty ?? 0, applied_at: at, finished_at: at, finished_day: o.day, status: 'success', status_raw: '退款成功',
  };
}
