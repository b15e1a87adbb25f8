import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

/** The seller's code is the SKU here; the merge also fills the cost of platform SKUs that carry it. */
export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const sku_id = r.text('sku_id', true);
  const unit_cost = r.fen('unit_cost', true);
  if (!sku_id || unit_cost === undefined) return;
  const title = [r.text('title'), r.text('spec')].filter(Boolean).join(' ');
  out.product({
    sku_id, spu_id: r.text('spu_id') ?? '', merchant_code: sku_id, title, category_l1: r.text('category') ?? '',
    brand: r.text('brand') ?? null, list_price: r.fen('list_price') ?? r.fen('tag_price') ?? 0n, unit_cost,
  });
}
