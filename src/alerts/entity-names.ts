/**
 * What a chat message calls an alert's shop and SKU: the shop's name (简屿生活馆, not
 * taobao_store) and the SKU's title beside its id, read from the store for the alerts at hand.
 * Keys are `dimension=value`; a value the store does not name keeps its id.
 */
import { paramList, type Warehouse } from '../warehouse/index.js';
import type { AlertEvent } from './lifecycle.js';

export type EntityNames = Readonly<Record<string, string>>;

/** A title past this many characters is cut (a phone shows one line of it). */
const TITLE_MAX = 24;

export async function entityNames(wh: Warehouse, events: readonly Pick<AlertEvent, 'entity'>[]): Promise<EntityNames> {
  const shops = [...new Set(events.flatMap((e) => (e.entity.shop !== undefined ? [e.entity.shop] : [])))];
  const skus = [...new Set(events.flatMap((e) => (e.entity.sku !== undefined ? [e.entity.sku] : [])))];
  const names: Record<string, string> = {};
  const d = wh.dialect;
  if (shops.length > 0) {
    const rows = await wh.query<{ shop_id: string; name: string }>(`SELECT shop_id, name FROM shops WHERE shop_id IN (${paramList(d, shops.length)})`, shops);
    for (const r of rows) if (r.name) names[`shop=${r.shop_id}`] = r.name;
  }
  if (skus.length > 0) {
    // a SKU is its shop's: `sku=ID@SHOP`; `sku=ID` for an alert by SKU alone (the first shop's title)
    const rows = await wh.query<{ shop_id: string; sku_id: string; title: string }>(`SELECT shop_id, sku_id, title FROM products WHERE sku_id IN (${paramList(d, skus.length)}) ORDER BY shop_id`, skus);
    for (const r of rows) {
      if (!r.title) continue;
      const chars = [...r.title];
      const named = `${r.sku_id}(${chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX).join('')}…` : r.title})`;
      names[`sku=${r.sku_id}@${r.shop_id}`] = named;
      names[`sku=${r.sku_id}`] ??= named;
    }
  }
  return names;
}
