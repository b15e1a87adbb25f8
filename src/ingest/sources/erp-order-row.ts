/**
 * What 旺店通 and 聚水潭 goods lines have in common: the platform order they copy, the goods
 * line's code, quantity and paid amount, and the order's status and buyer. Each ERP source
 * adds its own columns on top.
 */
import { mapStatus, orderFallback } from '../clean/statuses.js';
import type { Emit } from '../stage/emit.js';
import { buyerKey } from './common.js';
import { erpStatuses } from './erp-vocab.js';
import type { RowReader } from './row-reader.js';

type ErpField = 'order_id' | 'created_at' | 'merchant_code' | 'qty' | 'paid_amount' | 'paid_at' | 'status' | 'buyer';

/** The shared fields of an ERP goods line, or undefined when a required one is missing (the reader has reported it). */
export function readErpOrderRow<F extends string>(r: RowReader<F | ErpField>, out: Emit) {
  const order_id = r.id('order_id', true);
  const created_at = r.time('created_at', true);
  const code = r.text('merchant_code', true);
  const qty = r.int('qty', true);
  const paid = r.fen('paid_amount', true);
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status'), erpStatuses, orderFallback(paid_at));
  if (!order_id || !created_at || !code || qty === undefined || paid === undefined) return undefined;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  return { order_id, created_at, code, qty, paid, paid_at, st, customer_id: buyerKey(r.text('buyer')) };
}
