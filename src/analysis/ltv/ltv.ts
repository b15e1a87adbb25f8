/**
 * LTV prediction on the store: the warehouse summarises each buyer's paid orders (from the
 * buyer rollups) into (x, t_x, T, z̄) in weeks — x counts repeat purchase days as lifetimes
 * does, z̄ is the mean paid amount of those repeat days — and groups identical rows, the
 * models are fitted in TypeScript, and the predictions go back to the warehouse as a small table keyed by the
 * grouped row so per-buyer and per-cohort values are SQL joins, not JS loops.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, pdNote, ratio, type AnalysisResult } from '../result.js';
import { buyerDaysSql, ensureBuyerRollups, hiddenBuyerOrders, knownBuyers } from '../buyer-rollups.js';
import { Params, type ScopeOption, type ShopScope } from '../sql.js';
import { withTempTable } from '../temp-table.js';
import { stripScope } from '../rfm/rfm.js';
import { expectedPurchases, fitBgNbd, probabilityAlive } from './bg-nbd.js';
import { expectedAverageSpend, fitGammaGamma } from './gamma-gamma.js';
import { loadPredictions } from './predictions-table.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const ltvOptions = z.object({
  from: day.optional(),
  /** end of the calibration period (default: the last paid day in scope) */
  to: day.optional(),
  limit: z.number().int().positive().default(100),
}).strict();
export type LtvOptions = z.input<typeof ltvOptions> & ScopeOption;

const WEEK = 7;
/** 6 and 12 months in weeks (365.25 / 12 / 7 weeks a month) */
export const HORIZON_WEEKS = { m6: (6 * 365.25) / 12 / WEEK, m12: 365.25 / WEEK } as const;

export async function ltvAnalysis(wh: Warehouse, options: LtvOptions = {}): Promise<AnalysisResult> {
  const o = ltvOptions.parse(stripScope(options));
  await ensureBuyerRollups(wh);
  const p = new Params(wh);
  const d = wh.dialect;
  const base = buyerSummarySql(wh, p, options.scope, o.from, o.to);
  const end = o.to ? `CAST(${p.add(o.to)} AS DATE)` : `(SELECT max(last_day) FROM (${base}) e)`;
  const perBuyer = `SELECT shop_id, customer_id, x, first_day, ${d.daysBetween('first_day', 'last_day')} AS tx_days,
      ${d.daysBetween('first_day', end)} AS t_days, total, repeat_total FROM (${base}) b`;
  return withTempTable(wh, 'ltv', perBuyer, p.values, async (buyers) => {
    // Ordered: the likelihood sums in this order, so the fit is the same on every run.
    const groups = await wh.query(`SELECT x, tx_days, t_days, count(*) AS n FROM ${buyers} GROUP BY x, tx_days, t_days ORDER BY x, tx_days, t_days`);
    if (groups.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'ltv', what: 'no paid orders with a buyer in scope / 范围内没有带买家的已付款订单' });
    const bg = fitBgNbd({
      x: Float64Array.from(groups, (g) => count(g.x)),
      tx: Float64Array.from(groups, (g) => count(g.tx_days) / WEEK),
      T: Float64Array.from(groups, (g) => count(g.t_days) / WEEK),
      weight: Float64Array.from(groups, (g) => count(g.n)),
    });
    // z̄ in yuan keeps the parameters on the scale the literature reports.
    const spend = await wh.query(`SELECT x, CAST(repeat_total AS DOUBLE) / x / 100 AS zbar, count(*) AS n FROM ${buyers}
      WHERE x > 0 AND repeat_total > 0 GROUP BY x, zbar ORDER BY x, zbar`);
    const gg = spend.length >= 3
      ? fitGammaGamma({ x: Float64Array.from(spend, (s) => count(s.x)), zbar: Float64Array.from(spend, (s) => Number(s.zbar)), weight: Float64Array.from(spend, (s) => count(s.n)) })
      : null;
    const preds = groups.map((g) => {
      const [x, tx, T] = [count(g.x), count(g.tx_days) / WEEK, count(g.t_days) / WEEK];
      return {
        x, tx_days: count(g.tx_days), t_days: count(g.t_days), p_alive: probabilityAlive(bg, x, tx, T),
        n6: sane(expectedPurchases(bg, HORIZON_WEEKS.m6, x, tx, T)), n12: sane(expectedPurchases(bg, HORIZON_WEEKS.m12, x, tx, T)),
      };
    });
    return loadPredictions(wh, preds, async (predTable) => {
      // E[Z] is linear in z̄, so it is computed in SQL from the fitted p, q, v per buyer.
      const q = new Params(wh);
      const spendSql = gg
        ? `(${q.add(gg.p)} * (${q.add(gg.v)} + b.x * (CASE WHEN b.x > 0 THEN CAST(b.repeat_total AS DOUBLE) / b.x / 100 ELSE 0 END))) / (${q.add(gg.p)} * b.x + ${q.add(gg.q)} - 1)`
        : `CAST(b.total AS DOUBLE) / (b.x + 1) / 100`;
      const joined = `SELECT b.shop_id, b.customer_id, b.first_day, b.x, b.total, pr.p_alive, pr.n6, pr.n12, ${spendSql} AS spend
        FROM ${buyers} b JOIN ${predTable} pr ON pr.x = b.x AND pr.tx_days = b.tx_days AND pr.t_days = b.t_days`;
      const cohorts = await wh.query(`SELECT ${d.monthStart('first_day')} AS cohort, count(*) AS buyers, sum(total) AS paid,
          sum(n6 * spend) AS v6, sum(n12 * spend) AS v12, avg(p_alive) AS alive FROM (${joined}) j GROUP BY cohort ORDER BY cohort`, q.values);
      const top = await wh.query(`SELECT shop_id, customer_id, first_day, x, total, p_alive, n6, n12, n6 * spend AS v6, n12 * spend AS v12
          FROM (${joined}) j ORDER BY v12 DESC, shop_id, customer_id LIMIT ${o.limit}`, q.values);
      const buyerCount = cohorts.reduce((a, c) => a + count(c.buyers), 0);
      const yuan = (v: unknown) => (v === null ? null : ratio(v, 2));
      return {
        analysis: 'ltv', title: { zh: '客户终身价值预测(BG/NBD + Gamma-Gamma)', en: 'LTV prediction (BG/NBD + Gamma-Gamma)' },
        metrics: ['paid_amount', 'paying_buyers'],
        summary: {
          buyers: buyerCount, bgnbd_r: bg.r, bgnbd_alpha: bg.alpha, bgnbd_a: bg.a, bgnbd_b: bg.b, bgnbd_ll: bg.ll,
          gg_p: gg?.p ?? null, gg_q: gg?.q ?? null, gg_v: gg?.v ?? null, time_unit: 'week',
          predicted_6m: yuan(cohorts.reduce((a, c) => a + Number(c.v6), 0)), predicted_12m: yuan(cohorts.reduce((a, c) => a + Number(c.v12), 0)),
        },
        tables: {
          cohorts: {
            title: { zh: '按首购月份的预测价值', en: 'predicted value by first-purchase month' },
            rows: cohorts.map((c) => ({
              cohort: c.cohort as string, buyers: count(c.buyers), paid_amount: money(c.paid), predicted_6m: yuan(c.v6),
              predicted_12m: yuan(c.v12), predicted_12m_per_buyer: ratio(Number(c.v12) / count(c.buyers), 2), avg_p_alive: ratio(c.alive, 4),
            })),
          },
          buyers: {
            title: { zh: '预测价值最高的买家', en: 'buyers with the highest predicted value' },
            rows: top.map((b) => ({
              shop_id: b.shop_id as string, customer_id: b.customer_id as string, first_day: b.first_day as string, repeat_purchases: count(b.x),
              paid_amount: money(b.total), p_alive: ratio(b.p_alive, 4), purchases_6m: ratio(b.n6, 3), purchases_12m: ratio(b.n12, 3),
              predicted_6m: yuan(b.v6), predicted_12m: yuan(b.v12),
            })),
          },
        },
        notes: [
          ...pdNote(await hiddenBuyerOrders(wh, options.scope, o.from, o.to)),
          ...(gg ? [] : [{ zh: '复购买家太少,消费金额用历史均值代替 Gamma-Gamma', en: 'too few repeat buyers: spend is the historical mean instead of Gamma-Gamma' }]),
          { zh: '预测金额为未折现的元,时间单位为周', en: 'predicted values are undiscounted yuan; model time unit is the week' },
          ...(bg.atBound ? [{ zh: '复购极少,BG/NBD 参数落在边界上,预测仅供参考', en: 'almost no repeat buying: BG/NBD parameters sit at their bounds; treat predictions as rough' }] : []),
        ],
      };
    });
  });
}

export { expectedAverageSpend };

/**
 * (shop_id, customer_id, x, first_day, last_day, total, repeat_total) per known buyer in scope.
 * Several orders on one day are one transaction: x counts repeat purchase days. The whole
 * history is one row per buyer in rollup_buyer_keys; a period groups the buyer-day rollup.
 */
function buyerSummarySql(wh: Warehouse, p: Params, scope: ShopScope | undefined, from?: string, to?: string): string {
  if (!from && !to) {
    return `SELECT k.shop_id, k.customer_id, k.paid_days - 1 AS x, k.first_day, k.last_day, k.paid_amount AS total,
      k.paid_amount - k.first_day_amount AS repeat_total FROM rollup_buyer_keys k WHERE ${knownBuyers(p, scope)}`;
  }
  const grouped = `SELECT buyer_no, count(*) - 1 AS x, min(day) AS first_day, max(day) AS last_day, sum(amount) AS total,
      sum(amount) - ${wh.dialect.argMin('amount', 'day')} AS repeat_total FROM (${buyerDaysSql(p, scope, from, to)}) b GROUP BY buyer_no`;
  return `SELECT k.shop_id, k.customer_id, g.x, g.first_day, g.last_day, g.total, g.repeat_total FROM (${grouped}) g
    JOIN rollup_buyer_keys k ON k.buyer_no = g.buyer_no WHERE ${knownBuyers(p, scope)}`;
}

/** Expected purchases are never negative or infinite; numerical trouble far out in the tails counts as none. */
const sane = (n: number) => (Number.isFinite(n) && n > 0 ? n : 0);
