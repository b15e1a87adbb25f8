/**
 * `removeDemo`: takes the demo seller out of a store, leaving whatever the seller imported.
 * `npm start` fills an empty store with the demo; a seller who then imports their own exports
 * should not find 简屿's six shops in every total. The demo's rows are those of its shops,
 * its campaigns (ids `demo-…`, they cover every shop) and the market sizes (only the demo
 * writes them). One transaction: it lands whole or not at all.
 */
import { canonicalTables } from '../model/index.js';
import { paramList, recordDataChange, type Warehouse } from '../warehouse/index.js';
import { DEMO_CAMPAIGN_PREFIX } from './calendar.js';
import { demoShops } from './shops.js';

export interface DemoRemoval {
  /** demo shops that were in the store */
  shops: string[];
  /** rows removed, by table */
  rows: Record<string, number>;
}

/** The demo shops the store holds: none when the demo was never loaded or is gone. */
export async function demoShopsIn(wh: Warehouse): Promise<string[]> {
  const ids = demoShops.map((s) => s.id);
  const rows = await wh.query<{ shop_id: string }>(`SELECT shop_id FROM shops WHERE shop_id IN (${paramList(wh.dialect, ids.length)}) ORDER BY shop_id`, ids);
  return rows.map((r) => r.shop_id);
}

export async function removeDemo(wh: Warehouse): Promise<DemoRemoval> {
  const shops = await demoShopsIn(wh);
  const p = wh.dialect.param;
  return wh.transaction(async (tx) => {
    const rows: Record<string, number> = {};
    const [span] = shops.length === 0 ? [] : await tx.query<{ lo: string | null; hi: string | null }>(
      `SELECT CAST(min(created_day) AS VARCHAR) AS lo, CAST(max(created_day) AS VARCHAR) AS hi FROM orders WHERE shop_id IN (${paramList(tx.dialect, shops.length)})`, shops);
    const remove = async (table: string, where: string, params: readonly string[]) => {
      const [n] = await tx.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
      if (Number(n?.n ?? 0) === 0) return;
      rows[table] = Number(n!.n);
      await tx.exec(`DELETE FROM ${table} WHERE ${where}`, params);
    };
    const campaign = `campaign_id LIKE ${p(1)}`;
    // phases before their campaigns, the rest by shop; orders of the seller keep their own campaigns
    await remove('campaign_phases', campaign, [`${DEMO_CAMPAIGN_PREFIX}%`]);
    await remove('campaigns', campaign, [`${DEMO_CAMPAIGN_PREFIX}%`]);
    await remove('market_sizes', 'TRUE', []);
    if (shops.length > 0) {
      const inShops = `shop_id IN (${paramList(tx.dialect, shops.length)})`;
      for (const t of canonicalTables) {
        if ('shop_id' in t.columns && t.name !== 'campaigns') await remove(t.name, inShops, shops);
      }
    }
    // Orders the seller imported while the demo's campaigns stood were filed under them.
    await tx.exec(`UPDATE orders SET campaign_id = NULL WHERE campaign_id LIKE ${p(1)}`, [`${DEMO_CAMPAIGN_PREFIX}%`]);
    await recordDataChange(tx, { origin: 'demo-removed', ...(span?.lo ? { fromDay: span.lo, toDay: span.hi! } : {}) });
    return { shops, rows };
  });
}
