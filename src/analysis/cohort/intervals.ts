/**
 * Days from a buyer's first to second purchase day, bucketed. The second day is the
 * smallest later day of the same buyer: an equality join plus a filter instead of LAG(),
 * which ClickHouse 18.16 lacks.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { count, ratio, type Row } from '../result.js';
import { buyerOrdersSql, Params, type ShopScope } from '../sql.js';

const BUCKETS = [7, 14, 30, 60, 90, 180, 365] as const;

export async function intervalDistribution(wh: Warehouse, _bp: string, scope: ShopScope | undefined, to?: string): Promise<Row[]> {
  const p = new Params(wh);
  const d = wh.dialect;
  const days = `SELECT DISTINCT shop_id, customer_id, paid_day FROM (${buyerOrdersSql(p, scope, undefined, to)}) o`;
  const gaps = `SELECT ${d.daysBetween('f.first_day', 'min(b.paid_day)')} AS gap FROM (${days}) b
    JOIN (SELECT shop_id, customer_id, min(paid_day) AS first_day FROM (${days}) x GROUP BY shop_id, customer_id) f
      ON f.shop_id = b.shop_id AND f.customer_id = b.customer_id
    WHERE b.paid_day > f.first_day GROUP BY b.shop_id, b.customer_id, f.first_day`;
  const bucket = `CASE ${BUCKETS.map((b, i) => `WHEN gap <= ${b} THEN ${i}`).join(' ')} ELSE ${BUCKETS.length} END`;
  const rows = await wh.query(`SELECT ${bucket} AS bucket, count(*) AS buyers FROM (${gaps}) g GROUP BY bucket ORDER BY bucket`, p.values);
  const total = rows.reduce((a, r) => a + count(r.buyers), 0);
  return BUCKETS.map((b, i) => i).concat([BUCKETS.length]).map((i) => {
    const n = count(rows.find((r) => count(r.bucket) === i)?.buyers);
    const lo = i === 0 ? 1 : BUCKETS[i - 1]! + 1;
    return { days: i < BUCKETS.length ? `${lo}-${BUCKETS[i]}` : `>${BUCKETS[BUCKETS.length - 1]}`, buyers: n, share: total ? ratio(n / total) : null };
  });
}
