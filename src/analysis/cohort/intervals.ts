/**
 * Days from a buyer's first to second purchase day, bucketed: both days are kept per buyer in
 * rollup_buyer_keys, so this is one pass over one row per buyer. With an end day, a buyer
 * whose second day falls after it has no second purchase yet.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { knownBuyers } from '../buyer-rollups.js';
import { count, ratio, type Row } from '../result.js';
import { Params, type ShopScope } from '../sql.js';

const BUCKETS = [7, 14, 30, 60, 90, 180, 365] as const;

export async function intervalDistribution(wh: Warehouse, scope: ShopScope | undefined, to?: string): Promise<Row[]> {
  const p = new Params(wh);
  const gaps = `SELECT ${wh.dialect.daysBetween('k.first_day', 'k.second_day')} AS gap FROM rollup_buyer_keys k
    WHERE ${knownBuyers(p, scope)} AND k.second_day IS NOT NULL AND ${p.days('k.second_day', undefined, to)}`;
  const bucket = `CASE ${BUCKETS.map((b, i) => `WHEN gap <= ${b} THEN ${i}`).join(' ')} ELSE ${BUCKETS.length} END`;
  const rows = await wh.query(`SELECT ${bucket} AS bucket, count(*) AS buyers FROM (${gaps}) g GROUP BY bucket ORDER BY bucket`, p.values);
  const total = rows.reduce((a, r) => a + count(r.buyers), 0);
  return BUCKETS.map((b, i) => i).concat([BUCKETS.length]).map((i) => {
    const n = count(rows.find((r) => count(r.bucket) === i)?.buyers);
    const lo = i === 0 ? 1 : BUCKETS[i - 1]! + 1;
    return { days: i < BUCKETS.length ? `${lo}-${BUCKETS[i]}` : `>${BUCKETS[BUCKETS.length - 1]}`, buyers: n, share: total ? ratio(n / total) : null };
  });
}
