/**
 * Refunds upsert by refund id. Refunds inferred from an order export (Pinduoduo/Douyin
 * 售后状态 = 退款成功, ids `pdd:…` / `dy:…`) stand only until an after-sales export gives the
 * real case with dates and amounts: then the inferred row goes, and a re-import of the order
 * export does not bring it back (METRICS.md).
 */
import { refunds } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { upsertKeyed } from './keyed.js';
import type { TableCounts } from './sql.js';

export const DERIVED_REFUND = `(refund_id LIKE 'pdd:%' OR refund_id LIKE 'dy:%')`;
const sameCase = (a: string, b: string) =>
  `${a}.shop_id = ${b}.shop_id AND ${a}.order_id = ${b}.order_id AND (${a}.line_id IS NULL OR ${b}.line_id IS NULL OR ${a}.line_id = ${b}.line_id)`;

export async function mergeRefunds(tx: Warehouse, shops: readonly string[]): Promise<TableCounts> {
  // An inferred refund never overrides a real after-sales case already stored.
  const suppressed = await tx.query<{ n: bigint }>(`SELECT count(*) AS n FROM stg_refunds s WHERE s.derived
    AND EXISTS (SELECT 1 FROM refunds r WHERE ${sameCase('r', 's')} AND NOT ${DERIVED_REFUND.replace(/refund_id/g, 'r.refund_id')})`);
  await tx.exec(`DELETE FROM stg_refunds s WHERE s.derived
    AND EXISTS (SELECT 1 FROM refunds r WHERE ${sameCase('r', 's')} AND NOT ${DERIVED_REFUND.replace(/refund_id/g, 'r.refund_id')})`);
  // A real case replaces the inferred one for the same order (and sub-order).
  const replaced = await tx.query<{ n: bigint }>(`SELECT count(*) AS n FROM refunds r WHERE ${DERIVED_REFUND.replace(/refund_id/g, 'r.refund_id')}
    AND EXISTS (SELECT 1 FROM stg_refunds s WHERE NOT s.derived AND ${sameCase('r', 's')})`);
  await tx.exec(`DELETE FROM refunds r WHERE ${DERIVED_REFUND.replace(/refund_id/g, 'r.refund_id')}
    AND EXISTS (SELECT 1 FROM stg_refunds s WHERE NOT s.derived AND ${sameCase('r', 's')})`);
  const c = await upsertKeyed(tx, refunds, 'stg_refunds', 'replace', shops);
  return { ...c, staged: c.staged + Number(suppressed[0]?.n ?? 0), linked: c.linked + Number(suppressed[0]?.n ?? 0), updated: c.updated + Number(replaced[0]?.n ?? 0) };
}
