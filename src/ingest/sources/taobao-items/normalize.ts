import { mapStatus, orderFallback } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { shortHash } from '../common.js';
import { taobaoStatuses } from '../taobao-orders/normalize.js';
import type { columns } from './columns.js';

/**
 * The 宝贝报表 has no line id and no SKU id: the line is keyed by the seller's code (or the
 * title) plus the attributes, which stay the same across re-exports whatever the row order.
 * It has no paid share either: the merge allocates the order's paid amount over its lines.
 */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const title = r.text('title', true);
  const price = r.fen('price', true);
  const qty = r.int('qty', true);
  const st = mapStatus(r.text('status'), taobaoStatuses, orderFallback(null));
  if (!order_id || !title || price === undefined || qty === undefined) return;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  const code = r.text('merchant_code') ?? r.text('external_id');
  const attrs = r.text('attributes') ?? '';
  const sku_id = code ?? `t${shortHash(title + '|' + attrs)}`;
  out.line({ order_id, line_id: `${sku_id}|${shortHash(attrs)}`, sku_id, qty, unit_price: price, status: st.status, status_raw: st.raw });
  out.product({ sku_id, merchant_code: code ?? null, title, list_price: price });
}
