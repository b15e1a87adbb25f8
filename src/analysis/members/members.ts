/**
 * Member layers as of a day, 首购客/复购客/忠诚客 by purchases in the last 90 days, the
 * movement between layers since the end of the previous month, and the dormant high-value
 * buyers worth winning back.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { addDays } from '../../core/time.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, pdNote, ratio, type AnalysisResult } from '../result.js';
import { buyerOrdersSql, ordersWithoutBuyer, Params, type ScopeOption, type ShopScope } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { buyerStateSql, layerCaseSql, layers, purchaseLayerCaseSql, purchaseLayers, type LayerRules } from './layers.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const membersOptions = z.object({
  /** default: the last paid day in scope */
  asOf: day.optional(),
  newDays: z.number().int().positive().default(30),
  activeDays: z.number().int().positive().default(90),
  dormantDays: z.number().int().positive().default(180),
  highQuantile: z.number().gt(0).lt(1).default(0.8),
  loyalMin: z.number().int().min(3).default(3),
  limit: z.number().int().positive().default(500),
}).strict();
export type MembersOptions = z.input<typeof membersOptions> & ScopeOption;

/** The high-value cut-off as of a day: the `highQuantile` of lifetime paid amount over buyers. */
async function highValueCutoff(wh: Warehouse, scope: ShopScope | undefined, asOf: string, r: LayerRules): Promise<bigint> {
  const p = new Params(wh);
  const [c] = await wh.query(`SELECT ${wh.dialect.quantiles('monetary', [r.highQuantile])} AS q FROM (${buyerStateSql(wh, p, scope, asOf)}) s`, p.values);
  return BigInt((c?.q as bigint[] | null)?.[0] ?? 0n);
}

/** Buyers with their layer as of a day; placeholders come from the caller's `p` so snapshots combine. */
function layeredSql(wh: Warehouse, p: Params, scope: ShopScope | undefined, asOf: string, cutoff: bigint, r: LayerRules): string {
  const state = buyerStateSql(wh, p, scope, asOf);
  return `SELECT shop_id, customer_id, monetary, since_last, ${layerCaseSql(r, p.add(cutoff))} AS layer, ${purchaseLayerCaseSql(r)} AS purchase FROM (${state}) s`;
}

export async function membersAnalysis(wh: Warehouse, options: MembersOptions = {}): Promise<AnalysisResult> {
  const o = membersOptions.parse(stripScope(options));
  const asOf = o.asOf ?? (await lastPaidDay(wh, options.scope));
  const prev = addDays(`${asOf.slice(0, 8)}01`, -1);
  const cutNow = await highValueCutoff(wh, options.scope, asOf, o);
  const cutBefore = await highValueCutoff(wh, options.scope, prev, o);
  const one = () => {
    const p = new Params(wh);
    return { p, sql: layeredSql(wh, p, options.scope, asOf, cutNow, o) };
  };
  const a = one();
  const counts = await wh.query(`SELECT layer, count(*) AS buyers, sum(monetary) AS paid FROM (${a.sql}) x GROUP BY layer`, a.p.values);
  const purchase = await wh.query(`SELECT purchase, count(*) AS buyers FROM (${a.sql}) x WHERE purchase IS NOT NULL GROUP BY purchase`, a.p.values);
  const m = one();
  const moves = await wh.query(`SELECT coalesce(b.layer, 'none') AS from_layer, a.layer AS to_layer, count(*) AS buyers
    FROM (${m.sql}) a LEFT JOIN (${layeredSql(wh, m.p, options.scope, prev, cutBefore, o)}) b ON b.shop_id = a.shop_id AND b.customer_id = a.customer_id
    GROUP BY from_layer, to_layer ORDER BY from_layer, to_layer`, m.p.values);
  const w = one();
  const winback = await wh.query(`SELECT shop_id, customer_id, monetary, since_last FROM (${w.sql}) x
    WHERE layer = 'dormant' AND monetary >= ${w.p.add(cutNow)} ORDER BY monetary DESC, shop_id, customer_id LIMIT ${o.limit}`, w.p.values);
  const total = counts.reduce((a, c) => a + count(c.buyers), 0);
  const name = (code: string) => layers.find((l) => l.code === code) ?? { zh: '(无)', en: '(none)' };
  return {
    analysis: 'members', title: { zh: '会员分层', en: 'member layers' },
    metrics: ['paying_buyers', 'paid_amount', 'new_buyers'],
    summary: { as_of: asOf, previous: prev, buyers: total, high_value_cutoff: money(cutNow) },
    tables: {
      layers: {
        title: { zh: '会员分层', en: 'layers' },
        rows: layers.map((l) => {
          const c = counts.find((x) => x.layer === l.code);
          return { layer: l.code, layer_zh: l.zh, layer_en: l.en, buyers: count(c?.buyers), share: total ? ratio(count(c?.buyers) / total) : null, paid_amount: money(c?.paid ?? 0n) };
        }),
      },
      purchases_90d: {
        title: { zh: '近90天购买次数分层', en: 'purchases in the last 90 days' },
        rows: purchaseLayers.map((l) => ({ layer: l.code, layer_zh: l.zh, layer_en: l.en, buyers: count(purchase.find((x) => x.purchase === l.code)?.buyers) })),
      },
      movement: {
        title: { zh: `分层迁移(${prev} → ${asOf})`, en: `movement (${prev} → ${asOf})` },
        rows: moves.map((m) => ({ from: m.from_layer as string, from_zh: name(m.from_layer as string).zh, to: m.to_layer as string, to_zh: name(m.to_layer as string).zh, buyers: count(m.buyers) })),
      },
      winback: {
        title: { zh: '待唤醒的高价值沉睡客户', en: 'dormant high-value buyers to win back' },
        rows: winback.map((w) => ({ shop_id: w.shop_id as string, customer_id: w.customer_id as string, paid_amount: money(w.monetary), days_since_last: count(w.since_last) })),
      },
    },
    notes: pdNote(await ordersWithoutBuyer(wh, options.scope, undefined, asOf)),
  };
}

async function lastPaidDay(wh: Warehouse, scope: ShopScope | undefined): Promise<string> {
  const p = new Params(wh);
  const [r] = await wh.query(`SELECT max(paid_day) AS d FROM (${buyerOrdersSql(p, scope)}) o`, p.values);
  if (!r?.d) fail(E.ANALYSIS_NO_DATA, { name: 'members', what: 'no paid orders with a buyer in scope / 范围内没有带买家的已付款订单' });
  return r.d as string;
}
