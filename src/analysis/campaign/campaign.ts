/**
 * Campaign review per campaign and phase (预热/爆发/返场): paid amount of the campaign's orders
 * in the phase dates (catalog `campaign_paid_amount`) against the target, orders, buyers, new
 * buyers (first paid order ever in the shop), AOV, ad ROI over the phase days, the refund rate
 * of the campaign's orders (refunds finished at any time after), the uplift of daily paid
 * amount against the 4 weeks before the campaign, and the change against last year's campaign
 * of the same kind.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { addDays, dayTextToNumber } from '../../core/time.js';
import { campaignPhaseNames, type CampaignPhase } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, ratio, type AnalysisResult, type Row } from '../result.js';
import { buyerOrdersSql, Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';

export const campaignOptions = z.object({ campaign: z.string().optional(), year: z.number().int().optional() }).strict();
export type CampaignOptions = z.input<typeof campaignOptions> & ScopeOption;

const div = (n: number, d: number, digits = 4) => (d === 0 ? null : ratio(n / d, digits));

export async function campaignAnalysis(wh: Warehouse, options: CampaignOptions = {}): Promise<AnalysisResult> {
  const o = campaignOptions.parse(stripScope(options));
  const s = options.scope;
  const d = wh.dialect;
  const p = new Params(wh);
  // Campaigns visible in the scope: their own shop is in scope, or they cover every shop.
  const campSql = (pp: Params) => `SELECT c.campaign_id, c.name, c.kind, c.year, c.shop_id, ph.phase, ph.start_day, ph.end_day, ph.gmv_target
    FROM campaigns c JOIN campaign_phases ph ON ph.campaign_id = c.campaign_id
    WHERE (c.shop_id IS NULL OR ${pp.scope(s, 'c.shop_id')})`;
  const camp = campSql(p);
  const firsts = `SELECT shop_id, customer_id, min(paid_day) AS first_day FROM (${buyerOrdersSql(p, s)}) b GROUP BY shop_id, customer_id`;
  const buyer = d.concat(['o.shop_id', "'|'", 'o.customer_id']);
  const sales = await wh.query(`SELECT k.campaign_id, k.phase, count(o.order_id) AS orders, coalesce(sum(o.paid_amount), 0) AS paid,
      ${d.countDistinct(buyer)} AS buyers, ${d.countDistinct(`CASE WHEN f.first_day = o.paid_day THEN ${buyer} END`)} AS new_buyers
    FROM (${camp}) k JOIN orders o ON o.campaign_id = k.campaign_id AND o.paid_day BETWEEN k.start_day AND k.end_day AND ${p.scope(s, 'o.shop_id')}
    LEFT JOIN (${firsts}) f ON f.shop_id = o.shop_id AND f.customer_id = o.customer_id
    GROUP BY k.campaign_id, k.phase`, p.values);
  const q = new Params(wh);
  const phases = await wh.query(`${campSql(q)} ORDER BY year, kind, campaign_id, start_day`, q.values);
  if (phases.length === 0) fail(E.ANALYSIS_NO_DATA, { name: 'campaign', what: 'no campaigns in scope: add one in the campaign calendar on the 大促 page / 范围内没有活动:请在「大促」页的活动日历中添加' });
  const r = new Params(wh);
  const refunds = await wh.query(`SELECT o.campaign_id, sum(rf.amount) AS refunded FROM refunds rf
      JOIN orders o ON o.shop_id = rf.shop_id AND o.order_id = rf.order_id
    WHERE rf.status = 'success' AND o.campaign_id IS NOT NULL AND ${r.scope(s, 'rf.shop_id')} GROUP BY o.campaign_id`, r.values);
  const a = new Params(wh);
  const daily = await wh.query(`SELECT shop_id, paid_day AS day, sum(paid_amount) AS paid FROM orders WHERE paid_day IS NOT NULL AND ${a.scope(s)} GROUP BY shop_id, paid_day`, a.values);
  const b = new Params(wh);
  const ads = await wh.query(`SELECT shop_id, day, sum(cost) AS cost, sum(attributed_gmv) AS gmv FROM ad_spend_daily WHERE ${b.scope(s)} GROUP BY shop_id, day`, b.values);
  const sumOver = (rows: Record<string, unknown>[], col: string, shop: string | null, from: string, to: string) =>
    rows.reduce((acc, x) => acc + ((shop === null || x.shop_id === shop) && (x.day as string) >= from && (x.day as string) <= to ? Number(x[col]) : 0), 0);
  const span = (c: string) => {
    const ph = phases.filter((x) => x.campaign_id === c);
    return { from: ph.map((x) => x.start_day as string).sort()[0]!, to: ph.map((x) => x.end_day as string).sort().pop()! };
  };
  const rows: Row[] = phases.map((ph) => {
    const id = ph.campaign_id as string;
    const shop = (ph.shop_id as string | null) ?? null;
    const st = sales.find((x) => x.campaign_id === id && x.phase === ph.phase);
    const paid = Number(st?.paid ?? 0);
    const days = dayTextToNumber(ph.end_day as string)! - dayTextToNumber(ph.start_day as string)! + 1;
    const c = span(id);
    const before = sumOver(daily, 'paid', shop, addDays(c.from, -28), addDays(c.from, -1)) / 28;
    const during = sumOver(daily, 'paid', shop, ph.start_day as string, ph.end_day as string) / days;
    const cost = sumOver(ads, 'cost', shop, ph.start_day as string, ph.end_day as string);
    // 'other' campaigns share a kind but not an occasion: no last year to compare with
    const last = ph.kind === 'other' ? undefined : phases.find((x) => x.kind === ph.kind && Number(x.year) === Number(ph.year) - 1 && x.phase === ph.phase && (x.shop_id ?? null) === shop);
    const lastPaid = last ? Number(sales.find((x) => x.campaign_id === last.campaign_id && x.phase === ph.phase)?.paid ?? 0) : null;
    const phaseName = campaignPhaseNames[ph.phase as CampaignPhase] ?? { zh: ph.phase as string, en: ph.phase as string };
    return {
      campaign: id, name: ph.name as string, year: Number(ph.year), phase: ph.phase as string, phase_zh: phaseName.zh,
      start_day: ph.start_day as string, end_day: ph.end_day as string, paid_amount: money(BigInt(paid)), target: money(ph.gmv_target),
      attainment: div(paid, Number(ph.gmv_target)), orders: count(st?.orders), buyers: count(st?.buyers), new_buyers: count(st?.new_buyers),
      aov: count(st?.buyers) === 0 ? null : money(BigInt(Math.round(paid / count(st?.buyers)))),
      ad_cost: money(BigInt(cost)), roi: div(sumOver(ads, 'gmv', shop, ph.start_day as string, ph.end_day as string), cost),
      refund_rate_after: div(Number(refunds.find((x) => x.campaign_id === id)?.refunded ?? 0), sumPaid(sales, id)),
      uplift_vs_4_weeks_before: before === 0 ? null : ratio(during / before - 1, 4),
      vs_last_year: lastPaid === null || lastPaid === 0 ? null : ratio(paid / lastPaid - 1, 4),
    };
  }).filter((x) => (!o.campaign || x.campaign === o.campaign) && (!o.year || x.year === o.year));
  return {
    analysis: 'campaign', title: { zh: '大促复盘', en: 'campaign review' },
    metrics: ['campaign_paid_amount', 'campaign_target_attainment', 'new_buyers', 'aov', 'roi', 'refund_rate'],
    summary: { campaigns: new Set(rows.map((x) => x.campaign)).size, phases: rows.length },
    tables: { phases: { title: { zh: '活动分阶段复盘', en: 'by campaign and phase' }, rows } },
    notes: [{ zh: '提升 = 阶段日均支付金额 / 活动前 4 周日均 − 1(店铺全部订单);退款率按活动订单的全部成功退款', en: 'uplift = daily paid in the phase / daily paid in the 4 weeks before − 1 (all shop orders); refund rate over every successful refund of the campaign’s orders' }],
  };
}

const sumPaid = (sales: Record<string, unknown>[], id: string) => sales.reduce((a, x) => a + (x.campaign_id === id ? Number(x.paid) : 0), 0);
