import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { readErpOrderRow } from '../erp-order-row.js';
import type { columns } from './columns.js';

/** Like 旺店通: an ERP copy keyed by the platform order (线上订单号); see src/ingest/README.md. */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const row = readErpOrderRow(r, out);
  if (!row) return;
  const { order_id, created_at, code, qty, paid, paid_at, st, customer_id } = row;
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
