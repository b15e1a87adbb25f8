/** sources/wdt-orders/normalize.ts in SQL (旺店通 订单明细: one row per goods line). */
import type { SqlSource } from '../sql-source.js';
import { erpHead, erpKinds, erpRow, erpStatus, erpStop } from './erp-order-row.js';

export const wdtOrdersSql: SqlSource = {
  id: 'wdt-orders',
  kinds: {
    ...erpKinds, receiver: 'text', region: 'address', phone: 'text', shipping_fee: 'fen', discount: 'fen', goods_no: 'text', title: 'text',
    price: 'fen', line_paid: 'fen',
  },
  status: erpStatus,
  head: erpHead,
  stop: erpStop,
  tail: [['shipping_fee', false], ['discount', false], ['line_paid', false], ['price', false]],
  emit(c, out) {
    const { paidAt, paidNow, status, linePaid } = erpRow(c);
    const code = c.v('merchant_code');
    const customer = c.v('buyer');
    const region = c.region('region');
    const price = `coalesce(${c.v('price')}, 0)`;
    return [
      {
        table: 'orders',
        row: out.order({
          order_id: c.v('order_id'), customer_id: customer, created_at: c.v('created_at'), paid_at: paidAt, status, status_raw: c.statusRaw,
          shipping_fee: c.v('shipping_fee'), discount_shop: c.v('discount'), order_total: c.v('paid_amount'), paid_amount: paidNow, ...region,
        }),
      },
      {
        table: 'order_lines',
        row: out.line({
          order_id: c.v('order_id'), line_id: `'erp:' || coalesce(${c.v('goods_no')}, ${code})`, sku_id: code, qty: c.v('qty'), unit_price: price,
          paid_amount: linePaid(c.v('line_paid')), status, status_raw: c.statusRaw, paid_at: paidAt,
        }),
      },
      { table: 'products', row: out.product({ sku_id: code, merchant_code: code, title: c.v('title'), list_price: price }) },
      {
        table: 'customers',
        when: `${customer} IS NOT NULL`,
        row: out.customer({ customer_id: customer, nickname: customer, receiver_name: c.v('receiver'), phone: c.v('phone'), ...region }),
      },
    ];
  },
};
