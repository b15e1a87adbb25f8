/** sources/taobao-refunds/normalize.ts in SQL (淘宝 退款报表: one row per refund case). */
import { refundStatuses } from '../../sources/refund-vocab.js';
import type { SqlSource } from '../sql-source.js';

export const taobaoRefundsSql: SqlSource = {
  id: 'taobao-refunds',
  kinds: {
    order_id: 'id', refund_id: 'id', amount: 'fen', applied_at: 'time', finished_at: 'time', status: 'text', need_return: 'text', reason: 'text',
    sku_id: 'id',
  },
  status: { field: 'status', vocab: refundStatuses },
  head: [['order_id', true], ['refund_id', true], ['amount', true], ['applied_at', true], ['finished_at', false], ['status', true]],
  stop: (c) => `(${['order_id', 'refund_id', 'amount', 'applied_at'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`,
  tail: [['sku_id', false]],
  emit(c, out) {
    const status = c.status("'pending'");
    return [{
      table: 'refunds',
      row: out.refund({
        refund_id: c.v('refund_id'), order_id: c.v('order_id'), sku_id: c.v('sku_id'), amount: c.v('amount'), applied_at: c.v('applied_at'),
        finished_at: `CASE WHEN ${status} <> 'pending' THEN ${c.v('finished_at')} END`,
        type: `CASE WHEN ${c.v('need_return')} = '是' THEN 'return_refund' ELSE 'refund_only' END`, reason: c.v('reason'), status,
        status_raw: c.statusRaw,
      }),
    }];
  },
};
