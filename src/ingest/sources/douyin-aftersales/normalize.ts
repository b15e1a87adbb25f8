import { mapStatus } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { refundStatuses, refundTypes } from '../refund-vocab.js';
import type { columns } from './columns.js';

/**
 * The after-sales export has dates and amounts: its rows replace the refunds an order export
 * inferred from 售后状态 (the merge drops `dy:<sub-order>` rows for the same sub-order). A
 * finished case without a finish time is dated at its application.
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const refund_id = r.id('refund_id', true);
  const order_id = r.id('order_id', true);
  const amount = r.fen('amount', true);
  const applied_at = r.time('applied_at', true);
  const st = mapStatus(r.text('status', true), refundStatuses, 'pending');
  const type = mapStatus(r.text('type'), refundTypes, 'refund_only');
  if (!refund_id || !order_id || amount === undefined || !applied_at) return;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  const finished = r.time('finished_at') ?? null;
  out.refund({
    refund_id, order_id, line_id: r.id('line_id') ?? null, type: type.status, reason: r.text('reason') ?? null,
    amount, qty: r.int('qty') ?? 0, applied_at, finished_at: st.status === 'pending' ? null : finished ?? applied_at,
    status: st.status, status_raw: st.raw,
  });
}
