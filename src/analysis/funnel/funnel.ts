/**
 * Funnels: visitors → add-to-cart → buyers from the traffic tables, and the order lifecycle
 * created → paid → shipped → received → kept (no successful refund), by source, shop or SKU,
 * with each step's conversion and its change against the previous period of equal length.
 * Ratios are summed numerator over summed denominator (METRICS.md), null on a zero base.
 */
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import type { Warehouse } from '../../warehouse/index.js';
import { AnalysisErrors as E } from '../errors.js';
import { count, ratio, type AnalysisResult, type Row } from '../result.js';
import { Params, type ScopeOption, type ShopScope } from '../sql.js';
import { stripScope } from '../rfm/rfm.js';
import { dayText, previousPeriod, resolvePeriod, type Period } from '../period.js';

export const funnelOptions = z.object({
  by: z.enum(['source', 'shop', 'sku', 'none']).default('source'),
  from: dayText.optional(),
  to: dayText.optional(),
}).strict();
export type FunnelOptions = z.input<typeof funnelOptions> & ScopeOption;

const GROUP = { source: 'source', shop: 'shop_id', sku: 'sku_id', none: "'all'" } as const;
const rate = (n: number, d: number) => (d === 0 ? null : ratio(n / d));
const change = (now: number | null, before: number | null) => (now === null || before === null ? null : ratio(now - before));

async function traffic(wh: Warehouse, by: keyof typeof GROUP, scope: ShopScope | undefined, p: Period) {
  const q = new Params(wh);
  // Shop-level rows carry sku_id ''; SKU rows are a breakdown of them, never added on top.
  const level = by === 'sku' ? "sku_id <> ''" : "sku_id = ''";
  return wh.query(`SELECT ${GROUP[by]} AS g, sum(visitors) AS v, sum(add_to_cart_users) AS c, sum(buyers) AS b FROM traffic_daily
    WHERE ${level} AND ${q.scope(scope)} AND ${q.days('day', p.from, p.to)} GROUP BY g ORDER BY g`, q.values);
}

async function lifecycle(wh: Warehouse, by: keyof typeof GROUP, scope: ShopScope | undefined, p: Period) {
  const q = new Params(wh);
  const g = by === 'sku' ? 'o.shop_id' : by === 'none' ? "'all'" : `o.${GROUP[by]}`;
  return wh.query(`SELECT coalesce(${g}, '(unknown)') AS g, count(*) AS created, count(o.paid_at) AS paid, count(o.shipped_at) AS shipped,
      sum(CASE WHEN o.status = 'completed' AND o.finished_at IS NOT NULL THEN 1 ELSE 0 END) AS received,
      sum(CASE WHEN o.status = 'completed' AND o.finished_at IS NOT NULL AND r.order_id IS NULL THEN 1 ELSE 0 END) AS kept
    FROM orders o LEFT JOIN (SELECT DISTINCT shop_id, order_id FROM refunds WHERE status = 'success' AND ${q.scope(scope)}) r
      ON r.shop_id = o.shop_id AND r.order_id = o.order_id
    WHERE ${q.scope(scope, 'o.shop_id')} AND ${q.days('o.created_day', p.from, p.to)} GROUP BY 1 ORDER BY 1`, q.values);
}

export async function funnelAnalysis(wh: Warehouse, options: FunnelOptions = {}): Promise<AnalysisResult> {
  const o = funnelOptions.parse(stripScope(options));
  const q = new Params(wh);
  const [last] = await wh.query(`SELECT max(day) AS d FROM (SELECT max(day) AS day FROM traffic_daily WHERE ${q.scope(options.scope)}
    UNION ALL SELECT max(created_day) FROM orders WHERE ${q.scope(options.scope)}) x`, q.values);
  if (!last?.d) fail(E.ANALYSIS_NO_DATA, { name: 'funnel', what: 'no traffic or orders in scope / 范围内没有流量或订单' });
  const cur = resolvePeriod(o, last.d as string);
  const prev = previousPeriod(cur);
  // One connection runs one statement at a time: sequential, not Promise.all.
  const tNow = await traffic(wh, o.by, options.scope, cur);
  const tPrev = await traffic(wh, o.by, options.scope, prev);
  const lNow = await lifecycle(wh, o.by, options.scope, cur);
  const lPrev = await lifecycle(wh, o.by, options.scope, prev);
  const trafficRows: Row[] = tNow.map((r) => {
    const b = tPrev.find((x) => x.g === r.g);
    const [v, c, n] = [count(r.v), count(r.c), count(r.b)];
    const [pv, pc, pn] = [count(b?.v), count(b?.c), count(b?.b)];
    return {
      group: r.g as string, visitors: v, add_to_cart_users: c, buyers: n,
      add_to_cart_rate: rate(c, v), cart_to_buyer_rate: rate(n, c), conversion_rate: rate(n, v),
      conversion_rate_prev: rate(pn, pv), conversion_rate_change: change(rate(n, v), rate(pn, pv)),
      add_to_cart_rate_change: change(rate(c, v), rate(pc, pv)),
    };
  });
  const steps = ['created', 'paid', 'shipped', 'received', 'kept'] as const;
  const lifeRows: Row[] = lNow.map((r) => {
    const b = lPrev.find((x) => x.g === r.g);
    const row: Row = { group: r.g as string };
    steps.forEach((s, i) => {
      row[s] = count(r[s]);
      if (i > 0) {
        const now = rate(count(r[s]), count(r[steps[i - 1]!]));
        row[`${s}_rate`] = now;
        row[`${s}_drop_off`] = now === null ? null : ratio(1 - now);
        row[`${s}_rate_change`] = change(now, b ? rate(count(b[s]), count(b[steps[i - 1]!])) : null);
      }
    });
    return row;
  });
  return {
    analysis: 'funnel', title: { zh: '转化漏斗', en: 'funnels' },
    metrics: ['visitors', 'add_to_cart_rate', 'conversion_rate', 'paid_orders'],
    summary: { by: o.by, from: cur.from, to: cur.to, previous_from: prev.from, previous_to: prev.to },
    tables: {
      traffic: { title: { zh: '流量漏斗:访客 → 加购 → 支付买家', en: 'traffic: visitors → add-to-cart → buyers' }, rows: trafficRows },
      lifecycle: { title: { zh: '订单生命周期:下单 → 付款 → 发货 → 签收 → 未退款', en: 'orders: created → paid → shipped → received → kept' }, rows: lifeRows },
    },
    notes: o.by === 'sku' ? [{ zh: '订单生命周期按店铺汇总(订单不属于单个 SKU)', en: 'the order lifecycle is by shop (an order is not one SKU)' }] : [],
  };
}
