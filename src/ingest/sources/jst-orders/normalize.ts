import { mapStatus, orderFallback } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { buyerKey } from '../common.js';
import { erpStatuses } from '../erp-vocab.js';
import type { columns } from './columns.js';

/** Like 旺店通: an ERP copy keyed by the platform order (线上订单号); see src/ingest/README.md. */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const created_at = r.time('created_at', true);
  const code = r.text('merchant_code', true);
  const qty = r.int('qty', true);
  const paid = r.fen('paid_amount', true);
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status'), erpStatuses, orderFallback(paid_at));
  if (!order_id || !created_at || !code || qty === undefined || paid === undefined) return;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  const customer_id = buyerKey(r.text('buyer'));
  const region = { province: r.text('province') ?? null, city: r.text('city') ?? null };
  out.order({
    order_id, customer_id, created_at, paid_at, shipped_at: r.time('shipped_at') ?? null, status: st.status, status_raw: st.raw,
    order_total: r.fen('payable') ?? paid, paid_amount: paid_at ? paid : 0n, ...region,
  });
  const amount = r.fen('line_amount');
  const price = r.fen('price') ?? 0n;
  out.line({
    order_id, line_id: `erp:${r.id('line_no') ?? code}`, sku_id: code, qty, unit_price: price,
    ...(amount !== undefined ? { paid_amount: paid_at ? amount : 0n } : {}), status: st.status, status_raw: st.raw, paid_at,
  });
  out.product({ sku_id: code, spu_id: r.text('style') ?? '', merchant_code: code, title: r.text('title') ?? '', list_price: price });
  if (customer_id) out.customer({ customer_id, nickname: customer_id, receiver_name: r.text('receiver') ?? null, ...region });
}
