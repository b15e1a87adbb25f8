/** sources/taobao-orders/normalize.ts in SQL (订单报表: one row per order). */
import { taobaoStatuses } from '../../sources/taobao-orders/normalize.js';
import { orderFallbackSql, type SqlSource } from '../sql-source.js';

export const taobaoOrdersSql: SqlSource = {
  id: 'taobao-orders',
  kinds: {
    order_id: 'id', buyer: 'buyer', goods_amount: 'fen', shipping_fee: 'fen', order_total: 'fen', paid_amount: 'fen', status: 'text',
    receiver: 'text', address: 'address', phone: 'text', created_at: 'time', paid_at: 'time', shipped_at: 'time', finished_at: 'time', item_count: 'int',
  },
  status: { field: 'status', vocab: taobaoStatuses },
  head: [['order_id', true], ['created_at', true], ['paid_at', false], ['paid_amount', true], ['status', true]],
  stop: (c) => `(${c.v('order_id')} IS NULL OR ${c.v('created_at')} IS NULL OR ${c.v('paid_amount')} IS NULL)`,
  tail: [['shipping_fee', false], ['goods_amount', false], ['shipped_at', false], ['finished_at', false], ['order_total', false], ['item_count', false]],
  emit(c, out) {
    const customer = c.v('buyer');
    const region = c.region('address');
    const paidAt = c.v('paid_at');
    const paid = c.v('paid_amount');
    const shipping = `coalesce(${c.v('shipping_fee')}, 0)`;
    return [
      {
        table: 'orders',
        row: out.order({
          order_id: c.v('order_id'), customer_id: customer, created_at: c.v('created_at'), paid_at: paidAt,
          shipped_at: c.v('shipped_at'), finished_at: c.v('finished_at'),
          status: c.status(orderFallbackSql(paidAt)), status_raw: c.statusRaw,
          goods_amount: `coalesce(${c.v('goods_amount')}, ${paid} - ${shipping})`, shipping_fee: shipping, order_total: `coalesce(${c.v('order_total')}, ${paid})`,
          // 实付 counts only once paid; an unpaid order has paid nothing yet.
          paid_amount: `CASE WHEN ${paidAt} IS NOT NULL THEN ${paid} ELSE 0 END`,
          province: region.province, city: region.city, item_count: `coalesce(${c.v('item_count')}, 0)`,
        }),
      },
      {
        table: 'customers',
        when: `${customer} IS NOT NULL`,
        row: out.customer({
          customer_id: customer, nickname: customer, receiver_name: c.v('receiver'), phone: c.v('phone'), address: c.v('address'), ...region,
        }),
      },
    ];
  },
};
