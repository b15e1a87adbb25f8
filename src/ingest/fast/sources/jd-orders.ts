/** sources/jd-orders/normalize.ts in SQL (京东 POP: one row per SKU, order amounts repeat on each row). */
import { jdStatuses } from '../../sources/jd-orders/normalize.js';
import { orderFallbackSql, type SqlSource } from '../sql-source.js';

export const jdOrdersSql: SqlSource = {
  id: 'jd-orders',
  kinds: {
    order_id: 'id', sku_id: 'id', title: 'text', qty: 'int', created_at: 'time', price: 'fen', order_total: 'fen', paid_amount: 'fen',
    shipping_fee: 'fen', status: 'text', buyer: 'buyer', receiver: 'text', address: 'address', phone: 'text', paid_at: 'time',
    finished_at: 'time', merchant_code: 'text', source: 'text',
  },
  status: { field: 'status', vocab: jdStatuses },
  head: [['order_id', true], ['sku_id', true], ['qty', true], ['created_at', true], ['paid_amount', true], ['paid_at', false], ['status', true]],
  stop: (c) => `(${['order_id', 'sku_id', 'qty', 'created_at', 'paid_amount'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`,
  tail: [['shipping_fee', false], ['order_total', false], ['finished_at', false], ['price', false]],
  emit(c, out) {
    const customer = c.v('buyer');
    const region = c.region('address');
    const paidAt = c.v('paid_at');
    const shipping = `coalesce(${c.v('shipping_fee')}, 0)`;
    const total = `coalesce(${c.v('order_total')}, ${c.v('paid_amount')})`;
    const status = c.status(orderFallbackSql(paidAt));
    const price = `coalesce(${c.v('price')}, 0)`;
    return [
      {
        table: 'orders',
        // No frag_id: every SKU row repeats the order, the merge keeps one copy (the last row).
        row: out.order({
          order_id: c.v('order_id'), customer_id: customer, created_at: c.v('created_at'), paid_at: paidAt, finished_at: c.v('finished_at'),
          status, status_raw: c.statusRaw, goods_amount: `${total} - ${shipping}`, shipping_fee: shipping, order_total: total,
          paid_amount: `CASE WHEN ${paidAt} IS NOT NULL THEN ${c.v('paid_amount')} ELSE 0 END`, source: c.v('source'), ...region,
        }),
      },
      {
        table: 'order_lines',
        // No paid share per SKU: the merge allocates 应付金额 over the lines.
        row: out.line({
          order_id: c.v('order_id'), line_id: c.v('sku_id'), sku_id: c.v('sku_id'), qty: c.v('qty'), unit_price: price, status,
          status_raw: c.statusRaw, paid_at: paidAt,
        }),
      },
      {
        table: 'products',
        row: out.product({ sku_id: c.v('sku_id'), merchant_code: c.v('merchant_code'), title: c.v('title'), list_price: price }),
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
