import type { Emit } from '../../stage/emit.js';
import type { RowReader } from '../row-reader.js';
import type { columns } from './columns.js';

export function normalize(r: RowReader<keyof typeof columns>, out: Emit): void {
  const order_id = r.id('order_id', true);
  const settled_at = r.time('settled_at', true);
  const amount = r.fen('amount', true);
  const fee = r.fen('fee');
  if (!order_id || !settled_at || amount === undefined) return;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  // A fund bill's 出账 row takes money back out of the order's payout: a fee withheld.
  if (/出|支出/.test(r.text('direction') ?? '')) {
    out.settlement({ order_id, settled_at, amount: -abs(amount), fee: abs(amount) });
    return;
  }
  // Bills show a fee as a charge (−6.50) or as its size (6.50): withheld either way.
  out.settlement({ order_id, settled_at, amount, fee: fee === undefined ? 0n : abs(fee) });
}
