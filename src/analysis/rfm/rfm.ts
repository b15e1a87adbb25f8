/**
 * RFM: recency (days since the last paid order, as of the day after the period), frequency
 * (paid orders) and monetary (paid amount) per buyer; scores 1–5 from quintile cut-offs
 * (default) or user thresholds; the eight segments with counts and revenue share; and the
 * buyer list of any segment for export. Runs in the warehouse on a per-buyer temp table built
 * from the buyer rollups (one integer-keyed row per buyer, or buyer-day rows for a period).
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { decimalToFen } from '../../core/money.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, pdNote, ratio, type AnalysisResult, type Row } from '../result.js';
import { addDays, dayTextToNumber } from '../../core/time.js';
import { ensureBuyerRollups, hiddenBuyerOrders, knownBuyers } from '../buyer-rollups.js';
import { Params, type ScopeOption, type ShopScope } from '../sql.js';
import { withTempTable } from '../temp-table.js';
import { histogramQuantiles, twoPassQuantiles } from './quantiles.js';
import { rfmSegments, segmentCaseSql } from './segments.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cuts = <T extends z.ZodTypeAny>(t: T) => z.array(t).length(4);

export const rfmOptions = z.object({
  from: day.optional(),
  to: day.optional(),
  /** ascending cut-offs between scores 1|2|3|4|5; recency is scored the other way round */
  thresholds: z.object({ recencyDays: cuts(z.number()), frequency: cuts(z.number()), monetary: cuts(z.string()) }).optional(),
  high: z.number().int().min(2).max(5).default(3),
  /** segment code whose buyers to list, or 'all' */
  list: z.string().optional(),
  limit: z.number().int().positive().default(1000),
}).strict();
export type RfmOptions = z.input<typeof rfmOptions> & ScopeOption;

const FRACTIONS = [0.2, 0.4, 0.6, 0.8];
/** monetary has ~10⁵ distinct fen values on a big store: first locate the 10-yuan buckets */
const MONEY_BUCKET = 1000;

export async function rfmAnalysis(wh: Warehouse, options: RfmOptions = {}): Promise<AnalysisResult> {
  const o = rfmOptions.parse(stripScope(options));
  await ensureBuyerRollups(wh);
  return withBuyerRows(wh, options.scope, o.from, o.to, async (rows) => {
    const histogram = async (expr: string) => {
      const p = new Params(wh);
      const bins = await wh.query(`SELECT ${expr} AS v, count(*) AS n FROM (${rows(p)}) b GROUP BY v ORDER BY v`, p.values);
      return bins.map((b) => ({ value: b.v, count: count(b.n) }));
    };
    const lastDays = await histogram('last_day');
    if (lastDays.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'rfm', what: 'no paid orders with a buyer in scope / 范围内没有带买家的已付款订单' });
    // As of the day after the period (or after the last paid order): recency ≥ 1 for every buyer.
    const asOf = addDays(o.to ?? (lastDays[lastDays.length - 1]!.value as string), 1);
    const recencies = lastDays.map((b) => ({ value: dayTextToNumber(asOf)! - dayTextToNumber(b.value as string)!, count: b.count })).reverse();
    const th = o.thresholds
      ? { r: o.thresholds.recencyDays, f: o.thresholds.frequency, m: o.thresholds.monetary.map(yuanToFen) }
      : {
        r: histogramQuantiles(recencies, FRACTIONS),
        f: histogramQuantiles(await histogram('frequency'), FRACTIONS).map(Number),
        m: (await twoPassQuantiles(wh, rows, 'monetary', MONEY_BUCKET, FRACTIONS)).map((v) => BigInt(v as bigint)),
      };
    const scoredSql = (q: Params) => {
      const score = (col: string, cut: readonly (number | bigint)[], reverse: boolean) => {
        const above = cut.map((c) => `(CASE WHEN ${col} > ${q.add(c)} THEN 1 ELSE 0 END)`).join(' + ');
        return reverse ? `5 - (${above})` : `1 + ${above}`;
      };
      const perBuyer = `SELECT buyer_no, ${wh.dialect.daysBetween('last_day', `CAST(${q.add(asOf)} AS DATE)`)} AS recency, frequency, monetary FROM (${rows(q)}) b`;
      return `SELECT *, ${segmentCaseSql(o.high)} AS segment FROM (SELECT buyer_no, recency, frequency, monetary,
        ${score('recency', th.r, true)} AS r_score, ${score('frequency', th.f, false)} AS f_score, ${score('monetary', th.m, false)} AS m_score FROM (${perBuyer}) x) s`;
    };
    const q = new Params(wh);
    const segRows = await wh.query(`SELECT segment, count(*) AS buyers, sum(monetary) AS paid, avg(recency) AS r, avg(frequency) AS f FROM (${scoredSql(q)}) x GROUP BY segment`, q.values);
    const bySeg = new Map(segRows.map((r) => [r.segment as string, r]));
    const totalPaid = segRows.reduce((a, r) => a + BigInt(r.paid as bigint), 0n);
    const totalBuyers = segRows.reduce((a, r) => a + count(r.buyers), 0);
    const segments: Row[] = rfmSegments.map((s) => {
      const r = bySeg.get(s.code);
      const paid = r ? BigInt(r.paid as bigint) : 0n;
      return {
        segment: s.code, segment_zh: s.zh, segment_en: s.en, buyers: count(r?.buyers),
        buyer_share: ratio(count(r?.buyers) / totalBuyers), paid_amount: money(paid),
        revenue_share: totalPaid === 0n ? null : ratio(Number(paid) / Number(totalPaid)),
        avg_recency_days: r ? ratio(r.r, 2) : null, avg_frequency: r ? ratio(r.f, 3) : null,
      };
    });
    const tables: AnalysisResult['tables'] = {
      segments: { title: { zh: 'RFM 客户分群', en: 'RFM segments' }, rows: segments },
      cutoffs: { title: { zh: '评分分界点', en: 'score cut-offs' }, rows: cutoffRows(th) },
    };
    if (o.list) {
      const lp = new Params(wh);
      const where = o.list === 'all' ? 'TRUE' : `x.segment = ${lp.add(o.list)}`;
      const buyers = await wh.query(`SELECT k.shop_id, k.customer_id, x.* FROM (${scoredSql(lp)}) x JOIN rollup_buyer_keys k ON k.buyer_no = x.buyer_no
        WHERE ${where} ORDER BY x.monetary DESC, k.shop_id, k.customer_id LIMIT ${o.limit}`, lp.values);
      tables.buyers = {
        title: { zh: '买家名单', en: 'buyer list' },
        rows: buyers.map((b) => ({
          shop_id: b.shop_id as string, customer_id: b.customer_id as string, recency_days: count(b.recency), frequency: count(b.frequency),
          monetary: money(b.monetary), r_score: count(b.r_score), f_score: count(b.f_score), m_score: count(b.m_score), segment: b.segment as string,
        })),
      };
    }
    const excluded = await hiddenBuyerOrders(wh, options.scope, o.from, o.to);
    return {
      analysis: 'rfm', title: { zh: 'RFM 客户价值分析', en: 'RFM analysis' },
      metrics: ['paid_amount', 'paid_orders', 'paying_buyers'],
      summary: { buyers: totalBuyers, paid_amount: money(totalPaid), scoring: o.thresholds ? 'thresholds' : 'quintiles', high_score: o.high },
      tables, notes: pdNote(excluded),
    };
  });
}

/**
 * Runs `fn` on (buyer_no, last_day, frequency, monetary) per known buyer in scope: the whole
 * history is one row per buyer in rollup_buyer_keys, read as is; a period groups the
 * buyer-day rollup once into a temp table that the statements then share.
 */
async function withBuyerRows<T>(
  wh: Warehouse, scope: ShopScope | undefined, from: string | undefined, to: string | undefined, fn: (rows: (p: Params) => string) => Promise<T>,
): Promise<T> {
  if (!from && !to) {
    return fn((p) => `SELECT k.buyer_no, k.last_day, k.orders AS frequency, k.paid_amount AS monetary FROM rollup_buyer_keys k WHERE ${knownBuyers(p, scope)}`);
  }
  const p = new Params(wh);
  const grouped = `SELECT buyer_no, max(day) AS last_day, sum(orders) AS frequency, sum(paid_amount) AS monetary FROM rollup_buyers_daily
    WHERE ${p.scope(scope)} AND ${p.days('day', from, to)} GROUP BY buyer_no`;
  const select = `SELECT g.buyer_no, g.last_day, g.frequency, g.monetary FROM (${grouped}) g
    JOIN rollup_buyer_keys k ON k.buyer_no = g.buyer_no WHERE ${knownBuyers(p, scope)}`;
  return withTempTable(wh, 'rfm', select, p.values, (t) => fn(() => `SELECT * FROM ${t}`));
}

function cutoffRows(th: { r: readonly number[]; f: readonly number[]; m: readonly bigint[] }): Row[] {
  return [0, 1, 2, 3].map((i) => ({
    boundary: `${i + 1}|${i + 2}`, recency_days: th.r[i]!, frequency: th.f[i]!, monetary: money(th.m[i]!),
  }));
}

function yuanToFen(s: string): bigint {
  const f = decimalToFen(s);
  if (f === undefined) fail(E.ANALYSIS_BAD_OPTIONS, { name: 'rfm', detail: `monetary threshold "${s}" is not an amount / 金额阈值无效` });
  return f;
}

export function stripScope<T extends object>(o: T): Omit<T, 'scope'> {
  const { scope: _s, ...rest } = o as T & { scope?: unknown };
  return rest;
}
