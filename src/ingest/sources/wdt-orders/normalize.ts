import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { regionOf } from '../common.js';
import { readErpOrderRow } from '../erp-order-row.js';
import type { columns } from './columns.js';

/**
 * The ERP keeps a copy of the platform order: it is keyed by the platform order number under
 * the platform shop, so importing both gives one order. The merge lets a platform export own
 * the order; ERP rows only fill what no platform file gave (see src/ingest/README.md).
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const row = readErpOrderRow(r, out);
  if (!row) return;
  const { order_id, created_at, code, qty, paid, paid_at, st, customer_id } = row;
  const region = regionOf(r.text('region'));
  const paidNow = paid_at ? paid : 0n;
  out.order({
    order_id, customer_id, created_at, paid_at, status: st.status, status_raw: st.raw, shipping_fee: r.fen('shipping_fee') ?? 0n,
    discount_shop: r.fen('discount') ?? 0n, order_total: paid, paid_amount: paidNow, ...region,
  });
  const line_paid = r.fen('line_paid');
  const price = r.fen('price') ?? 0n;
  out.line({
    order_id, line_id: `erp:${r.text('goods_no') ?? code}`, sku_id: code, qty, unit_price: price,
    ...(line_paid !== undefined ? { paid_amount: paid_at ? line_paid : 0n } : {}), status: st.status, status_raw: st.raw, paid_at,
  });
  out.product({ sku_id: code, merchant_code: code, title: r.text('title') ?? '', list_price: price });
  if (customer_id) out.customer({ customer_id, nickname: customer_id, receiver_name: r.text('receiver') ?? null, phone: r.text('phone') ?? null, ...region });
}
