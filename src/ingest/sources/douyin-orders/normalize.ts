import type { OrderStatus } from '../../../model/index.js';
import { mapStatus, orderFallback, vocabulary } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export const douyinStatuses = vocabulary<OrderStatus>({
  待支付: 'unpaid', 待付款: 'unpaid', 待发货: 'paid', 备货中: 'paid', 部分发货: 'shipped', 已发货: 'shipped',
  已完成: 'completed', 已关闭: 'closed', 已取消: 'closed',
});

/**
 * Each sub-order carries its own amounts: the order fragment is keyed by the sub-order id so
 * the merge adds sub-orders up (and a sub-order repeated in the file counts once).
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const line_id = r.id('line_id', true);
  const qty = r.int('qty', true);
  const payable = r.fen('payable', true);
  const created_at = r.time('created_at', true);
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status', true), douyinStatuses, orderFallback(paid_at));
  if (!order_id || !line_id || qty === undefined || payable === undefined || !created_at) return;
  if (!st.known) out.unknownStatus(st.raw);
  const paid = paid_at ? payable : 0n;
  const goods = r.fen('goods_amount') ?? payable;
  out.order({
    order_id, frag_id: line_id, customer_id: null, created_at, paid_at, shipped_at: r.time('shipped_at') ?? null,
    finished_at: r.time('finished_at') ?? null, status: st.status, status_raw: st.raw, goods_amount: goods,
    shipping_fee: r.fen('shipping_fee') ?? 0n, discount_platform: r.fen('discount_platform') ?? 0n,
    discount_shop: r.fen('discount_shop') ?? 0n, discount_creator: r.fen('discount_creator') ?? 0n,
    order_total: payable, paid_amount: paid, source: r.text('source') ?? null, creator_id: r.id('creator_id') ?? null,
    province: r.text('province') ?? null, city: r.text('city') ?? null, item_count: qty,
  });
  const code = r.text('merchant_code');
  const item = r.id('item_id');
  const sku_id = code ?? item ?? line_id;
  out.line({ order_id, line_id, sku_id, qty, unit_price: r.fen('price'), goods_amount: goods, paid_amount: paid, status: st.status, status_raw: st.raw, paid_at });
  out.product({ sku_id, spu_id: item ?? '', merchant_code: code ?? null, title: r.text('title') ?? '', list_price: r.fen('price') ?? 0n });
  if (r.text('after_sale') === '退款成功' && paid_at) {
    out.refund({ refund_id: `dy:${line_id}`, order_id, line_id, sku_id, amount: paid, applied_at: paid_at, finished_at: paid_at, type: 'refund_only', status: 'success', status_raw: '退款成功', derived: true });
  }
}
