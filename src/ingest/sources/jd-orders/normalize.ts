import type { OrderStatus } from '../../../model/index.js';
import { mapStatus, orderFallback, vocabulary } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { buyerKey, regionOf } from '../common.js';
import type { columns } from './columns.js';

export const jdStatuses = vocabulary<OrderStatus>({
  等待付款: 'unpaid', 等待支付: 'unpaid', 等待出库: 'paid', 锁定: 'paid', 暂停: 'paid',
  等待确认收货: 'shipped', 已出库: 'shipped', 完成: 'completed', 已完成: 'completed', 取消: 'closed', 已取消: 'closed',
});

/**
 * Amounts repeat on every SKU row of an order: the order fragment carries an empty frag_id so
 * the merge keeps one copy (the last row), never the sum. Each row is one line whose paid
 * share the merge allocates from 应付金额.
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const sku_id = r.id('sku_id', true);
  const qty = r.int('qty', true);
  const created_at = r.time('created_at', true);
  const paid = r.fen('paid_amount', true);
  // `0001-01-01 00:00:00` reads as null: the order is not paid.
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status', true), jdStatuses, orderFallback(paid_at));
  if (!order_id || !sku_id || qty === undefined || !created_at || paid === undefined) return;
  if (!st.known) out.unknownStatus(st.raw);
  const customer_id = buyerKey(r.text('buyer'));
  const address = r.text('address');
  const region = regionOf(address);
  const shipping = r.fen('shipping_fee') ?? 0n;
  const total = r.fen('order_total') ?? paid;
  out.order({
    order_id, customer_id, created_at, paid_at, finished_at: r.time('finished_at') ?? null, status: st.status, status_raw: st.raw,
    goods_amount: total - shipping, shipping_fee: shipping, order_total: total, paid_amount: paid_at ? paid : 0n,
    source: r.text('source') ?? null, ...region,
  });
  const price = r.fen('price') ?? 0n;
  out.line({ order_id, line_id: sku_id, sku_id, qty, unit_price: price, status: st.status, status_raw: st.raw, paid_at });
  out.product({ sku_id, merchant_code: r.text('merchant_code') ?? null, title: r.text('title') ?? '', list_price: price });
  if (customer_id) out.customer({ customer_id, nickname: customer_id, receiver_name: r.text('receiver') ?? null, phone: r.text('phone') ?? null, address: address ?? null, ...region });
}
