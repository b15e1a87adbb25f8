import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const purchase_id = r.id('purchase_id', true);
  const sku_id = r.id('sku_id', true);
  const qty = r.int('qty', true);
  const arrived_at = r.time('arrived_at', true);
  const total = r.fen('cost');
  const unit = r.fen('unit_cost');
  if (!purchase_id || !sku_id || qty === undefined || !arrived_at) return;
  // the line's amount, else its unit price × units; a receipt without either costs nothing known
  const cost = total ?? (unit === undefined ? 0n : unit * BigInt(qty));
  out.purchase({ purchase_id, sku_id, warehouse: r.text('warehouse') ?? '', qty, cost, ordered_at: r.time('ordered_at') ?? arrived_at, arrived_at });
}
