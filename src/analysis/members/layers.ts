/**
 * Member layers the way operations teams cut them, as of a day: 新客 new (first purchase in
 * the last `newDays`), 高价值 high value (bought in the last `activeDays` and lifetime paid
 * amount at or above the `highQuantile` of all buyers), 活跃 active (bought in the last
 * `activeDays`), 沉睡 dormant (last purchase up to `dormantDays` ago), 流失 lost (longer).
 * The first matching layer wins, in that order.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { buyerOrdersSql, Params, type ShopScope } from '../sql.js';

export const layers = [
  { code: 'new', zh: '新客', en: 'new' },
  { code: 'high_value', zh: '高价值', en: 'high value' },
  { code: 'active', zh: '活跃', en: 'active' },
  { code: 'dormant', zh: '沉睡', en: 'dormant' },
  { code: 'lost', zh: '流失', en: 'lost' },
] as const;

export const purchaseLayers = [
  { code: 'once', zh: '首购客', en: 'one purchase', min: 1 },
  { code: 'repeat', zh: '复购客', en: 'repeat', min: 2 },
  { code: 'loyal', zh: '忠诚客', en: 'loyal', min: 3 },
] as const;

export interface LayerRules {
  newDays: number;
  activeDays: number;
  dormantDays: number;
  highQuantile: number;
  /** purchases in the last 90 days that make a buyer loyal (忠诚客) */
  loyalMin: number;
}

/** Per-buyer state as of `asOf`: first/last day, lifetime paid, purchases in the last 90 days. */
export function buyerStateSql(wh: Warehouse, p: Params, scope: ShopScope | undefined, asOf: string): string {
  const d = wh.dialect;
  const at = `CAST(${p.add(asOf)} AS DATE)`;
  return `SELECT shop_id, customer_id, ${d.daysBetween('min(paid_day)', at)} AS since_first, ${d.daysBetween('max(paid_day)', at)} AS since_last,
      sum(paid_amount) AS monetary, sum(CASE WHEN ${d.daysBetween('paid_day', at)} < 90 THEN 1 ELSE 0 END) AS orders_90
    FROM (${buyerOrdersSql(p, scope, undefined, asOf)}) o GROUP BY shop_id, customer_id`;
}

/** CASE naming the layer of a buyer-state row, given the high-value cut-off placeholder. */
export function layerCaseSql(r: LayerRules, cutoff: string): string {
  return `CASE WHEN since_first < ${r.newDays} THEN 'new'
    WHEN since_last < ${r.activeDays} AND monetary >= ${cutoff} THEN 'high_value'
    WHEN since_last < ${r.activeDays} THEN 'active'
    WHEN since_last < ${r.dormantDays} THEN 'dormant' ELSE 'lost' END`;
}

export function purchaseLayerCaseSql(r: LayerRules): string {
  return `CASE WHEN orders_90 >= ${r.loyalMin} THEN 'loyal' WHEN orders_90 >= 2 THEN 'repeat' WHEN orders_90 = 1 THEN 'once' END`;
}
