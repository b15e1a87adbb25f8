/**
 * Inventory health per SKU as of a snapshot day: days of cover (available / mean daily units
 * of the last 14 days), turnover days (mean stock value at cost / mean daily COGS over the last
 * `periodDays`), sell-through (units sold / (opening on hand + inbound)), slow movers (in
 * stock, no sale in `slowDays`), the stock-out day at the recent rate with known campaign
 * bursts ahead, and the reorder suggestion = demand over the lead time + safety stock −
 * available − in transit. Shop level: active-SKU rate and slow-moving share.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { addDays } from '../../core/time.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, ratio, type AnalysisResult, type Row } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText } from '../period.js';
import { project } from './project.js';

export const inventoryOptions = z.object({
  asOf: dayText.optional(),
  periodDays: z.number().int().positive().default(30),
  slowDays: z.number().int().positive().default(30),
  leadDays: z.number().int().min(0).default(15),
  safetyDays: z.number().int().min(0).default(7),
  /** demand multiplier on campaign burst (爆发) days ahead */
  peakFactor: z.number().positive().default(3),
  horizonDays: z.number().int().positive().default(90),
  limit: z.number().int().positive().default(1000),
}).strict();
export type InventoryOptions = z.input<typeof inventoryOptions> & ScopeOption;

export async function inventoryAnalysis(wh: Warehouse, options: InventoryOptions = {}): Promise<AnalysisResult> {
  const o = inventoryOptions.parse(stripScope(options));
  const s = options.scope;
  const p0 = new Params(wh);
  const asOf = o.asOf ?? ((await wh.query(`SELECT max(day) AS d FROM inventory_daily WHERE ${p0.scope(s)}`, p0.values))[0]?.d as string | null);
  if (!asOf) fail(E.ANALYSIS_NO_DATA, { name: 'inventory', what: 'no inventory snapshots in scope / 范围内没有库存快照' });
  const start = addDays(asOf, -(o.periodDays - 1));
  const p = new Params(wh);
  const [at, st, open, d14, dSlow] = [p.add(asOf), p.add(start), p.add(addDays(start, -1)), p.add(addDays(asOf, -13)), p.add(addDays(asOf, -(o.slowDays - 1)))];
  const D = (x: string) => `CAST(${x} AS DATE)`;
  const stock = `SELECT shop_id, sku_id, sum(CASE WHEN day = ${D(at)} THEN on_hand ELSE 0 END) AS on_hand,
      sum(CASE WHEN day = ${D(at)} THEN available ELSE 0 END) AS available, sum(CASE WHEN day = ${D(at)} THEN in_transit ELSE 0 END) AS in_transit,
      sum(CASE WHEN day = ${D(open)} THEN on_hand ELSE 0 END) AS opening,
      sum(CASE WHEN day >= ${D(st)} THEN on_hand * unit_cost ELSE 0 END) AS value_days, max(unit_cost) AS unit_cost
    FROM inventory_daily WHERE ${p.scope(s)} AND day BETWEEN ${D(open)} AND ${D(at)} GROUP BY shop_id, sku_id`;
  const sales = `SELECT shop_id, sku_id, sum(qty) AS units, sum(CASE WHEN paid_day >= ${D(d14)} THEN qty ELSE 0 END) AS units14,
      sum(CASE WHEN paid_day >= ${D(dSlow)} THEN qty ELSE 0 END) AS units_slow, max(paid_day) AS last_sale
    FROM order_lines WHERE paid_day IS NOT NULL AND ${p.scope(s)} AND paid_day BETWEEN ${D(st)} AND ${D(at)} GROUP BY shop_id, sku_id`;
  const inbound = `SELECT shop_id, sku_id, sum(qty) AS inbound FROM purchases
    WHERE arrived_day IS NOT NULL AND ${p.scope(s)} AND arrived_day BETWEEN ${D(st)} AND ${D(at)} GROUP BY shop_id, sku_id`;
  const withSales = `SELECT k.*, coalesce(sa.units, 0) AS units, coalesce(sa.units14, 0) AS units14, coalesce(sa.units_slow, 0) AS units_slow, sa.last_sale
    FROM (${stock}) k LEFT JOIN (${sales}) sa ON sa.shop_id = k.shop_id AND sa.sku_id = k.sku_id`;
  const rows = await wh.query(`SELECT w.*, coalesce(i.inbound, 0) AS inbound FROM (${withSales}) w
    LEFT JOIN (${inbound}) i ON i.shop_id = w.shop_id AND i.sku_id = w.sku_id ORDER BY w.shop_id, w.sku_id`, p.values);
  const peaks = await burstDays(wh, s, asOf, o.horizonDays);
  const skus: Row[] = rows.map((r) => {
    const [onHand, available, transit, units, units14] = [count(r.on_hand), count(r.available), count(r.in_transit), count(r.units), count(r.units14)];
    const rate = units14 / 14;
    const cost = Number(r.unit_cost ?? 0);
    const avgValue = Number(r.value_days) / o.periodDays;
    const dailyCogs = (units * cost) / o.periodDays;
    const proj = project({ asOf, available, dailyRate: rate, peakDays: peaks.get(r.shop_id as string) ?? new Set(), peakFactor: o.peakFactor, leadDays: o.leadDays, horizonDays: o.horizonDays });
    const reorder = Math.max(0, Math.ceil(proj.leadDemand + o.safetyDays * rate - available - transit));
    const base = count(r.opening) + count(r.inbound);
    return {
      shop_id: r.shop_id as string, sku_id: r.sku_id as string, on_hand: onHand, available, in_transit: transit, units_sold: units,
      daily_rate_14d: ratio(rate, 3), days_of_cover: rate === 0 ? null : ratio(available / rate, 1),
      turnover_days: dailyCogs === 0 ? null : ratio(avgValue / dailyCogs, 1), sell_through: base === 0 ? null : ratio(units / base, 4),
      slow_mover: onHand > 0 && count(r.units_slow) === 0, last_sale: (r.last_sale as string | null) ?? null,
      stockout_day: proj.stockoutDay, reorder_units: reorder, stock_value: money(BigInt(Math.round(onHand * cost))),
    };
  });
  const inStock = skus.filter((x) => (x.on_hand as number) > 0);
  const active = inStock.filter((x) => (x.units_sold as number) > 0).length;
  const slow = inStock.filter((x) => x.slow_mover).length;
  const by = (f: (x: Row) => boolean, sort: (a: Row, b: Row) => number) => skus.filter(f).sort(sort).slice(0, o.limit);
  return {
    analysis: 'inventory', title: { zh: '库存健康', en: 'inventory health' },
    metrics: ['days_of_cover', 'inventory_turnover_days', 'sell_through_rate', 'active_sku_rate', 'slow_moving_share'],
    summary: {
      as_of: asOf, skus: skus.length, skus_in_stock: inStock.length, active_sku_rate: inStock.length ? ratio(active / inStock.length, 4) : null,
      slow_moving_share: inStock.length ? ratio(slow / inStock.length, 4) : null, to_reorder: skus.filter((x) => (x.reorder_units as number) > 0).length,
    },
    tables: {
      skus: { title: { zh: 'SKU 库存健康', en: 'SKU inventory health' }, rows: skus.slice(0, o.limit) },
      stockouts: { title: { zh: '预计断货(按日期)', en: 'stock-outs ahead, by date' }, rows: by((x) => x.stockout_day !== null, (a, b) => String(a.stockout_day).localeCompare(String(b.stockout_day))) },
      slow_movers: { title: { zh: `滞销品(有库存,${o.slowDays} 天无销售)`, en: `slow movers (in stock, no sale in ${o.slowDays} days)` }, rows: by((x) => x.slow_mover === true, (a, b) => (b.on_hand as number) - (a.on_hand as number)) },
      reorder: { title: { zh: '补货建议', en: 'reorder suggestions' }, rows: by((x) => (x.reorder_units as number) > 0, (a, b) => (b.reorder_units as number) - (a.reorder_units as number)) },
    },
    notes: [{ zh: `补货量 = 未来 ${o.leadDays} 天需求(大促爆发日 × ${o.peakFactor})+ ${o.safetyDays} 天安全库存 − 可售 − 在途`, en: `reorder = demand over ${o.leadDays} days (campaign burst days × ${o.peakFactor}) + ${o.safetyDays} days of safety stock − available − in transit` }],
  };
}

/** Campaign burst days after `asOf` within the horizon, per shop (a campaign without a shop covers every shop). */
async function burstDays(wh: Warehouse, scope: ScopeOption['scope'], asOf: string, horizon: number): Promise<Map<string, Set<string>>> {
  const p = new Params(wh);
  const rows = await wh.query(`SELECT coalesce(c.shop_id, '*') AS shop_id, ph.start_day, ph.end_day FROM campaign_phases ph JOIN campaigns c ON c.campaign_id = ph.campaign_id
    WHERE ph.phase = 'burst' AND ph.end_day > CAST(${p.add(asOf)} AS DATE) AND ph.start_day <= CAST(${p.add(addDays(asOf, horizon))} AS DATE)`, p.values);
  const q = new Params(wh);
  const shops = await wh.query(`SELECT shop_id FROM shops WHERE ${q.scope(scope)}`, q.values);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const targets = r.shop_id === '*' ? shops.map((x) => x.shop_id as string) : [r.shop_id as string];
    for (let d = r.start_day as string; d <= (r.end_day as string); d = addDays(d, 1)) {
      for (const t of targets) (out.get(t) ?? out.set(t, new Set()).get(t)!).add(d);
    }
  }
  return out;
}
