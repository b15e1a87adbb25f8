import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const day = r.time('day', true);
  const sku_id = r.text('sku_id', true);
  const on_hand = r.int('on_hand', true);
  if (!day || !sku_id || on_hand === undefined) return;
  out.inventory({
    day, sku_id, warehouse: r.text('warehouse') ?? '', on_hand, available: r.int('available') ?? on_hand,
    in_transit: r.int('in_transit') ?? 0, unit_cost: r.fen('unit_cost') ?? 0n,
  });
}
