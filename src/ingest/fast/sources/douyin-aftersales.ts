/** sources/douyin-aftersales/normalize.ts in SQL (抖店 售后: one row per after-sales case). */
import { refundStatuses, refundTypes } from '../../sources/refund-vocab.js';
import type { SqlSource } from '../sql-source.js';

export const douyinAftersalesSql: SqlSource = {
  id: 'douyin-aftersales',
  kinds: {
    refund_id: 'id', order_id: 'id', line_id: 'id', type: 'text', status: 'text', applied_at: 'time', finished_at: 'time', amount: 'fen',
    reason: 'text', qty: 'int',
  },
  status: { field: 'status', vocab: refundStatuses },
  vocabs: { type: refundTypes },
  head: [['refund_id', true], ['order_id', true], ['amount', true], ['applied_at', true], ['status', true]],
  stop: (c) => `(${['refund_id', 'order_id', 'amount', 'applied_at'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`,
  tail: [['finished_at', false], ['line_id', false], ['qty', false]],
  emit(c, out) {
    const status = c.status("'pending'");
    return [{
      table: 'refunds',
      // A finished case without a finish time is dated at its application.
      row: out.refund({
        refund_id: c.v('refund_id'), order_id: c.v('order_id'), line_id: c.v('line_id'), type: c.mapped('type', "'refund_only'"), reason: c.v('reason'),
        amount: c.v('amount'), qty: c.v('qty'), applied_at: c.v('applied_at'),
        finished_at: `CASE WHEN ${status} <> 'pending' THEN coalesce(${c.v('finished_at')}, ${c.v('applied_at')}) END`, status, status_raw: c.statusRaw,
      }),
    }];
  },
};
