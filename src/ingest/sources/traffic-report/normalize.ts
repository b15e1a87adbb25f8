import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const day = r.time('day', true);
  const visitors = r.int('visitors', true);
  if (!day || visitors === undefined) return;
  out.traffic({
    day, source: r.text('source') ?? '', sku_id: r.id('sku_id') ?? '', visitors, page_views: r.int('page_views') ?? 0,
    bounced_visitors: r.int('bounced') ?? 0, add_to_cart_users: r.int('add_to_cart') ?? 0, favourites: r.int('favourites') ?? 0, buyers: r.int('buyers') ?? 0,
  });
}
