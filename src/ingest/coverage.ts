/**
 * What the store holds, shop by shop: for each kind of data (orders, refunds, traffic, ads,
 * inventory, settlements, customer service, live, expenses) its rows and the first and last
 * business day — so a data team sees at a glance which export is missing or behind.
 */
import { paramList, type Warehouse } from '../warehouse/index.js';

/** Each kind of data, the table it lands in and the business day that dates a row. */
export const coverageKinds = [
  { kind: 'orders', table: 'orders', day: 'created_day', zh: '订单', en: 'Orders' },
  { kind: 'refunds', table: 'refunds', day: 'finished_day', zh: '退款', en: 'Refunds' },
  { kind: 'traffic', table: 'traffic_daily', day: 'day', zh: '流量', en: 'Traffic' },
  { kind: 'ads', table: 'ad_spend_daily', day: 'day', zh: '推广', en: 'Ads' },
  { kind: 'inventory', table: 'inventory_daily', day: 'day', zh: '库存', en: 'Inventory' },
  { kind: 'settlements', table: 'settlements', day: 'settled_day', zh: '回款', en: 'Settlements' },
  { kind: 'cs', table: 'cs_sessions', day: 'day', zh: '客服', en: 'Customer service' },
  { kind: 'live', table: 'live_sessions', day: 'day', zh: '直播', en: 'Live' },
  { kind: 'expenses', table: 'expenses', day: 'day', zh: '费用', en: 'Expenses' },
] as const;
export type CoverageKind = (typeof coverageKinds)[number]['kind'];

export interface KindCoverage {
  rows: number;
  /** first and last business day of the rows that carry one (an open refund has none) */
  from: string | null;
  to: string | null;
}

export interface ShopCoverage {
  shopId: string;
  name: string;
  platform: string;
  kinds: Partial<Record<CoverageKind, KindCoverage>>;
}

/** Every shop in scope with what it holds; a kind with no rows is left out of `kinds`. */
export async function dataCoverage(wh: Warehouse, shopIds: readonly string[] | 'all'): Promise<ShopCoverage[]> {
  const inScope = (col: string) => (shopIds === 'all' ? '' : ` WHERE ${col} IN (${shopIds.length ? paramList(wh.dialect, shopIds.length) : 'NULL'})`);
  const params = shopIds === 'all' ? [] : [...shopIds];
  const shops = await wh.query<{ shop_id: string; name: string; platform: string }>(
    `SELECT shop_id, name, platform FROM shops${inScope('shop_id')} ORDER BY shop_id`, params);
  const counts = await wh.query<{ kind: string; shop_id: string; n: bigint; lo: string | null; hi: string | null }>(
    coverageKinds.map((k) => `SELECT '${k.kind}' AS kind, shop_id, count(*) AS n, CAST(min(${k.day}) AS VARCHAR) AS lo, CAST(max(${k.day}) AS VARCHAR) AS hi FROM ${k.table}${inScope('shop_id')} GROUP BY shop_id`).join(' UNION ALL '),
    params);
  const byShop = new Map(shops.map((s) => [s.shop_id, { shopId: s.shop_id, name: s.name, platform: s.platform, kinds: {} } as ShopCoverage]));
  for (const c of counts) {
    const shop = byShop.get(c.shop_id);
    if (shop) shop.kinds[c.kind as CoverageKind] = { rows: Number(c.n), from: c.lo, to: c.hi };
  }
  return [...byShop.values()];
}
