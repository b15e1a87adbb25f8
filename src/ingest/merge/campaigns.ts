/**
 * Which campaign an order belongs to. Platform exports do not say: an order belongs to the
 * campaign (大促) whose phase dates hold its paid day, in a shop the campaign covers (its own
 * shop, or every shop). Campaigns are defined by the seller (src/campaigns) and never overlap
 * for a shop, so at most one matches; `min` keeps it one row even if a store broke that rule.
 */
import type { SqlValue, Warehouse } from '../../warehouse/index.js';

/** SQL: the campaign id of the order row aliased `a`, or NULL. */
export function campaignOf(a: string): string {
  return `(SELECT min(cg.campaign_id) FROM campaigns cg JOIN campaign_phases cp ON cp.campaign_id = cg.campaign_id
    WHERE ${a}.paid_day BETWEEN cp.start_day AND cp.end_day AND (cg.shop_id IS NULL OR cg.shop_id = ${a}.shop_id))`;
}

export async function anyCampaign(wh: Warehouse): Promise<boolean> {
  const [row] = await wh.query<{ n: bigint | number }>('SELECT count(*) AS n FROM campaign_phases');
  return Number(row?.n ?? 0) > 0;
}

/**
 * Sets the campaign of the stored orders paid from `fromDay` to `toDay` (in `shopId`, or every
 * shop) from the campaigns as they are now: after a campaign is added, moved or removed, the
 * orders of its old and new dates follow. Returns the orders whose campaign changed.
 */
export async function restampOrders(tx: Warehouse, range: { fromDay: string; toDay: string; shopId: string | null }): Promise<number> {
  const p = tx.dialect.param;
  const values: SqlValue[] = [range.fromDay, range.toDay];
  const shop = range.shopId === null ? '' : ` AND o.shop_id = ${p(3)}`;
  if (range.shopId !== null) values.push(range.shopId);
  const [row] = await tx.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM orders o
    WHERE o.paid_day BETWEEN CAST(${p(1)} AS DATE) AND CAST(${p(2)} AS DATE)${shop} AND o.campaign_id IS DISTINCT FROM ${campaignOf('o')}`, values);
  const changed = Number(row?.n ?? 0);
  if (changed > 0) {
    await tx.exec(`UPDATE orders AS o SET campaign_id = ${campaignOf('o')}
      WHERE o.paid_day BETWEEN CAST(${p(1)} AS DATE) AND CAST(${p(2)} AS DATE)${shop} AND o.campaign_id IS DISTINCT FROM ${campaignOf('o')}`, values);
  }
  return changed;
}
