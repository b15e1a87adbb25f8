/**
 * Sales forecast: daily paid amount per shop (or shop × top category) for the next weeks by
 * additive Holt–Winters with weekly seasonality and known campaign days, with a backtest on
 * the last `backtestDays` (fit on the days before, forecast, compare: MAPE).
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { addDays, dayTextToNumber } from '../../core/time.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { money, ratio, type AnalysisResult, type Row } from '../result.js';
import { Params, type ScopeOption } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText } from '../period.js';
import { filter as filterFor, fitHoltWinters, forecast, mape } from './holt-winters.js';

export const forecastOptions = z.object({
  by: z.enum(['shop', 'category']).default('shop'),
  /** last day of history (default: the last paid day in scope) */
  to: dayText.optional(),
  historyDays: z.number().int().min(28).default(365),
  horizonDays: z.number().int().positive().max(366).default(56),
  backtestDays: z.number().int().min(7).default(28),
}).strict();
export type ForecastOptions = z.input<typeof forecastOptions> & ScopeOption;

export async function forecastAnalysis(wh: Warehouse, options: ForecastOptions = {}): Promise<AnalysisResult> {
  const o = forecastOptions.parse(stripScope(options));
  const p0 = new Params(wh);
  const to = o.to ?? ((await wh.query(`SELECT max(paid_day) AS d FROM order_lines WHERE ${p0.scope(options.scope)}`, p0.values))[0]?.d as string | null);
  if (!to) fail(E.ANALYSIS_NO_DATA, { name: 'forecast', what: 'no paid sales in scope / 范围内没有已付款销售' });
  const from = addDays(to, -(o.historyDays - 1));
  const p = new Params(wh);
  const group = o.by === 'shop' ? 'l.shop_id' : wh.dialect.concat(['l.shop_id', "' / '", "coalesce(pr.category_l1, '(unknown)')"]);
  const daily = await wh.query(`SELECT ${group} AS g, l.paid_day AS day, sum(l.paid_amount) AS paid FROM order_lines l
      ${o.by === 'category' ? 'LEFT JOIN products pr ON pr.shop_id = l.shop_id AND pr.sku_id = l.sku_id' : ''}
    WHERE l.paid_day IS NOT NULL AND ${p.scope(options.scope, 'l.shop_id')} AND ${p.days('l.paid_day', from, to)} GROUP BY 1, 2 ORDER BY 1, 2`, p.values);
  const campaignDays = await campaignDayPhases(wh, from, addDays(to, o.horizonDays));
  const n = dayTextToNumber(to)! - dayTextToNumber(from)! + 1;
  const groups = new Map<string, number[]>();
  for (const r of daily) {
    const series = groups.get(r.g as string) ?? groups.set(r.g as string, new Array<number>(n).fill(0)).get(r.g as string)!;
    series[dayTextToNumber(r.day as string)! - dayTextToNumber(from)!] = Number(r.paid) / 100;
  }
  const dayOf = (i: number) => addDays(from, i);
  const forecasts: Row[] = [];
  const quality: Row[] = [];
  for (const [g, y] of groups) {
    const skip = y.map((_, i) => campaignDays.has(dayOf(i)));
    const run = (hist: number[], hSkip: boolean[], startIndex: number, h: number) => {
      const params = fitHoltWinters(hist, hSkip);
      const base = forecast(hist, hSkip, params, h);
      const uplift = phaseUplift(hist, hSkip, params, (i) => campaignDays.get(dayOf(i)));
      return { params, values: base.map((v, j) => v * (uplift.get(campaignDays.get(dayOf(startIndex + j)) ?? '') ?? 1)) };
    };
    const cut = n - o.backtestDays;
    const back = run(y.slice(0, cut), skip.slice(0, cut), cut, o.backtestDays);
    const err = mape(y.slice(cut), back.values);
    const ahead = run(y, skip, n, o.horizonDays);
    quality.push({ group: g, backtest_days: o.backtestDays, mape: err === null ? null : ratio(err, 4), alpha: ratio(ahead.params.alpha, 4), beta: ratio(ahead.params.beta, 4), gamma: ratio(ahead.params.gamma, 4) });
    ahead.values.forEach((v, j) => forecasts.push({ group: g, day: addDays(to, j + 1), paid_amount: money(BigInt(Math.round(v * 100))), campaign_phase: campaignDays.get(addDays(to, j + 1)) ?? null }));
  }
  return {
    analysis: 'forecast', title: { zh: '销售预测(Holt-Winters)', en: 'sales forecast (Holt-Winters)' },
    metrics: ['paid_amount'],
    summary: { by: o.by, history_from: from, history_to: to, horizon_days: o.horizonDays, groups: groups.size },
    tables: {
      forecast: { title: { zh: '每日支付金额预测', en: 'daily paid amount forecast' }, rows: forecasts },
      backtest: { title: { zh: `回测误差(最近 ${o.backtestDays} 天)`, en: `backtest error (last ${o.backtestDays} days)` }, rows: quality },
    },
    notes: [{ zh: '大促日不更新水平与季节,按历史同阶段的放大倍数预测', en: 'campaign days do not update level or season; they are forecast with the uplift of the same phase in history' }],
  };
}

/** day → campaign phase for every known phase day (all shops: campaign rows carry their shop, a phase is a calendar fact). */
async function campaignDayPhases(wh: Warehouse, from: string, to: string): Promise<Map<string, string>> {
  const p = new Params(wh);
  const rows = await wh.query(`SELECT phase, start_day, end_day FROM campaign_phases WHERE end_day >= CAST(${p.add(from)} AS DATE) AND start_day <= CAST(${p.add(to)} AS DATE)`, p.values);
  const out = new Map<string, string>();
  for (const r of rows) for (let d = r.start_day as string; d <= (r.end_day as string); d = addDays(d, 1)) out.set(d, r.phase as string);
  return out;
}

/** Mean of actual / one-step forecast on past campaign days, per phase. */
function phaseUplift(y: number[], skip: boolean[], params: Parameters<typeof forecast>[2], phaseAt: (i: number) => string | undefined): Map<string, number> {
  const { fitted } = filterFor(y, skip, params);
  const acc = new Map<string, { s: number; n: number }>();
  y.forEach((v, i) => {
    const ph = phaseAt(i);
    if (!ph || i < 7 || fitted[i]! <= 0) return;
    const a = acc.get(ph) ?? { s: 0, n: 0 };
    a.s += v / fitted[i]!;
    a.n++;
    acc.set(ph, a);
  });
  return new Map([...acc].map(([k, a]) => [k, a.s / a.n]));
}
