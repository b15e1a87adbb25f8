import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const day = r.time('day', true);
  const campaign = r.text('campaign', true);
  const cost = r.fen('cost', true);
  if (!day || !campaign || cost === undefined) return;
  const impressions = r.int('impressions');
  const clicks = r.int('clicks');
  out.ad({
    day, channel: r.text('channel') ?? '', campaign, cost,
    impressions: BigInt(impressions ?? 0), clicks: BigInt(clicks ?? 0), attributed_orders: r.int('orders') ?? 0, attributed_gmv: r.fen('gmv') ?? 0n,
  });
}
