/** sources/jst-orders/normalize.ts in SQL (聚水潭 订单: one row per goods line). */
import type { SqlSource } from '../sql-source.js';
import { erpHead, erpKinds, erpRow, erpStatus, erpStop } from './erp-order-row.js';

export const jstOrdersSql: SqlSource = {
  id: 'jst-orders',
  kinds: {
    ...erpKinds, province: 'text', city: 'text', shipped_at: 'time', payable: 'fen', line_amount: 'fen', price: 'fen', line_no: 'id', style: 'text',
    title: 'text', receiver: 'text',
  },
  status: erpStatus,
  head: erpHead,
  stop: erpStop,
  tail: [['shipped_at', false], ['payable', false], ['line_amount', false], ['price', false], ['line_no', false]],
  emit(c, out) {
    const { paidAt, paidNow, status, linePaid } = erpRow(c);
    const code = c.v('merchant_code');
    const customer = c.v('buyer');
    const region = { province: c.v('province'), city: c.v('city') };
    const price = `coalesce(${c.v('price')}, 0)`;
    return [
      {
        table: 'orders',
        row: out.order({
          order_id: c.v('order_id'), customer_id: customer, created_at: c.v('created_at'), paid_at: paidAt, shipped_at: c.v('shipped_at'), status,
          status_raw: c.statusRaw, order_total: `coalesce(${c.v('payable')}, ${c.v('paid_amount')})`, paid_amount: paidNow, ...region,
        }),
      },
      {
        table: 'order_lines',
        row: out.line({
          order_id: c.v('order_id'), line_id: `'erp:' || coalesce(${c.v('line_no')}, ${code})`, sku_id: code, qty: c.v('qty'), unit_price: price,
          paid_amount: linePaid(c.v('line_amount')), status, status_raw: c.statusRaw, paid_at: paidAt,
        }),
      },
      { table: 'products', row: out.product({ sku_id: code, spu_id: c.v('style'), merchant_code: code, title: c.v('title'), list_price: price }) },
      {
        table: 'customers',
        when: `${customer} IS NOT NULL`,
        row: out.customer({ customer_id: customer, nickname: customer, receiver_name: c.v('receiver'), ...region }),
      },
    ];
  },
};
