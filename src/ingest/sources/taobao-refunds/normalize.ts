import { mapStatus } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { refundStatuses } from '../refund-vocab.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const refund_id = r.id('refund_id', true);
  const amount = r.fen('amount', true);
  const applied_at = r.time('applied_at', true);
  const finished_at = r.time('finished_at') ?? null;
  const st = mapStatus(r.text('status', true), refundStatuses, 'pending');
  if (!order_id || !refund_id || amount === undefined || !applied_at) return;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  const needReturn = r.text('need_return');
  out.refund({
    refund_id, order_id, sku_id: r.id('sku_id') ?? null, amount, applied_at,
    finished_at: st.status === 'pending' ? null : finished_at,
    type: needReturn === '是' ? 'return_refund' : 'refund_only', reason: r.text('reason') ?? null,
    status: st.status, status_raw: st.raw,
  });
}
