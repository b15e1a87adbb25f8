import type { OrderStatus } from '../../../model/index.js';
import { mapStatus, orderFallback, vocabulary } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { sum } from '../common.js';
import type { columns } from './columns.js';

export const pddStatuses = vocabulary<OrderStatus>({
  待支付: 'unpaid', 未支付: 'unpaid', 待付款: 'unpaid',
  未发货: 'paid', 待发货: 'paid', 已发货: 'shipped', '已发货,待收货': 'shipped', 待收货: 'shipped',
  已收货: 'completed', 已签收: 'completed', 交易成功: 'completed',
  取消: 'closed', 已取消: 'closed', 交易已取消: 'closed', 交易关闭: 'closed',
});

/**
 * Pinduoduo gives no refund date: 售后状态 = 退款成功 becomes a refund of the paid amount dated
 * at payment (METRICS.md), keyed `pdd:<order>` so a later export replaces it, not adds to it.
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const created_at = r.time('created_at', true);
  const paid = r.fen('paid_amount', true);
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status', true), pddStatuses, orderFallback(paid_at));
  const qty = r.int('qty') ?? 1;
  if (!order_id || !created_at || paid === undefined) return;
  if (!st.known) out.unknownStatus(st.raw);
  const shipping = r.fen('shipping_fee') ?? 0n;
  const goods = r.fen('goods_amount') ?? paid;
  const paidNow = paid_at ? paid : 0n;
  out.order({
    order_id, customer_id: null, created_at, paid_at, shipped_at: r.time('shipped_at') ?? null, finished_at: r.time('finished_at') ?? null,
    status: st.status, status_raw: st.raw, goods_amount: goods, shipping_fee: shipping,
    discount_shop: r.fen('discount_shop') ?? 0n, discount_platform: sum(r.fen('discount_platform'), r.fen('discount_duoduo')),
    order_total: paid, paid_amount: paidNow, province: r.text('province') ?? null, city: r.text('city') ?? null, item_count: qty,
  });
  const code = r.text('code_sku') ?? r.text('code_item');
  const sku_id = r.id('style_id') ?? code ?? r.id('item_id') ?? order_id;
  out.line({ order_id, line_id: '1', sku_id, qty, goods_amount: goods, paid_amount: paidNow, status: st.status, status_raw: st.raw, paid_at });
  out.product({ sku_id, spu_id: r.id('item_id') ?? '', merchant_code: code ?? null, title: r.text('title') ?? '' });
  if (r.text('after_sale') === '退款成功' && paid_at) {
    out.refund({ refund_id: `pdd:${order_id}`, order_id, amount: paidNow, applied_at: paid_at, finished_at: paid_at, type: 'refund_only', status: 'success', status_raw: '退款成功', derived: true });
  }
}
