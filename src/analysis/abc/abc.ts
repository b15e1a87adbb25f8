/**
 * ABC (Pareto): SKUs, categories or customers ranked by paid amount or gross profit; class A
 * holds the top entities up to the first threshold of the cumulative total (the entity that
 * crosses the line included), B up to the second, C the rest. Class A SKUs are the hit list
 * (爆品, metric hit_sku_count). Values are summed in the warehouse; only the ranked per-entity
 * totals come back to accumulate.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, pdNote, ratio, type AnalysisResult, type Row } from '../result.js';
import { ordersWithoutBuyer, Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { entityValuesSql } from './values.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const abcOptions = z.object({
  by: z.enum(['sku', 'category', 'customer']).default('sku'),
  measure: z.enum(['paid_amount', 'gross_profit', 'units']).default('paid_amount'),
  /** cumulative shares closing classes A and B (70 / 20 / 10 by default) */
  thresholds: z.tuple([z.number().gt(0).lt(1), z.number().gt(0).lt(1)]).default([0.7, 0.9]),
  from: day.optional(),
  to: day.optional(),
  limit: z.number().int().positive().default(100),
}).strict().refine((o) => o.thresholds[0] < o.thresholds[1], { message: 'thresholds must increase / 阈值须递增' });
export type AbcOptions = z.input<typeof abcOptions> & ScopeOption;

const CLASSES = ['A', 'B', 'C'] as const;

export async function abcAnalysis(wh: Warehouse, options: AbcOptions = {}): Promise<AnalysisResult> {
  const o = abcOptions.parse(stripScope(options));
  const p = new Params(wh);
  const ranked = await wh.query(`SELECT * FROM (${entityValuesSql(p, o.by, o.measure, options.scope, o.from, o.to)}) v
    ORDER BY value DESC, shop_id, entity`, p.values);
  if (ranked.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'abc', what: 'no paid sales in scope / 范围内没有已付款销售' });
  // Only positive values make up the Pareto total; loss makers are class C by definition.
  const total = ranked.reduce((a, r) => a + (BigInt(r.value as bigint) > 0n ? BigInt(r.value as bigint) : 0n), 0n);
  const show = (v: bigint) => (o.measure === 'units' ? Number(v) : money(v));
  const classes = { A: { n: 0, v: 0n }, B: { n: 0, v: 0n }, C: { n: 0, v: 0n } };
  const rows: Row[] = [];
  let before = 0n;
  for (const r of ranked) {
    const v = BigInt(r.value as bigint);
    const shareBefore = total > 0n ? Number(before) / Number(total) : 1;
    const cls = v <= 0n ? 'C' : shareBefore < o.thresholds[0] ? 'A' : shareBefore < o.thresholds[1] ? 'B' : 'C';
    if (v > 0n) before += v;
    classes[cls].n++;
    classes[cls].v += v;
    if (rows.length < o.limit) {
      rows.push({
        shop_id: r.shop_id as string, entity: r.entity as string, label: (r.label as string | null) ?? null, [o.measure]: show(v),
        units: count(r.units), share: total > 0n ? ratio(Number(v) / Number(total)) : null,
        cumulative_share: total > 0n ? ratio(Number(before) / Number(total)) : null, class: cls,
      });
    }
  }
  const notes = o.by === 'customer' ? pdNote(await ordersWithoutBuyer(wh, options.scope, o.from, o.to)) : [];
  const noCost = ranked.reduce((a, r) => a + count(r.missing_cost), 0);
  if (o.measure === 'gross_profit' && noCost > 0) {
    notes.push({ zh: `${noCost} 个销售行的 SKU 没有成本价,按成本 0 计算毛利`, en: `${noCost} sales lines have a SKU without unit cost; their COGS counts as 0` });
  }
  return {
    analysis: 'abc', title: { zh: 'ABC 帕累托分析', en: 'ABC (Pareto) analysis' },
    metrics: [o.measure === 'units' ? 'paid_units' : o.measure, 'hit_sku_count'],
    summary: { by: o.by, measure: o.measure, entities: ranked.length, total: show(total), hit_count: classes.A.n },
    tables: {
      classes: {
        title: { zh: '分类汇总', en: 'classes' },
        rows: CLASSES.map((c) => ({ class: c, entities: classes[c].n, entity_share: ratio(classes[c].n / ranked.length), [o.measure]: show(classes[c].v), value_share: total > 0n ? ratio(Number(classes[c].v) / Number(total)) : null })),
      },
      ranking: { title: { zh: o.by === 'sku' ? '爆品与排名' : '排名', en: o.by === 'sku' ? 'hit SKUs and ranking' : 'ranking' }, rows },
    },
    notes,
  };
}
