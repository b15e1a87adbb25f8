import { mapStatus, orderFallback } from '../../clean/statuses.js';
import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import { taobaoStatuses } from '../taobao-orders/normalize.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const line_id = r.id('line_id', true);
  const order_id = r.id('order_id', true);
  const price = r.fen('price', true);
  const qty = r.int('qty', true);
  const paid_at = r.time('paid_at') ?? null;
  const st = mapStatus(r.text('status'), taobaoStatuses, orderFallback(paid_at));
  if (!line_id || !order_id || price === undefined || qty === undefined) return;
  if (!st.known && st.raw) out.unknownStatus(st.raw);
  const code = r.text('merchant_code') ?? r.text('external_id');
  const item = r.id('item_id');
  const sku_id = code ?? item ?? line_id;
  const paid = r.fen('paid_amount');
  out.line({
    order_id, line_id, sku_id, qty, unit_price: price, goods_amount: r.fen('goods_amount') ?? price * BigInt(qty),
    ...(paid !== undefined ? { paid_amount: paid_at ? paid : 0n } : {}), status: st.status, status_raw: st.raw, paid_at,
  });
  out.product({ sku_id, spu_id: item ?? '', merchant_code: code ?? null, title: r.text('title') ?? '', list_price: price });
}
