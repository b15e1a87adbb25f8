import type { OrderStatus } from '../../../model/index.js';
import { mapStatus, orderFallback, vocabulary } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { buyerKey, regionOf } from '../common.js';
import type { columns } from './columns.js';

/** Taobao wording → canonical; both comma widths occur (keys are folded). */
export const taobaoStatuses = vocabulary<OrderStatus>({
  等待买家付款: 'unpaid', 买家未付款: 'unpaid',
  '买家已付款,等待卖家发货': 'paid', 等待卖家发货: 'paid', 买家已付款: 'paid',
  '卖家已发货,等待买家确认': 'shipped', 卖家已发货: 'shipped', 部分发货: 'shipped',
  交易成功: 'completed',
  交易关闭: 'closed', 退款: 'closed',
});

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const created_at = r.time('created_at', true);
  const paid_at = r.time('paid_at') ?? null;
  const paid = r.fen('paid_amount', true);
  const st = mapStatus(r.text('status', true), taobaoStatuses, orderFallback(paid_at));
  if (!order_id || !created_at || paid === undefined) return;
  if (!st.known) out.unknownStatus(st.raw);
  const customer_id = buyerKey(r.text('buyer'));
  const address = r.text('address');
  const region = regionOf(address);
  const shipping = r.fen('shipping_fee') ?? 0n;
  const goods = r.fen('goods_amount');
  out.order({
    order_id, customer_id, created_at, paid_at, shipped_at: r.time('shipped_at') ?? null, finished_at: r.time('finished_at') ?? null,
    status: st.status, status_raw: st.raw,
    goods_amount: goods ?? paid - shipping, shipping_fee: shipping, order_total: r.fen('order_total') ?? paid,
    // 实付 counts only once paid; an unpaid order has paid nothing yet.
    paid_amount: paid_at ? paid : 0n,
    province: region.province, city: region.city, item_count: r.int('item_count') ?? 0,
  });
  if (customer_id) out.customer({ customer_id, nickname: customer_id, receiver_name: r.text('receiver') ?? null, phone: r.text('phone') ?? null, address: address ?? null, ...region });
}
