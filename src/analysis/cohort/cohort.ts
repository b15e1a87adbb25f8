/**
 * Cohorts and repurchase: monthly or weekly first-purchase cohorts × periods since, with
 * retention %, the period's revenue and cumulative revenue per cohort buyer; 复购率
 * (repurchase_rate: buyers with ≥ 2 paid orders in the period / paying buyers) and 回购率
 * (retention_next_period: buyers of P who pay again in P + 1 / buyers of P) by period; and
 * the distribution of days from the first to the second purchase day.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, pdNote, ratio, type AnalysisResult, type Row } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { ensureBuyerRollups, hiddenBuyerOrders } from '../buyer-rollups.js';
import { withBuyerPeriods } from './buyer-periods.js';
import { intervalDistribution } from './intervals.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const cohortOptions = z.object({
  grain: z.enum(['month', 'week']).default('month'),
  /** first cohort shown (its period start); earlier history still decides who is new */
  from: day.optional(),
  to: day.optional(),
  periods: z.number().int().min(1).max(120).default(24),
  /** the first-to-second purchase interval table costs one more pass over the orders */
  intervals: z.boolean().default(true),
}).strict();
export type CohortOptions = z.input<typeof cohortOptions> & ScopeOption;

export async function cohortAnalysis(wh: Warehouse, options: CohortOptions = {}): Promise<AnalysisResult> {
  const o = cohortOptions.parse(stripScope(options));
  await ensureBuyerRollups(wh);
  return withBuyerPeriods(wh, o.grain, options.scope, o.to, async (bp) => {
    const q = new Params(wh);
    const cohortFrom = o.from ? `AND cohort >= CAST(${q.add(o.from)} AS DATE)` : '';
    const cells = await wh.query(`SELECT cohort, k, count(*) AS buyers, sum(amount) AS paid FROM (${bp(q)}) b
      WHERE k < ${o.periods} ${cohortFrom} GROUP BY cohort, k ORDER BY cohort, k`, q.values);
    if (cells.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'cohort', what: 'no paid orders with a buyer in scope / 范围内没有带买家的已付款订单' });
    const r = new Params(wh);
    const rel = bp(r);
    const byPeriod = await wh.query(`SELECT period, count(*) AS buyers, sum(CASE WHEN orders >= 2 THEN 1 ELSE 0 END) AS repeaters,
        sum(CASE WHEN next THEN 1 ELSE 0 END) AS back_next, period = (SELECT max(period) FROM (${rel}) l) AS is_last
      FROM (${rel}) b GROUP BY period ORDER BY period`, r.values);
    const matrix = cohortRows(cells);
    const periods: Row[] = byPeriod.map((r) => ({
      period: r.period as string, paying_buyers: count(r.buyers), repeat_buyers: count(r.repeaters),
      repurchase_rate: ratio(count(r.repeaters) / count(r.buyers)),
      // the last period has no next period yet: its 回购率 is unknown, not 0
      retention_next_period: r.is_last ? null : ratio(count(r.back_next) / count(r.buyers)),
    }));
    return {
      analysis: 'cohort', title: { zh: '同期群与复购分析', en: 'cohorts and repurchase' },
      metrics: ['paying_buyers', 'paid_amount', 'repurchase_rate', 'retention_next_period', 'new_buyers'],
      summary: { grain: o.grain, cohorts: new Set(matrix.map((m) => m.cohort)).size, buyers: matrix.filter((m) => m.period === 0).reduce((a, m) => a + (m.buyers as number), 0) },
      tables: {
        matrix: { title: { zh: '同期群矩阵', en: 'cohort matrix' }, rows: matrix },
        periods: { title: { zh: '各期复购率与回购率', en: 'repurchase and next-period retention by period' }, rows: periods },
        ...(o.intervals
          ? { intervals: { title: { zh: '首购到再购的间隔天数分布', en: 'days from first to second purchase' }, rows: await intervalDistribution(wh, options.scope, o.to) } }
          : {}),
      },
      notes: pdNote(await hiddenBuyerOrders(wh, options.scope, undefined, o.to)),
    };
  });
}

/** Long form: one row per cohort × period, with retention and cumulative revenue per buyer. */
function cohortRows(cells: Record<string, unknown>[]): Row[] {
  const out: Row[] = [];
  let size = 0;
  let cum = 0n;
  for (const c of cells) {
    const k = count(c.k);
    if (k === 0 || out.length === 0 || out[out.length - 1]!.cohort !== c.cohort) {
      size = k === 0 ? count(c.buyers) : 0;
      cum = 0n;
    }
    cum += BigInt(c.paid as bigint);
    out.push({
      cohort: c.cohort as string, period: k, cohort_buyers: size, buyers: count(c.buyers), retention: size ? ratio(count(c.buyers) / size) : null,
      paid_amount: money(c.paid), cumulative_paid_per_buyer: size ? money((cum + BigInt(size) / 2n) / BigInt(size)) : null,
    });
  }
  return out;
}
