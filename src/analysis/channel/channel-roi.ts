/**
 * Channel ROI: per ad channel and campaign, cost, CTR, CPC, ROI (attributed GMV / cost, the
 * platform's ROAS convention of the catalog's `roi`), cost per attributed order, CAC per shop
 * (ad cost / new buyers), and the budget shift the data suggests: channels ranked by marginal
 * ROI — the extra attributed GMV per extra yuan between the first and second half of the
 * period — with budget moved from the lowest to the highest.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { addDays, dayTextToNumber } from '../../core/time.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, money, ratio, type AnalysisResult, type Row } from '../result.js';
import { buyerOrdersSql, Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText, resolvePeriod } from '../period.js';

export const channelOptions = z.object({ from: dayText.optional(), to: dayText.optional() }).strict();
export type ChannelOptions = z.input<typeof channelOptions> & ScopeOption;

const div = (n: number, d: number) => (d === 0 ? null : ratio(n / d, 4));

export async function channelRoiAnalysis(wh: Warehouse, options: ChannelOptions = {}): Promise<AnalysisResult> {
  const o = channelOptions.parse(stripScope(options));
  const p0 = new Params(wh);
  const [last] = await wh.query(`SELECT max(day) AS d FROM ad_spend_daily WHERE ${p0.scope(options.scope)}`, p0.values);
  if (!last?.d) fail(E.ANALYSIS_NO_DATA, { name: 'channel', what: 'no ad spend in scope / 范围内没有推广数据' });
  const per = resolvePeriod(o, last.d as string);
  const half = addDays(per.from, Math.floor((dayTextToNumber(per.to)! - dayTextToNumber(per.from)!) / 2));
  const p = new Params(wh);
  const h = p.add(half);
  const rows = await wh.query(`SELECT channel, campaign, sum(impressions) AS imp, sum(clicks) AS clk, sum(cost) AS cost,
      sum(attributed_orders) AS ord, sum(attributed_gmv) AS gmv,
      sum(CASE WHEN day <= CAST(${h} AS DATE) THEN cost ELSE 0 END) AS cost1, sum(CASE WHEN day <= CAST(${h} AS DATE) THEN attributed_gmv ELSE 0 END) AS gmv1
    FROM ad_spend_daily WHERE ${p.scope(options.scope)} AND ${p.days('day', per.from, per.to)} GROUP BY channel, campaign ORDER BY channel, campaign`, p.values);
  const campaigns: Row[] = rows.map((r) => {
    const [imp, clk, cost, ord, gmv] = [count(r.imp), count(r.clk), Number(r.cost), count(r.ord), Number(r.gmv)];
    return {
      channel: r.channel as string, campaign: r.campaign as string, cost: money(r.cost), impressions: imp, clicks: clk,
      ctr: div(clk, imp), cpc: clk === 0 ? null : money(BigInt(Math.round(cost / clk))), attributed_orders: ord, attributed_gmv: money(r.gmv),
      roi: div(gmv, cost), cost_per_order: ord === 0 ? null : money(BigInt(Math.round(cost / ord))),
    };
  });
  // Per channel: totals and the marginal ROI between the two halves of the period.
  const byChannel = new Map<string, { cost: number; gmv: number; c1: number; g1: number }>();
  for (const r of rows) {
    const c = byChannel.get(r.channel as string) ?? { cost: 0, gmv: 0, c1: 0, g1: 0 };
    c.cost += Number(r.cost); c.gmv += Number(r.gmv); c.c1 += Number(r.cost1); c.g1 += Number(r.gmv1);
    byChannel.set(r.channel as string, c);
  }
  const channels = [...byChannel].map(([channel, c]) => {
    const [c2, g2] = [c.cost - c.c1, c.gmv - c.g1];
    return { channel, cost: money(BigInt(c.cost)), roi: div(c.gmv, c.cost), marginal_roi: c2 - c.c1 === 0 ? null : ratio((g2 - c.g1) / (c2 - c.c1), 4) };
  }).sort((a, b) => (b.marginal_roi ?? -Infinity) - (a.marginal_roi ?? -Infinity) || a.channel.localeCompare(b.channel));
  const ranked = channels.filter((c) => c.marginal_roi !== null);
  const shift = ranked.length >= 2 ? { from: ranked[ranked.length - 1]!.channel, to: ranked[0]!.channel } : null;
  const channelRows: Row[] = channels.map((c, i) => ({
    ...c, rank: c.marginal_roi === null ? null : i + 1,
    suggestion: shift && c.channel === shift.to ? 'increase / 加投' : shift && c.channel === shift.from ? 'decrease / 减投' : '',
  }));
  const cac = await cacByShop(wh, options.scope, per.from, per.to);
  return {
    analysis: 'channel', title: { zh: '渠道投放 ROI', en: 'channel ROI' },
    metrics: ['ad_cost', 'ctr', 'cpc', 'roi', 'cac', 'attributed_gmv'],
    summary: { from: per.from, to: per.to, channels: channels.length, shift_from: shift?.from ?? null, shift_to: shift?.to ?? null },
    tables: {
      channels: { title: { zh: '渠道(按边际 ROI 排名)', en: 'channels by marginal ROI' }, rows: channelRows },
      campaigns: { title: { zh: '推广计划', en: 'ad campaigns' }, rows: campaigns },
      cac: { title: { zh: '获客成本(按店铺)', en: 'CAC by shop' }, rows: cac },
    },
    notes: [{ zh: '边际 ROI = 后半期与前半期归因成交额之差 / 花费之差', en: 'marginal ROI = change in attributed GMV / change in cost, second half vs first half of the period' }],
  };
}

/** CAC = ad cost / new buyers (first paid order ever in the shop falls in the period). */
async function cacByShop(wh: Warehouse, scope: ScopeOption['scope'], from: string, to: string): Promise<Row[]> {
  const p = new Params(wh);
  const rows = await wh.query(`SELECT a.shop_id, a.cost, coalesce(n.new_buyers, 0) AS new_buyers FROM
      (SELECT shop_id, sum(cost) AS cost FROM ad_spend_daily WHERE ${p.scope(scope)} AND ${p.days('day', from, to)} GROUP BY shop_id) a
    LEFT JOIN (SELECT shop_id, count(*) AS new_buyers FROM (SELECT shop_id, customer_id, min(paid_day) AS first_day FROM (${buyerOrdersSql(p, scope)}) o
        GROUP BY shop_id, customer_id) f WHERE ${p.days('first_day', from, to)} GROUP BY shop_id) n ON n.shop_id = a.shop_id ORDER BY a.shop_id`, p.values);
  return rows.map((r) => ({
    shop_id: r.shop_id as string, ad_cost: money(r.cost), new_buyers: count(r.new_buyers),
    cac: count(r.new_buyers) === 0 ? null : money(BigInt(Math.round(Number(r.cost) / count(r.new_buyers)))),
  }));
}
